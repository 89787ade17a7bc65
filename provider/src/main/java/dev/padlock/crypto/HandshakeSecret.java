package dev.padlock.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/** The Handshake Secret of RFC 8446 §7.1; only {@link EarlySecret#handshakeSecret} makes one. */
public final class HandshakeSecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    HandshakeSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** client_handshake_traffic_secret, over ClientHello...ServerHello ("c hs traffic"). */
    public TrafficSecret clientHandshakeTrafficSecret(byte[] transcriptHashThroughServerHello) {
        return new TrafficSecret(suite, derive("c hs traffic", transcriptHashThroughServerHello));
    }

    /** server_handshake_traffic_secret, over ClientHello...ServerHello ("s hs traffic"). */
    public TrafficSecret serverHandshakeTrafficSecret(byte[] transcriptHashThroughServerHello) {
        return new TrafficSecret(suite, derive("s hs traffic", transcriptHashThroughServerHello));
    }

    /** The Master Secret: HKDF-Extract(Derive-Secret(., "derived", ""), 0). */
    public MasterSecret masterSecret() {
        Hkdf hkdf = Hkdf.of(suite);
        byte[] salt = derive("derived", EarlySecret.emptyHash(suite));
        try {
            return new MasterSecret(suite, hkdf.extract(salt, new byte[suite.hashLength()]));
        } finally {
            Arrays.fill(salt, (byte) 0);
        }
    }

    /** Zeroes the secret; nothing can be derived from it afterwards. */
    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    private byte[] derive(String label, byte[] transcriptHash) {
        return secret.apply(s -> Hkdf.of(suite).deriveSecret(s, label, transcriptHash));
    }

    @Override
    public String toString() {
        return "HandshakeSecret(" + suite.suite() + ")";
    }
}
