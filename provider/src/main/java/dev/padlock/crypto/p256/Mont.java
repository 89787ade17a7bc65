package dev.padlock.crypto.p256;

import java.math.BigInteger;

/**
 * Arithmetic modulo a 256-bit odd modulus (the P-256 field prime p or the group order n) in
 * Montgomery form: an element is eight 32-bit limbs, least significant first, held in an
 * {@code int[8]}, always fully reduced (below the modulus).
 *
 * <p>Constant time: every operation runs the same instructions whatever the values. Carries and
 * borrows become all-ones or all-zeros masks instead of branches, and the loops have fixed bounds.
 */
final class Mont {
    static final int LIMBS = 8;
    private static final long M = 0xFFFF_FFFFL;
    private static final int[] PLAIN_ONE = {1, 0, 0, 0, 0, 0, 0, 0};

    /** A modulus and the constants Montgomery multiplication needs for it. */
    static final class Modulus {
        final int[] limbs;
        /** -m^-1 mod 2^32. */
        final long m0inv;
        /** R^2 mod m, R = 2^256: multiplying by it enters Montgomery form. */
        final int[] rSquared;
        /** R mod m: 1 in Montgomery form. */
        final int[] one;
        /** m - 2, the exponent of inversion by Fermat's little theorem. */
        final int[] minusTwo;

        Modulus(BigInteger m) {
            BigInteger r = BigInteger.ONE.shiftLeft(256);
            this.limbs = fromBigInteger(m);
            this.m0inv = m.negate().modInverse(BigInteger.ONE.shiftLeft(32)).longValue() & M;
            this.rSquared = fromBigInteger(r.multiply(r).mod(m));
            this.one = fromBigInteger(r.mod(m));
            this.minusTwo = fromBigInteger(m.subtract(BigInteger.TWO));
        }
    }

    private Mont() {
    }

