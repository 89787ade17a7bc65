package dev.padlock.crypto;

/**
 * TLS 1.3 record protection (RFC 8446 §5.2) under the write key and IV of one traffic secret
 * (§7.3). The secret stays reachable for the opt-in NSS key log, whose TLS 1.3 lines name the
 * traffic secrets, not the keys.
 */
public final class Tls13RecordKeys implements RecordKeys {
    private final TrafficSecret secret;
    private final TrafficKeys keys;

    private Tls13RecordKeys(TrafficSecret secret, TrafficKeys keys) {
        this.secret = secret;
        this.keys = keys;
    }

    /** Derives the key and IV of {@code secret} (RFC 8446 §7.3). */
    public static Tls13RecordKeys of(TrafficSecret secret) {
        return new Tls13RecordKeys(secret, secret.keys());
    }

    @Override
    public CipherSuiteSpec suite() {
        return secret.suite();
    }

    @Override
    public TrafficKeys keys() {
        return keys;
    }

    /** The traffic secret the keys come from, for the key log only; the handshake erases it. */
    public TrafficSecret secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "Tls13RecordKeys(" + secret.suite().suite() + ")";
    }
}
