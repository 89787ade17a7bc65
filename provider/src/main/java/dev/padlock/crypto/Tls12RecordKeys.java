package dev.padlock.crypto;

/**
 * TLS 1.2 AEAD record protection (RFC 5246 §6.2.3.3) of one direction: the write key and the
 * fixed IV of the key block (§6.3), a 4-byte salt for AES-GCM (RFC 5288 §3) or a 12-byte IV for
 * ChaCha20-Poly1305 (RFC 7905 §2). AEAD suites have no MAC key.
 */
public final class Tls12RecordKeys implements RecordKeys {
    private final CipherSuiteSpec suite;
    private final TrafficKeys keys;

    private Tls12RecordKeys(CipherSuiteSpec suite, TrafficKeys keys) {
        this.suite = suite;
        this.keys = keys;
    }

    /**
     * Takes {@code key} and {@code fixedIv} (zeroes the caller's arrays).
     *
     * @throws IllegalArgumentException if the suite is not a TLS 1.2 one or a length is not the suite's
     */
    public static Tls12RecordKeys of(CipherSuiteSpec suite, byte[] key, byte[] fixedIv) {
        if (!suite.isTls12()) {
            throw new IllegalArgumentException(suite.suite() + " is not a TLS 1.2 suite");
        }
        if (key.length != suite.keyLength() || fixedIv.length != suite.fixedIvLength()) {
            throw new IllegalArgumentException(suite.suite() + " needs a " + suite.keyLength() + "-byte key and a "
                    + suite.fixedIvLength() + "-byte fixed IV");
        }
        return new Tls12RecordKeys(suite, new TrafficKeys(key, fixedIv));
    }

    @Override
    public CipherSuiteSpec suite() {
        return suite;
    }

    @Override
    public TrafficKeys keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "Tls12RecordKeys(" + suite.suite() + ")";
    }
}
