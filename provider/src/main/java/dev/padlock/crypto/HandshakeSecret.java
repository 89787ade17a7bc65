package dev.padlock.crypto;

/** The Handshake Secret of RFC 8446 §7.1; only {@link EarlySecret#handshakeSecret} makes one. */
public final class HandshakeSecret {
    private final CipherSuiteSpec suite;
    private final Secret secret;

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
        return new MasterSecret(suite, hkdf.extract(salt, new byte[suite.hashLength()]));
    }

    public void destroy() {
        secret.destroy();
    }

    private byte[] derive(String label, byte[] transcriptHash) {
        return Hkdf.of(suite).deriveSecret(secret.bytes(), label, transcriptHash);
    }

    @Override
    public String toString() {
        return "HandshakeSecret(" + suite.suite() + ")";
    }
}
