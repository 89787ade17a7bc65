package dev.padlock.record;

import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficKeys;
import java.util.Arrays;

/**
 * Builds the record protection the handshake's keys call for. The caller destroys the keys
 * afterwards; the working copies taken here are zeroed as soon as the cipher holds its own.
 */
public final class RecordProtection {
    private RecordProtection() {
    }

    /** Protection for the records we send under {@code keys}. */
    public static RecordEncryptor encryptor(RecordKeys keys) {
        if (keys instanceof Tls13RecordKeys tls13) {
            TrafficKeys k = tls13.keys();
            byte[] key = k.key();
            byte[] iv = k.iv();
            try {
                return new Tls13RecordEncryptor(tls13.suite(), key, iv);
            } finally {
                erase(key, iv);
            }
        }
        throw new IllegalArgumentException("no record protection for " + keys);
    }

    /** Protection for the records the peer sends under {@code keys}. */
    public static RecordDecryptor decryptor(RecordKeys keys) {
        if (keys instanceof Tls13RecordKeys tls13) {
            TrafficKeys k = tls13.keys();
            byte[] key = k.key();
            byte[] iv = k.iv();
            try {
                return new Tls13RecordDecryptor(tls13.suite(), key, iv);
            } finally {
                erase(key, iv);
            }
        }
        throw new IllegalArgumentException("no record protection for " + keys);
    }

    /** RFC 8446 §7.2: erase what has no further use. */
    private static void erase(byte[] key, byte[] iv) {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
    }
}
