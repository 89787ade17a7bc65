package dev.padlock.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The Early Secret of RFC 8446 §7.1: HKDF-Extract(0, PSK), the first link of the key schedule.
 * Everything later is reached only through {@link #handshakeSecret}.
 */
public final class EarlySecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    private EarlySecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    /** Without a PSK the PSK input is a string of Hash.length zeros (RFC 8446 §7.1). */
    public static EarlySecret withoutPsk(CipherSuiteSpec suite) {
        return extract(suite, new byte[suite.hashLength()]);
    }

    public static EarlySecret withPsk(CipherSuiteSpec suite, PreSharedKey psk) {
        Objects.requireNonNull(psk, "psk");
        return psk.apply(bytes -> extract(suite, bytes));
    }

    private static EarlySecret extract(CipherSuiteSpec suite, byte[] psk) {
        return new EarlySecret(suite, Hkdf.of(suite).extract(new byte[suite.hashLength()], psk));
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** binder_key: "res binder" for resumption PSKs, "ext binder" for external ones (§7.1). */
    public byte[] binderKey(boolean resumption) {
        return derive(resumption ? "res binder" : "ext binder", emptyHash(suite));
    }

    /**
     * The PSK binder (RFC 8446 §4.2.11.2): computed like a Finished value (§4.4.4) with the
     * binder key as base key, over the transcript hash through the truncated ClientHello.
     */
    public byte[] computeBinder(boolean resumption, byte[] truncatedTranscriptHash) {
        byte[] binderKey = binderKey(resumption);
        try {
            return finishedMac(suite, binderKey, truncatedTranscriptHash);
        } finally {
            Arrays.fill(binderKey, (byte) 0);
        }
    }

    /** Compares in constant time. */
    public boolean verifyBinder(boolean resumption, byte[] truncatedTranscriptHash, byte[] received) {
        return MessageDigest.isEqual(computeBinder(resumption, truncatedTranscriptHash), received);
    }

    /** client_early_traffic_secret over ClientHello (§7.1, "c e traffic"). */
    public TrafficSecret clientEarlyTrafficSecret(byte[] clientHelloHash) {
        return new TrafficSecret(suite, derive("c e traffic", clientHelloHash));
    }

    /** early_exporter_master_secret over ClientHello (§7.1, "e exp master"). */
    public ExporterMasterSecret earlyExporterMasterSecret(byte[] clientHelloHash) {
        return new ExporterMasterSecret(suite, derive("e exp master", clientHelloHash));
    }

    /** The Handshake Secret from the (EC)DHE shared secret (§7.1, §7.4). */
    public HandshakeSecret handshakeSecret(byte[] ecdheSharedSecret) {
        Objects.requireNonNull(ecdheSharedSecret, "ecdheSharedSecret");
        Hkdf hkdf = Hkdf.of(suite);
        byte[] salt = derive("derived", emptyHash(suite));
        try {
            return new HandshakeSecret(suite, hkdf.extract(salt, ecdheSharedSecret));
        } finally {
            Arrays.fill(salt, (byte) 0);
        }
    }

    /** For psk_ke, where no (EC)DHE takes place: the input is Hash.length zeros (§7.1). */
    public HandshakeSecret handshakeSecretWithoutEcdhe() {
        return handshakeSecret(new byte[suite.hashLength()]);
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

    static byte[] emptyHash(CipherSuiteSpec suite) {
        try {
            return MessageDigest.getInstance(suite.hashAlgorithm()).digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JCA cannot provide " + suite.hashAlgorithm(), e);
        }
    }

    /** HMAC(finished_key, hash) where finished_key = HKDF-Expand-Label(base, "finished", "", Hash.length). */
    static byte[] finishedMac(CipherSuiteSpec suite, byte[] baseKey, byte[] transcriptHash) {
        Hkdf hkdf = Hkdf.of(suite);
        byte[] finishedKey = hkdf.expandLabel(baseKey, "finished", new byte[0], suite.hashLength());
        try {
            return hkdf.hmac(finishedKey, transcriptHash);
        } finally {
            Arrays.fill(finishedKey, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "EarlySecret(" + suite.suite() + ")";
    }
}
