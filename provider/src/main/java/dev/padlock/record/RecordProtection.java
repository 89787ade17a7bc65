package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12RecordKeys;
import java.util.Arrays;

/**
 * Builds the record protection the handshake's keys call for: TLS 1.3's (RFC 8446 §5.2) or TLS
 * 1.2's AEAD (RFC 5246 §6.2.3.3). The caller destroys the keys afterwards; the working copies
 * taken here are zeroed as soon as the cipher holds its own.
 */
public final class RecordProtection {
    private RecordProtection() {
    }

    /** Protection for the records we send under {@code keys}. */
    public static RecordEncryptor encryptor(RecordKeys keys) {
        return build(keys, Tls13RecordEncryptor::new, Tls12RecordEncryptor::new);
    }

    /** Protection for the records the peer sends under {@code keys}. */
    public static RecordDecryptor decryptor(RecordKeys keys) {
        return build(keys, Tls13RecordDecryptor::new, Tls12RecordDecryptor::new);
    }

    /** A constructor taking the suite, the key and the IV (TLS 1.3) or fixed IV (TLS 1.2). */
    private interface Constructor<T> {
        T make(CipherSuiteSpec suite, byte[] key, byte[] iv);
    }

    private static <T> T build(RecordKeys keys, Constructor<T> tls13, Constructor<T> tls12) {
        Constructor<T> constructor = keys instanceof Tls12RecordKeys ? tls12 : tls13;
        byte[] key = keys.keys().key();
        byte[] iv = keys.keys().iv();
        try {
            return constructor.make(keys.suite(), key, iv);
        } finally {
            // RFC 8446 §7.2: erase what has no further use.
            Arrays.fill(key, (byte) 0);
            Arrays.fill(iv, (byte) 0);
        }
    }
}
