package dev.padlock.crypto.curve25519;

import java.math.BigInteger;

/**
 * Integers modulo the group order L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032
 * §5.1), for Ed25519's r, k and S. Values are 25 signed limbs of 21 bits in {@code long}s; since
 * 2^252 ≡ -c (mod L) with c = L - 2^252 (126 bits), reduction folds everything above limb 12 down
 * as a product with c's six limbs.
 *
 * <p>Constant time: every loop has a fixed bound, carries are arithmetic shifts, and the final
 * corrections are masks made from the sign of the value, not branches on it. The scalars are
 * secret when signing (r and the private scalar s).
 */
final class Scalar25519 {
    private static final int LIMBS = 25;
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    private static final BigInteger C = new BigInteger("27742317777372353535851937790883648493");
    /** The order L itself (RFC 8032 §5.1), big-endian, for tests and the S < L check. */
    static final BigInteger ORDER = BigInteger.ONE.shiftLeft(252).add(C);
    private static final long[] C_LIMBS = limbsOf(C, 6);
    private static final long[] L_LIMBS = limbsOf(ORDER, LIMBS);
    private static final byte[] L_BYTES = toLittleEndian(ORDER);

    private Scalar25519() {
    }

    private static long[] limbsOf(BigInteger v, int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = v.shiftRight(BITS * i).longValue() & MASK;
        }
        return t;
    }

    private static byte[] toLittleEndian(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    /** A little-endian integer of up to 64 bytes (a SHA-512 output) reduced modulo L, 32 bytes. */
    static byte[] reduce(byte[] wide) {
        long[] t = load(wide, 0, wide.length);
        reduce(t);
        return store(t);
    }

    /** (a·b + c) mod L for 32-byte little-endian a, b, c: RFC 8032 §5.1.6's S = (r + k·s) mod L. */
    static byte[] mulAdd(byte[] a, byte[] b, byte[] c) {
        long[] x = load(a, 0, 32);
        long[] y = load(b, 0, 32);
        long[] t = load(c, 0, 32);
        // 13 limbs each hold 256 bits; a column sums at most 13 products of 2^42, below 2^46.
        for (int i = 0; i < 13; i++) {
            for (int j = 0; j < 13; j++) {
                t[i + j] += x[i] * y[j];
            }
        }
        reduce(t);
        return store(t);
    }

    /**
     * Whether 32 little-endian bytes are an integer below L: RFC 8032 §5.1.7 rejects S ≥ L.
     * Variable time, as it only ever sees a signature, which is public.
     */
    static boolean isCanonical(byte[] s, int off) {
        for (int i = 31; i >= 0; i--) {
            int a = s[off + i] & 0xFF;
            int b = L_BYTES[i] & 0xFF;
            if (a != b) {
                return a < b;
            }
        }
        return false;
    }

    private static long[] load(byte[] s, int off, int len) {
        long[] t = new long[LIMBS];
        for (int bit = 0; bit < 8 * len; bit += 8) {
            t[bit / BITS] |= ((long) (s[off + bit / 8] & 0xFF) << (bit % BITS)) & MASK;
            int spill = bit % BITS + 8 - BITS;
            if (spill > 0) {
                t[bit / BITS + 1] |= (s[off + bit / 8] & 0xFF) >>> (8 - spill);
            }
        }
        return t;
    }

    private static byte[] store(long[] t) {
        byte[] out = new byte[32];
        for (int bit = 0; bit < 256; bit += 8) {
            int limb = bit / BITS;
            int shift = bit % BITS;
            long v = t[limb] >>> shift;
            if (shift + 8 > BITS && limb + 1 < LIMBS) {
                v |= t[limb + 1] << (BITS - shift);
            }
            out[bit / 8] = (byte) v;
        }
        return out;
    }

    /**
     * Reduces t (any signed limbs below 2^50, a value below 2^513) into [0, L), normalised. Each
     * fold shrinks the part above 2^252 (2^261, 2^135, 2^10, then at most ±1 times c), so four
     * leave a value in (-L, L); adding L when negative, then subtracting it when the result is
     * still at least L, lands in [0, L). Both corrections are masks, not branches.
     */
    private static void reduce(long[] t) {
        for (int round = 0; round < 4; round++) {
            normalise(t);
            fold(t);
        }
        normalise(t);
        long negative = t[LIMBS - 1] >> 63;
        for (int i = 0; i < LIMBS; i++) {
            t[i] += L_LIMBS[i] & negative;
        }
        normalise(t);
        long[] u = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            u[i] = t[i] - L_LIMBS[i];
        }
        normalise(u);
        long below = u[LIMBS - 1] >> 63;
        for (int i = 0; i < LIMBS; i++) {
            t[i] = u[i] ^ ((t[i] ^ u[i]) & below);
        }
    }

    /** Floor carries: limbs 0..23 into [0, 2^21), the sign and the rest in limb 24. */
    private static void normalise(long[] t) {
        for (int i = 0; i < LIMBS - 1; i++) {
            long carry = t[i] >> BITS;
            t[i + 1] += carry;
            t[i] -= carry << BITS;
        }
    }

    /** t = low 252 bits − high part · c, since high · 2^252 ≡ −high · c (mod L). */
    private static void fold(long[] t) {
        long[] high = new long[LIMBS - 12];
        for (int i = 0; i < high.length; i++) {
            high[i] = t[12 + i];
            t[12 + i] = 0;
        }
        for (int i = 0; i < high.length; i++) {
            for (int j = 0; j < C_LIMBS.length; j++) {
                t[i + j] -= high[i] * C_LIMBS[j];
            }
        }
    }
}
