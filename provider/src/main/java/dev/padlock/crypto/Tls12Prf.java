package dev.padlock.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

/**
 * The TLS 1.2 pseudorandom function (RFC 5246 §5): P_hash with the HMAC of the suite's hash,
 * which for every suite Padlock implements is SHA-256 or SHA-384 (RFC 5289 §3.2, RFC 7905 §2).
 */
public final class Tls12Prf {
    private Tls12Prf() {
    }

    /**
     * PRF(secret, label, seed) = P_hash(secret, label + seed), cut to {@code length} bytes.
     *
     * @param label ASCII, without a length byte or trailing null (RFC 5246 §5); an exporter's
     *              label is the application's and is taken in UTF-8, the same bytes for ASCII
     * @throws IllegalArgumentException for a negative length
     */
    public static byte[] prf(CipherSuiteSpec suite, byte[] secret, String label, byte[] seed, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative PRF length " + length);
        }
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        byte[] labelAndSeed = Arrays.copyOf(l, l.length + seed.length);
        System.arraycopy(seed, 0, labelAndSeed, l.length, seed.length);
        return pHash(Hkdf.initMac(suite.macAlgorithm(), suite.hashLength(), secret), labelAndSeed, length);
    }

    /**
     * P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...,
     * where A(0) = seed and A(i) = HMAC_hash(secret, A(i-1)) (RFC 5246 §5).
     */
    private static byte[] pHash(Mac mac, byte[] seed, int length) {
        int hashLength = mac.getMacLength();
        byte[] out = new byte[length];
        byte[] a = seed;
        byte[] block = new byte[hashLength];
        try {
            for (int done = 0; done < length; done += hashLength) {
                byte[] next = mac.doFinal(a);
                if (a != seed) {
                    Arrays.fill(a, (byte) 0);
                }
                a = next;
                mac.update(a);
                mac.update(seed);
                mac.doFinal(block, 0);
                System.arraycopy(block, 0, out, done, Math.min(hashLength, length - done));
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException("HMAC output longer than its own length", e);
        } finally {
            if (a != seed) {
                Arrays.fill(a, (byte) 0);
            }
            Arrays.fill(block, (byte) 0);
        }
        return out;
    }
}