    /**
     * r = a * b / R mod m. r may be a or b: all limbs are read before any is written. Product
     * scanning with the reduction interleaved, unrolled so the limbs live in registers; each
     * column's 64-bit products are summed as low and high halves, so nothing overflows.
     */
    static void mul(int[] r, int[] a, int[] b, Modulus mod) {
        int[] m = mod.limbs;
        long m0inv = mod.m0inv;
        long a0 = a[0] & M, a1 = a[1] & M, a2 = a[2] & M, a3 = a[3] & M;
        long a4 = a[4] & M, a5 = a[5] & M, a6 = a[6] & M, a7 = a[7] & M;
        long b0 = b[0] & M, b1 = b[1] & M, b2 = b[2] & M, b3 = b[3] & M;
        long b4 = b[4] & M, b5 = b[5] & M, b6 = b[6] & M, b7 = b[7] & M;
        long m0 = m[0] & M, m1 = m[1] & M, m2 = m[2] & M, m3 = m[3] & M;
        long m4 = m[4] & M, m5 = m[5] & M, m6 = m[6] & M, m7 = m[7] & M;
        long lo = 0;
        long hi = 0;
        lo += (a0 * b0 & M);
        hi += (a0 * b0 >>> 32);
        long q0 = ((lo & M) * m0inv) & M;
        lo += q0 * m0 & M;
        lo = (lo >>> 32) + hi + (q0 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b1 & M) + (a1 * b0 & M) + (q0 * m1 & M);
        hi += (a0 * b1 >>> 32) + (a1 * b0 >>> 32) + (q0 * m1 >>> 32);
        long q1 = ((lo & M) * m0inv) & M;
        lo += q1 * m0 & M;
        lo = (lo >>> 32) + hi + (q1 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b2 & M) + (a1 * b1 & M) + (a2 * b0 & M) + (q0 * m2 & M) + (q1 * m1 & M);
        hi += (a0 * b2 >>> 32) + (a1 * b1 >>> 32) + (a2 * b0 >>> 32) + (q0 * m2 >>> 32) + (q1 * m1 >>> 32);
        long q2 = ((lo & M) * m0inv) & M;
        lo += q2 * m0 & M;
        lo = (lo >>> 32) + hi + (q2 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b3 & M) + (a1 * b2 & M) + (a2 * b1 & M) + (a3 * b0 & M) + (q0 * m3 & M) + (q1 * m2 & M)
                + (q2 * m1 & M);
        hi += (a0 * b3 >>> 32) + (a1 * b2 >>> 32) + (a2 * b1 >>> 32) + (a3 * b0 >>> 32) + (q0 * m3 >>> 32)
                + (q1 * m2 >>> 32) + (q2 * m1 >>> 32);
        long q3 = ((lo & M) * m0inv) & M;
        lo += q3 * m0 & M;
        lo = (lo >>> 32) + hi + (q3 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b4 & M) + (a1 * b3 & M) + (a2 * b2 & M) + (a3 * b1 & M) + (a4 * b0 & M) + (q0 * m4 & M)
                + (q1 * m3 & M) + (q2 * m2 & M) + (q3 * m1 & M);
        hi += (a0 * b4 >>> 32) + (a1 * b3 >>> 32) + (a2 * b2 >>> 32) + (a3 * b1 >>> 32) + (a4 * b0 >>> 32)
                + (q0 * m4 >>> 32) + (q1 * m3 >>> 32) + (q2 * m2 >>> 32) + (q3 * m1 >>> 32);
        long q4 = ((lo & M) * m0inv) & M;
        lo += q4 * m0 & M;
        lo = (lo >>> 32) + hi + (q4 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b5 & M) + (a1 * b4 & M) + (a2 * b3 & M) + (a3 * b2 & M) + (a4 * b1 & M) + (a5 * b0 & M)
                + (q0 * m5 & M) + (q1 * m4 & M) + (q2 * m3 & M) + (q3 * m2 & M) + (q4 * m1 & M);
        hi += (a0 * b5 >>> 32) + (a1 * b4 >>> 32) + (a2 * b3 >>> 32) + (a3 * b2 >>> 32) + (a4 * b1 >>> 32)
                + (a5 * b0 >>> 32) + (q0 * m5 >>> 32) + (q1 * m4 >>> 32) + (q2 * m3 >>> 32) + (q3 * m2 >>> 32)
                + (q4 * m1 >>> 32);
        long q5 = ((lo & M) * m0inv) & M;
        lo += q5 * m0 & M;
        lo = (lo >>> 32) + hi + (q5 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b6 & M) + (a1 * b5 & M) + (a2 * b4 & M) + (a3 * b3 & M) + (a4 * b2 & M) + (a5 * b1 & M)
                + (a6 * b0 & M) + (q0 * m6 & M) + (q1 * m5 & M) + (q2 * m4 & M) + (q3 * m3 & M) + (q4 * m2 & M)
                + (q5 * m1 & M);
        hi += (a0 * b6 >>> 32) + (a1 * b5 >>> 32) + (a2 * b4 >>> 32) + (a3 * b3 >>> 32) + (a4 * b2 >>> 32)
                + (a5 * b1 >>> 32) + (a6 * b0 >>> 32) + (q0 * m6 >>> 32) + (q1 * m5 >>> 32) + (q2 * m4 >>> 32)
                + (q3 * m3 >>> 32) + (q4 * m2 >>> 32) + (q5 * m1 >>> 32);
        long q6 = ((lo & M) * m0inv) & M;
        lo += q6 * m0 & M;
        lo = (lo >>> 32) + hi + (q6 * m0 >>> 32);
        hi = 0;
        lo += (a0 * b7 & M) + (a1 * b6 & M) + (a2 * b5 & M) + (a3 * b4 & M) + (a4 * b3 & M) + (a5 * b2 & M)
                + (a6 * b1 & M) + (a7 * b0 & M) + (q0 * m7 & M) + (q1 * m6 & M) + (q2 * m5 & M) + (q3 * m4 & M)
                + (q4 * m3 & M) + (q5 * m2 & M) + (q6 * m1 & M);
        hi += (a0 * b7 >>> 32) + (a1 * b6 >>> 32) + (a2 * b5 >>> 32) + (a3 * b4 >>> 32) + (a4 * b3 >>> 32)
                + (a5 * b2 >>> 32) + (a6 * b1 >>> 32) + (a7 * b0 >>> 32) + (q0 * m7 >>> 32) + (q1 * m6 >>> 32)
                + (q2 * m5 >>> 32) + (q3 * m4 >>> 32) + (q4 * m3 >>> 32) + (q5 * m2 >>> 32) + (q6 * m1 >>> 32);
        long q7 = ((lo & M) * m0inv) & M;
        lo += q7 * m0 & M;
        lo = (lo >>> 32) + hi + (q7 * m0 >>> 32);
        hi = 0;
        lo += (a1 * b7 & M) + (q1 * m7 & M) + (a2 * b6 & M) + (q2 * m6 & M) + (a3 * b5 & M) + (q3 * m5 & M)
                + (a4 * b4 & M) + (q4 * m4 & M) + (a5 * b3 & M) + (q5 * m3 & M) + (a6 * b2 & M) + (q6 * m2 & M)
                + (a7 * b1 & M) + (q7 * m1 & M);
        hi += (a1 * b7 >>> 32) + (q1 * m7 >>> 32) + (a2 * b6 >>> 32) + (q2 * m6 >>> 32) + (a3 * b5 >>> 32)
                + (q3 * m5 >>> 32) + (a4 * b4 >>> 32) + (q4 * m4 >>> 32) + (a5 * b3 >>> 32) + (q5 * m3 >>> 32)
                + (a6 * b2 >>> 32) + (q6 * m2 >>> 32) + (a7 * b1 >>> 32) + (q7 * m1 >>> 32);
        r[0] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a2 * b7 & M) + (q2 * m7 & M) + (a3 * b6 & M) + (q3 * m6 & M) + (a4 * b5 & M) + (q4 * m5 & M)
                + (a5 * b4 & M) + (q5 * m4 & M) + (a6 * b3 & M) + (q6 * m3 & M) + (a7 * b2 & M) + (q7 * m2 & M);
        hi += (a2 * b7 >>> 32) + (q2 * m7 >>> 32) + (a3 * b6 >>> 32) + (q3 * m6 >>> 32) + (a4 * b5 >>> 32)
                + (q4 * m5 >>> 32) + (a5 * b4 >>> 32) + (q5 * m4 >>> 32) + (a6 * b3 >>> 32) + (q6 * m3 >>> 32)
                + (a7 * b2 >>> 32) + (q7 * m2 >>> 32);
        r[1] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a3 * b7 & M) + (q3 * m7 & M) + (a4 * b6 & M) + (q4 * m6 & M) + (a5 * b5 & M) + (q5 * m5 & M)
                + (a6 * b4 & M) + (q6 * m4 & M) + (a7 * b3 & M) + (q7 * m3 & M);
        hi += (a3 * b7 >>> 32) + (q3 * m7 >>> 32) + (a4 * b6 >>> 32) + (q4 * m6 >>> 32) + (a5 * b5 >>> 32)
                + (q5 * m5 >>> 32) + (a6 * b4 >>> 32) + (q6 * m4 >>> 32) + (a7 * b3 >>> 32) + (q7 * m3 >>> 32);
        r[2] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a4 * b7 & M) + (q4 * m7 & M) + (a5 * b6 & M) + (q5 * m6 & M) + (a6 * b5 & M) + (q6 * m5 & M)
                + (a7 * b4 & M) + (q7 * m4 & M);
        hi += (a4 * b7 >>> 32) + (q4 * m7 >>> 32) + (a5 * b6 >>> 32) + (q5 * m6 >>> 32) + (a6 * b5 >>> 32)
                + (q6 * m5 >>> 32) + (a7 * b4 >>> 32) + (q7 * m4 >>> 32);
        r[3] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a5 * b7 & M) + (q5 * m7 & M) + (a6 * b6 & M) + (q6 * m6 & M) + (a7 * b5 & M) + (q7 * m5 & M);
        hi += (a5 * b7 >>> 32) + (q5 * m7 >>> 32) + (a6 * b6 >>> 32) + (q6 * m6 >>> 32) + (a7 * b5 >>> 32)
                + (q7 * m5 >>> 32);
        r[4] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a6 * b7 & M) + (q6 * m7 & M) + (a7 * b6 & M) + (q7 * m6 & M);
        hi += (a6 * b7 >>> 32) + (q6 * m7 >>> 32) + (a7 * b6 >>> 32) + (q7 * m6 >>> 32);
        r[5] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a7 * b7 & M) + (q7 * m7 & M);
        hi += (a7 * b7 >>> 32) + (q7 * m7 >>> 32);
        r[6] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;

        r[7] = (int) lo;
        reduceOnce(r, (int) (lo >>> 32), m);
    }

    /**
     * r = a^2 / R mod m, as {@link #mul} but with each cross product a_i * a_j (i < j) computed
     * once and doubled: 36 limb products instead of 64.
     */
    static void sqr(int[] r, int[] a, Modulus mod) {
        int[] m = mod.limbs;
        long m0inv = mod.m0inv;
        long a0 = a[0] & M, a1 = a[1] & M, a2 = a[2] & M, a3 = a[3] & M;
        long a4 = a[4] & M, a5 = a[5] & M, a6 = a[6] & M, a7 = a[7] & M;
        long m0 = m[0] & M, m1 = m[1] & M, m2 = m[2] & M, m3 = m[3] & M;
        long m4 = m[4] & M, m5 = m[5] & M, m6 = m[6] & M, m7 = m[7] & M;
        long lo = 0;
        long hi = 0;
        lo += (a0 * a0 & M);
        hi += (a0 * a0 >>> 32);
        long q0 = ((lo & M) * m0inv) & M;
        lo += q0 * m0 & M;
        lo = (lo >>> 32) + hi + (q0 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a1 & M)) << 1) + (q0 * m1 & M);
        hi += (((a0 * a1 >>> 32)) << 1) + (q0 * m1 >>> 32);
        long q1 = ((lo & M) * m0inv) & M;
        lo += q1 * m0 & M;
        lo = (lo >>> 32) + hi + (q1 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a2 & M)) << 1) + (a1 * a1 & M) + (q0 * m2 & M) + (q1 * m1 & M);
        hi += (((a0 * a2 >>> 32)) << 1) + (a1 * a1 >>> 32) + (q0 * m2 >>> 32) + (q1 * m1 >>> 32);
        long q2 = ((lo & M) * m0inv) & M;
        lo += q2 * m0 & M;
        lo = (lo >>> 32) + hi + (q2 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a3 & M) + (a1 * a2 & M)) << 1) + (q0 * m3 & M) + (q1 * m2 & M) + (q2 * m1 & M);
        hi += (((a0 * a3 >>> 32) + (a1 * a2 >>> 32)) << 1) + (q0 * m3 >>> 32) + (q1 * m2 >>> 32)
                + (q2 * m1 >>> 32);
        long q3 = ((lo & M) * m0inv) & M;
        lo += q3 * m0 & M;
        lo = (lo >>> 32) + hi + (q3 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a4 & M) + (a1 * a3 & M)) << 1) + (a2 * a2 & M) + (q0 * m4 & M) + (q1 * m3 & M)
                + (q2 * m2 & M) + (q3 * m1 & M);
        hi += (((a0 * a4 >>> 32) + (a1 * a3 >>> 32)) << 1) + (a2 * a2 >>> 32) + (q0 * m4 >>> 32)
                + (q1 * m3 >>> 32) + (q2 * m2 >>> 32) + (q3 * m1 >>> 32);
        long q4 = ((lo & M) * m0inv) & M;
        lo += q4 * m0 & M;
        lo = (lo >>> 32) + hi + (q4 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a5 & M) + (a1 * a4 & M) + (a2 * a3 & M)) << 1) + (q0 * m5 & M) + (q1 * m4 & M)
                + (q2 * m3 & M) + (q3 * m2 & M) + (q4 * m1 & M);
        hi += (((a0 * a5 >>> 32) + (a1 * a4 >>> 32) + (a2 * a3 >>> 32)) << 1) + (q0 * m5 >>> 32)
                + (q1 * m4 >>> 32) + (q2 * m3 >>> 32) + (q3 * m2 >>> 32) + (q4 * m1 >>> 32);
        long q5 = ((lo & M) * m0inv) & M;
        lo += q5 * m0 & M;
        lo = (lo >>> 32) + hi + (q5 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a6 & M) + (a1 * a5 & M) + (a2 * a4 & M)) << 1) + (a3 * a3 & M) + (q0 * m6 & M)
                + (q1 * m5 & M) + (q2 * m4 & M) + (q3 * m3 & M) + (q4 * m2 & M) + (q5 * m1 & M);
        hi += (((a0 * a6 >>> 32) + (a1 * a5 >>> 32) + (a2 * a4 >>> 32)) << 1) + (a3 * a3 >>> 32)
                + (q0 * m6 >>> 32) + (q1 * m5 >>> 32) + (q2 * m4 >>> 32) + (q3 * m3 >>> 32) + (q4 * m2 >>> 32)
                + (q5 * m1 >>> 32);
        long q6 = ((lo & M) * m0inv) & M;
        lo += q6 * m0 & M;
        lo = (lo >>> 32) + hi + (q6 * m0 >>> 32);
        hi = 0;
        lo += (((a0 * a7 & M) + (a1 * a6 & M) + (a2 * a5 & M) + (a3 * a4 & M)) << 1) + (q0 * m7 & M)
                + (q1 * m6 & M) + (q2 * m5 & M) + (q3 * m4 & M) + (q4 * m3 & M) + (q5 * m2 & M) + (q6 * m1 & M);
        hi += (((a0 * a7 >>> 32) + (a1 * a6 >>> 32) + (a2 * a5 >>> 32) + (a3 * a4 >>> 32)) << 1)
                + (q0 * m7 >>> 32) + (q1 * m6 >>> 32) + (q2 * m5 >>> 32) + (q3 * m4 >>> 32) + (q4 * m3 >>> 32)
                + (q5 * m2 >>> 32) + (q6 * m1 >>> 32);
        long q7 = ((lo & M) * m0inv) & M;
        lo += q7 * m0 & M;
        lo = (lo >>> 32) + hi + (q7 * m0 >>> 32);
        hi = 0;
        lo += (((a1 * a7 & M) + (a2 * a6 & M) + (a3 * a5 & M)) << 1) + (a4 * a4 & M) + (q1 * m7 & M)
                + (q2 * m6 & M) + (q3 * m5 & M) + (q4 * m4 & M) + (q5 * m3 & M) + (q6 * m2 & M) + (q7 * m1 & M);
        hi += (((a1 * a7 >>> 32) + (a2 * a6 >>> 32) + (a3 * a5 >>> 32)) << 1) + (a4 * a4 >>> 32)
                + (q1 * m7 >>> 32) + (q2 * m6 >>> 32) + (q3 * m5 >>> 32) + (q4 * m4 >>> 32) + (q5 * m3 >>> 32)
                + (q6 * m2 >>> 32) + (q7 * m1 >>> 32);
        r[0] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (((a2 * a7 & M) + (a3 * a6 & M) + (a4 * a5 & M)) << 1) + (q2 * m7 & M) + (q3 * m6 & M)
                + (q4 * m5 & M) + (q5 * m4 & M) + (q6 * m3 & M) + (q7 * m2 & M);
        hi += (((a2 * a7 >>> 32) + (a3 * a6 >>> 32) + (a4 * a5 >>> 32)) << 1) + (q2 * m7 >>> 32)
                + (q3 * m6 >>> 32) + (q4 * m5 >>> 32) + (q5 * m4 >>> 32) + (q6 * m3 >>> 32) + (q7 * m2 >>> 32);
        r[1] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (((a3 * a7 & M) + (a4 * a6 & M)) << 1) + (a5 * a5 & M) + (q3 * m7 & M) + (q4 * m6 & M)
                + (q5 * m5 & M) + (q6 * m4 & M) + (q7 * m3 & M);
        hi += (((a3 * a7 >>> 32) + (a4 * a6 >>> 32)) << 1) + (a5 * a5 >>> 32) + (q3 * m7 >>> 32)
                + (q4 * m6 >>> 32) + (q5 * m5 >>> 32) + (q6 * m4 >>> 32) + (q7 * m3 >>> 32);
        r[2] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (((a4 * a7 & M) + (a5 * a6 & M)) << 1) + (q4 * m7 & M) + (q5 * m6 & M) + (q6 * m5 & M)
                + (q7 * m4 & M);
        hi += (((a4 * a7 >>> 32) + (a5 * a6 >>> 32)) << 1) + (q4 * m7 >>> 32) + (q5 * m6 >>> 32)
                + (q6 * m5 >>> 32) + (q7 * m4 >>> 32);
        r[3] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (((a5 * a7 & M)) << 1) + (a6 * a6 & M) + (q5 * m7 & M) + (q6 * m6 & M) + (q7 * m5 & M);
        hi += (((a5 * a7 >>> 32)) << 1) + (a6 * a6 >>> 32) + (q5 * m7 >>> 32) + (q6 * m6 >>> 32)
                + (q7 * m5 >>> 32);
        r[4] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (((a6 * a7 & M)) << 1) + (q6 * m7 & M) + (q7 * m6 & M);
        hi += (((a6 * a7 >>> 32)) << 1) + (q6 * m7 >>> 32) + (q7 * m6 >>> 32);
        r[5] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;
        lo += (a7 * a7 & M) + (q7 * m7 & M);
        hi += (a7 * a7 >>> 32) + (q7 * m7 >>> 32);
        r[6] = (int) lo;
        lo = (lo >>> 32) + hi;
        hi = 0;

        r[7] = (int) lo;
        reduceOnce(r, (int) (lo >>> 32), m);
    }

    /**
     * r = (carry * 2^256 + r) mod m for a value below 2m: subtracts m when the carry is set or
     * r - m does not borrow, through a mask, so both cases run the same code.
     */
    static void reduceOnce(int[] r, int carry, int[] m) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            borrow = ((r[i] & M) - (m[i] & M) - borrow) >>> 63;
        }
        long mask = -(long) (carry | (int) (borrow ^ 1)) & M;
        borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long d = (r[i] & M) - (m[i] & mask) - borrow;
            r[i] = (int) d;
            borrow = d >>> 63;
        }
    }

    static void add(int[] r, int[] a, int[] b, Modulus mod) {
        long c = 0;
        for (int i = 0; i < LIMBS; i++) {
            c += (a[i] & M) + (b[i] & M);
            r[i] = (int) c;
            c >>>= 32;
        }
        reduceOnce(r, (int) c, mod.limbs);
    }

    /** r = a - b mod m: m is added back under a mask made from the final borrow. */
    static void sub(int[] r, int[] a, int[] b, Modulus mod) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            long d = (a[i] & M) - (b[i] & M) - borrow;
            r[i] = (int) d;
            borrow = d >>> 63;
        }
        long mask = -borrow & M;
        int[] m = mod.limbs;
        long c = 0;
        for (int i = 0; i < LIMBS; i++) {
            c += (r[i] & M) + (m[i] & mask);
            r[i] = (int) c;
            c >>>= 32;
        }
    }

    /**
     * r = a^(m-2) = a^-1 mod m (0 for 0), by Fermat's little theorem. Constant time in a: the
     * exponent is the public constant m - 2, so the sequence of squarings and multiplications,
     * and the table index (a nibble of the exponent), never depend on a.
     */
    static void invert(int[] r, int[] a, Modulus mod) {
        int[][] table = new int[16][];
        table[0] = mod.one.clone();
        table[1] = a.clone();
        for (int i = 2; i < 16; i++) {
            table[i] = new int[LIMBS];
            mul(table[i], table[i - 1], a, mod);
        }
        int[] acc = mod.one.clone();
        for (int w = 63; w >= 0; w--) {
            for (int i = 0; i < 4; i++) {
                sqr(acc, acc, mod);
            }
            mul(acc, acc, table[nibble(mod.minusTwo, w)], mod);
        }
        System.arraycopy(acc, 0, r, 0, LIMBS);
    }

    static void toMontgomery(int[] r, int[] a, Modulus mod) {
        mul(r, a, mod.rSquared, mod);
    }

    static void fromMontgomery(int[] r, int[] a, Modulus mod) {
        mul(r, a, PLAIN_ONE, mod);
    }

    /** r = mask == -1 ? a : r, for mask 0 or -1, without a branch. */
    static void conditionalCopy(int[] r, int[] a, int mask) {
        for (int i = 0; i < LIMBS; i++) {
            r[i] ^= (r[i] ^ a[i]) & mask;
        }
    }

    /** -1 if a is zero, else 0; every limb is read whatever their values. */
    static int isZeroMask(int[] a) {
        int x = 0;
        for (int i = 0; i < LIMBS; i++) {
            x |= a[i];
        }
        return ((x | -x) >> 31) ^ -1;
    }

    static boolean equal(int[] a, int[] b) {
        int x = 0;
        for (int i = 0; i < LIMBS; i++) {
            x |= a[i] ^ b[i];
        }
        return x == 0;
    }

    /** -1 if a < m, else 0: the borrow of a - m, computed over all limbs. */
    static int lessThanMask(int[] a, int[] m) {
        long borrow = 0;
        for (int i = 0; i < LIMBS; i++) {
            borrow = ((a[i] & M) - (m[i] & M) - borrow) >>> 63;
        }
        return -(int) borrow;
    }

    /** Bits 4w..4w+3 of a little-endian 256-bit value. */
    static int nibble(int[] k, int w) {
        return (k[w >>> 3] >>> ((w & 7) << 2)) & 15;
    }

    /** A 32-byte big-endian integer at {@code off}, as limbs (not in Montgomery form). */
    static int[] fromBytes(byte[] b, int off) {
        int[] r = new int[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            int p = off + 28 - 4 * i;
            r[i] = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        }
        return r;
    }

    static void toBytes(int[] a, byte[] out, int off) {
        for (int i = 0; i < LIMBS; i++) {
            int p = off + 28 - 4 * i;
            out[p] = (byte) (a[i] >>> 24);
            out[p + 1] = (byte) (a[i] >>> 16);
            out[p + 2] = (byte) (a[i] >>> 8);
            out[p + 3] = (byte) a[i];
        }
    }

    /** For constants and public values only: BigInteger is not constant time. */
    static int[] fromBigInteger(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] padded = new byte[32];
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, padded, 32 - len, len);
        return fromBytes(padded, 0);
    }

    static BigInteger toBigInteger(int[] a) {
        byte[] out = new byte[32];
        toBytes(a, out, 0);
        return new BigInteger(1, out);
    }
}
