package dev.padlock.crypto.p256;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ECDSA nonces k by RFC 6979 §3.2 (HMAC_DRBG with HMAC-SHA-256) for P-256, where qlen = hlen = 256,
 * optionally hedged with additional data k' (§3.6): fresh random bytes appended in steps d and
 * f, so that a fault or a repeated (key, message) does not repeat k, while a broken random
 * source still leaves the nonce as good as the deterministic one. Each {@link #next} is step h,
 * continued as §3.2 says when a candidate is out of range or gives r = 0 or s = 0.
 */
final class Rfc6979 {
    private static final String HMAC = "HmacSHA256";
    private final byte[] k = new byte[32];
    private final byte[] v = new byte[32];
    private final Mac mac;
    private boolean first = true;

    /**
     * @param x the private key, int2octets(x): 32 bytes
     * @param h1 bits2octets(h1): the message hash as an integer mod n, 32 bytes
     * @param additional k', empty for the deterministic nonce
     */
    Rfc6979(byte[] x, byte[] h1, byte[] additional) {
        try {
            mac = Mac.getInstance(HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + HMAC, e);
        }
        Arrays.fill(v, (byte) 1);
        rekey(new byte[32]);
        update((byte) 0, x, h1, additional);
        update((byte) 1, x, h1, additional);
    }

    /** Steps d-g: K = HMAC_K(V || tag || x || h1 || k'); V = HMAC_K(V). */
    private void update(byte tag, byte[] x, byte[] h1, byte[] additional) {
        mac.update(v);
        mac.update(tag);
        mac.update(x);
        mac.update(h1);
        mac.update(additional);
        rekey(mac.doFinal());
        hmacV();
    }

    /**
     * The next candidate k in [1, n-1], as limbs. A candidate out of range (probability below
     * 2^-32) is discarded and the generator moves on; the loop reveals nothing about the k it
     * returns, since rejected values are never used.
     */
    int[] next() {
        while (true) {
            if (!first) {
                mac.update(v);
                mac.update((byte) 0);
                rekey(mac.doFinal());
                hmacV();
            }
            first = false;
            hmacV();
            int[] candidate = Mont.fromBytes(v, 0);
            if ((Mont.lessThanMask(candidate, Curve.N.limbs) & ~Mont.isZeroMask(candidate)) != 0) {
                return candidate;
            }
        }
    }

    /** Forgets K and V. */
    void destroy() {
        Arrays.fill(k, (byte) 0);
        Arrays.fill(v, (byte) 0);
    }

    private void hmacV() {
        mac.update(v);
        byte[] out = mac.doFinal();
        System.arraycopy(out, 0, v, 0, 32);
        Arrays.fill(out, (byte) 0);
    }

    private void rekey(byte[] newK) {
        System.arraycopy(newK, 0, k, 0, 32);
        Arrays.fill(newK, (byte) 0);
        try {
            mac.init(new SecretKeySpec(k, HMAC));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " refused a 32-byte key", e);
        }
    }
}
