package dev.padlock.crypto.curve25519;

/**
 * Arithmetic modulo p = 2^255 - 19 on ten signed limbs of alternately 26 and 25 bits (radix
 * 2^25.5): limb i holds bits from 26·⌈i/2⌉ + 25·⌊i/2⌋, so a product of limbs i and j lands on limb
 * i + j, doubled when both are odd, and wraps past limb 9 times 19 (2^255 ≡ 19). Products are
 * {@code long}s; the limbs are kept in {@code int[10]}.
 *
 * <p>Bounds: {@link #mul} and {@link #square} return limbs within ±2^25 (even) and ±2^24 (odd),
 * plus a few units; they accept inputs up to four times that (any sum or difference of up to four
 * such results), since ten products of at most 2^58.3 each stay below 2^63.
 *
 * <p>Everything here is constant time: no branch, array index or loop bound depends on a value.
 * Carries are arithmetic shifts; selection and swap are masks.
 */
final class Field25519 {
    static final int LIMBS = 10;
    private static final int MASK26 = (1 << 26) - 1;
    private static final int MASK25 = (1 << 25) - 1;

    private Field25519() {
    }

    static int[] create() {
        return new int[LIMBS];
    }

    static int[] of(int small) {
        int[] h = new int[LIMBS];
        h[0] = small;
        return h;
    }

    static void copy(int[] h, int[] f) {
        System.arraycopy(f, 0, h, 0, LIMBS);
    }

    static void one(int[] h) {
        java.util.Arrays.fill(h, 0);
        h[0] = 1;
    }

    static void zero(int[] h) {
        java.util.Arrays.fill(h, 0);
    }

    static void add(int[] h, int[] f, int[] g) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = f[i] + g[i];
        }
    }

    static void sub(int[] h, int[] f, int[] g) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = f[i] - g[i];
        }
    }

    static void neg(int[] h, int[] f) {
        for (int i = 0; i < LIMBS; i++) {
            h[i] = -f[i];
        }
    }

    /** h = f·g; h may be f or g (all inputs are read before h is written). */
    static void mul(int[] h, int[] f, int[] g) {
        long f0 = f[0];
        long f1 = f[1];
        long f2 = f[2];
        long f3 = f[3];
        long f4 = f[4];
        long f5 = f[5];
        long f6 = f[6];
        long f7 = f[7];
        long f8 = f[8];
        long f9 = f[9];
        long g0 = g[0];
        long g1 = g[1];
        long g2 = g[2];
        long g3 = g[3];
        long g4 = g[4];
        long g5 = g[5];
        long g6 = g[6];
        long g7 = g[7];
        long g8 = g[8];
        long g9 = g[9];
        long g1_2 = 2 * g1;
        long g1_38 = 38 * g1;
        long g2_19 = 19 * g2;
        long g3_19 = 19 * g3;
        long g3_2 = 2 * g3;
        long g3_38 = 38 * g3;
        long g4_19 = 19 * g4;
        long g5_19 = 19 * g5;
        long g5_2 = 2 * g5;
        long g5_38 = 38 * g5;
        long g6_19 = 19 * g6;
        long g7_19 = 19 * g7;
        long g7_2 = 2 * g7;
        long g7_38 = 38 * g7;
        long g8_19 = 19 * g8;
        long g9_19 = 19 * g9;
        long g9_38 = 38 * g9;
        long h0 = f0 * g0 + f1 * g9_38 + f2 * g8_19 + f3 * g7_38 + f4 * g6_19 + f5 * g5_38 + f6 * g4_19
                + f7 * g3_38 + f8 * g2_19 + f9 * g1_38;
        long h1 = f0 * g1 + f1 * g0 + f2 * g9_19 + f3 * g8_19 + f4 * g7_19 + f5 * g6_19 + f6 * g5_19
                + f7 * g4_19 + f8 * g3_19 + f9 * g2_19;
        long h2 = f0 * g2 + f1 * g1_2 + f2 * g0 + f3 * g9_38 + f4 * g8_19 + f5 * g7_38 + f6 * g6_19
                + f7 * g5_38 + f8 * g4_19 + f9 * g3_38;
        long h3 = f0 * g3 + f1 * g2 + f2 * g1 + f3 * g0 + f4 * g9_19 + f5 * g8_19 + f6 * g7_19
                + f7 * g6_19 + f8 * g5_19 + f9 * g4_19;
        long h4 = f0 * g4 + f1 * g3_2 + f2 * g2 + f3 * g1_2 + f4 * g0 + f5 * g9_38 + f6 * g8_19
                + f7 * g7_38 + f8 * g6_19 + f9 * g5_38;
        long h5 = f0 * g5 + f1 * g4 + f2 * g3 + f3 * g2 + f4 * g1 + f5 * g0 + f6 * g9_19 + f7 * g8_19
                + f8 * g7_19 + f9 * g6_19;
        long h6 = f0 * g6 + f1 * g5_2 + f2 * g4 + f3 * g3_2 + f4 * g2 + f5 * g1_2 + f6 * g0 + f7 * g9_38
                + f8 * g8_19 + f9 * g7_38;
        long h7 = f0 * g7 + f1 * g6 + f2 * g5 + f3 * g4 + f4 * g3 + f5 * g2 + f6 * g1 + f7 * g0
                + f8 * g9_19 + f9 * g8_19;
        long h8 = f0 * g8 + f1 * g7_2 + f2 * g6 + f3 * g5_2 + f4 * g4 + f5 * g3_2 + f6 * g2 + f7 * g1_2
                + f8 * g0 + f9 * g9_38;
        long h9 = f0 * g9 + f1 * g8 + f2 * g7 + f3 * g6 + f4 * g5 + f5 * g4 + f6 * g3 + f7 * g2
                + f8 * g1 + f9 * g0;
        // carry(...) inlined by hand: as a call it is too big for the JIT to inline, and its
        // ten long arguments would go through the stack on every multiplication.
        long c;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
        c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
        c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
        c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
        c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
        c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
        c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        h[0] = (int) h0;
        h[1] = (int) h1;
        h[2] = (int) h2;
        h[3] = (int) h3;
        h[4] = (int) h4;
        h[5] = (int) h5;
        h[6] = (int) h6;
        h[7] = (int) h7;
        h[8] = (int) h8;
        h[9] = (int) h9;
    }

    /** h = f²; h may be f. */
    static void square(int[] h, int[] f) {
        long f0 = f[0];
        long f1 = f[1];
        long f2 = f[2];
        long f3 = f[3];
        long f4 = f[4];
        long f5 = f[5];
        long f6 = f[6];
        long f7 = f[7];
        long f8 = f[8];
        long f9 = f[9];
        long f1_2 = 2 * f1;
        long f2_2 = 2 * f2;
        long f3_2 = 2 * f3;
        long f3_4 = 4 * f3;
        long f4_2 = 2 * f4;
        long f5_2 = 2 * f5;
        long f5_38 = 38 * f5;
        long f5_4 = 4 * f5;
        long f6_19 = 19 * f6;
        long f6_2 = 2 * f6;
        long f6_38 = 38 * f6;
        long f7_2 = 2 * f7;
        long f7_38 = 38 * f7;
        long f7_4 = 4 * f7;
        long f7_76 = 76 * f7;
        long f8_19 = 19 * f8;
        long f8_2 = 2 * f8;
        long f8_38 = 38 * f8;
        long f9_2 = 2 * f9;
        long f9_38 = 38 * f9;
        long f9_76 = 76 * f9;
        long h0 = f0 * f0 + f1 * f9_76 + f2 * f8_38 + f3 * f7_76 + f4 * f6_38 + f5 * f5_38;
        long h1 = f0 * f1_2 + f2 * f9_38 + f3 * f8_38 + f4 * f7_38 + f5 * f6_38;
        long h2 = f0 * f2_2 + f1 * f1_2 + f3 * f9_76 + f4 * f8_38 + f5 * f7_76 + f6 * f6_19;
        long h3 = f0 * f3_2 + f1 * f2_2 + f4 * f9_38 + f5 * f8_38 + f6 * f7_38;
        long h4 = f0 * f4_2 + f1 * f3_4 + f2 * f2 + f5 * f9_76 + f6 * f8_38 + f7 * f7_38;
        long h5 = f0 * f5_2 + f1 * f4_2 + f2 * f3_2 + f6 * f9_38 + f7 * f8_38;
        long h6 = f0 * f6_2 + f1 * f5_4 + f2 * f4_2 + f3 * f3_2 + f7 * f9_76 + f8 * f8_19;
        long h7 = f0 * f7_2 + f1 * f6_2 + f2 * f5_2 + f3 * f4_2 + f8 * f9_38;
        long h8 = f0 * f8_2 + f1 * f7_4 + f2 * f6_2 + f3 * f5_4 + f4 * f4 + f9 * f9_38;
        long h9 = f0 * f9_2 + f1 * f8_2 + f2 * f7_2 + f3 * f6_2 + f4 * f5_2;
        // carry(...) inlined by hand: as a call it is too big for the JIT to inline, and its
        // ten long arguments would go through the stack on every multiplication.
        long c;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
        c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
        c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
        c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
        c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
        c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
        c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        h[0] = (int) h0;
        h[1] = (int) h1;
        h[2] = (int) h2;
        h[3] = (int) h3;
        h[4] = (int) h4;
        h[5] = (int) h5;
        h[6] = (int) h6;
        h[7] = (int) h7;
        h[8] = (int) h8;
        h[9] = (int) h9;
    }

    /** h = f·n for a small non-negative n (below 2^31 / 2^27 · 2^-4, e.g. 121666). */
    static void mulSmall(int[] h, int[] f, int n) {
        carry(h, (long) f[0] * n, (long) f[1] * n, (long) f[2] * n, (long) f[3] * n, (long) f[4] * n,
                (long) f[5] * n, (long) f[6] * n, (long) f[7] * n, (long) f[8] * n, (long) f[9] * n);
    }

    /**
     * Rounds each limb to its width, carrying the rest upwards (and from limb 9 to limb 0 times
     * 19). The carries are rounded to nearest, so limbs come out centred on zero; the order runs
     * two chains side by side and ends on limb 0 to 1, so every limb is within its bound.
     */
    private static void carry(int[] h, long h0, long h1, long h2, long h3, long h4,
                              long h5, long h6, long h7, long h8, long h9) {
        long c;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h1 + (1L << 24)) >> 25; h2 += c; h1 -= c << 25;
        c = (h5 + (1L << 24)) >> 25; h6 += c; h5 -= c << 25;
        c = (h2 + (1L << 25)) >> 26; h3 += c; h2 -= c << 26;
        c = (h6 + (1L << 25)) >> 26; h7 += c; h6 -= c << 26;
        c = (h3 + (1L << 24)) >> 25; h4 += c; h3 -= c << 25;
        c = (h7 + (1L << 24)) >> 25; h8 += c; h7 -= c << 25;
        c = (h4 + (1L << 25)) >> 26; h5 += c; h4 -= c << 26;
        c = (h8 + (1L << 25)) >> 26; h9 += c; h8 -= c << 26;
        c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;
        c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;
        h[0] = (int) h0;
        h[1] = (int) h1;
        h[2] = (int) h2;
        h[3] = (int) h3;
        h[4] = (int) h4;
        h[5] = (int) h5;
        h[6] = (int) h6;
        h[7] = (int) h7;
        h[8] = (int) h8;
        h[9] = (int) h9;
    }

    /** h = f²ⁿ for n ≥ 1. */
    static void squareTimes(int[] h, int[] f, int n) {
        square(h, f);
        for (int i = 1; i < n; i++) {
            square(h, h);
        }
    }

    /**
     * h = f^(p-2) = 1/f (0 for 0), by Fermat's little theorem. Constant time: a fixed chain of
     * 254 squarings and 11 multiplications, whatever f is.
     */
    static void invert(int[] h, int[] f) {
        int[] t0 = create();
        int[] t1 = create();
        int[] t2 = create();
        int[] t3 = create();
        square(t0, f);                  // 2
        squareTimes(t1, t0, 2);         // 8
        mul(t1, f, t1);                 // 9
        mul(t0, t0, t1);                // 11
        square(t2, t0);                 // 22
        mul(t1, t1, t2);                // 31 = 2^5 - 1
        squareTimes(t2, t1, 5);
        mul(t1, t2, t1);                // 2^10 - 1
        squareTimes(t2, t1, 10);
        mul(t2, t2, t1);                // 2^20 - 1
        squareTimes(t3, t2, 20);
        mul(t2, t3, t2);                // 2^40 - 1
        squareTimes(t2, t2, 10);
        mul(t1, t2, t1);                // 2^50 - 1
        squareTimes(t2, t1, 50);
        mul(t2, t2, t1);                // 2^100 - 1
        squareTimes(t3, t2, 100);
        mul(t2, t3, t2);                // 2^200 - 1
        squareTimes(t2, t2, 50);
        mul(t1, t2, t1);                // 2^250 - 1
        squareTimes(t1, t1, 5);         // 2^255 - 2^5
        mul(h, t1, t0);                 // 2^255 - 21 = p - 2
    }

    /**
     * h = f^((p-5)/8) = f^(2^252 - 3), the exponentiation of the square root in RFC 8032 §5.1.3.
     * Same fixed chain as {@link #invert} to 2^250 - 1, then two squarings and one multiplication.
     */
    static void pow22523(int[] h, int[] f) {
        int[] t0 = create();
        int[] t1 = create();
        int[] t2 = create();
        square(t0, f);                  // 2
        squareTimes(t1, t0, 2);         // 8
        mul(t1, f, t1);                 // 9
        mul(t0, t0, t1);                // 11
        square(t0, t0);                 // 22
        mul(t0, t1, t0);                // 31 = 2^5 - 1
        squareTimes(t1, t0, 5);
        mul(t0, t1, t0);                // 2^10 - 1
        squareTimes(t1, t0, 10);
        mul(t1, t1, t0);                // 2^20 - 1
        squareTimes(t2, t1, 20);
        mul(t1, t2, t1);                // 2^40 - 1
        squareTimes(t1, t1, 10);
        mul(t0, t1, t0);                // 2^50 - 1
        squareTimes(t1, t0, 50);
        mul(t1, t1, t0);                // 2^100 - 1
        squareTimes(t2, t1, 100);
        mul(t1, t2, t1);                // 2^200 - 1
        squareTimes(t1, t1, 50);
        mul(t0, t1, t0);                // 2^250 - 1
        squareTimes(t0, t0, 2);         // 2^252 - 4
        mul(h, t0, f);                  // 2^252 - 3
    }

    /**
     * Swaps f and g if {@code bit} is 1, leaves them if it is 0. Constant time: both are
     * rewritten either way, through a mask made from the bit, with no branch on it.
     */
    static void cswap(int[] f, int[] g, int bit) {
        int mask = -bit;
        for (int i = 0; i < LIMBS; i++) {
            int t = mask & (f[i] ^ g[i]);
            f[i] ^= t;
            g[i] ^= t;
        }
    }

    /** h = g if {@code bit} is 1, else h unchanged. Constant time: a mask, no branch. */
    static void cmov(int[] h, int[] g, int bit) {
        int mask = -bit;
        for (int i = 0; i < LIMBS; i++) {
            h[i] ^= mask & (h[i] ^ g[i]);
        }
    }

    /**
     * Reads 32 little-endian bytes at {@code off}, ignoring the top bit (RFC 7748 §5 masks it for
     * X25519; RFC 8032 §5.1.3 keeps it as the sign of x). A value from p to 2^255 - 1 is taken
     * modulo p, as RFC 7748 §5 asks; callers that must reject it compare the bytes first.
     */
    static void fromBytes(int[] h, byte[] s, int off) {
        long lo0 = le64(s, off);
        long lo1 = le64(s, off + 8);
        long lo2 = le64(s, off + 16);
        long lo3 = le64(s, off + 24) & Long.MAX_VALUE;
        h[0] = (int) (lo0 & MASK26);
        h[1] = (int) ((lo0 >>> 26) & MASK25);
        h[2] = (int) (((lo0 >>> 51) | (lo1 << 13)) & MASK26);
        h[3] = (int) ((lo1 >>> 13) & MASK25);
        h[4] = (int) ((lo1 >>> 38) & MASK26);
        h[5] = (int) (lo2 & MASK25);
        h[6] = (int) ((lo2 >>> 25) & MASK26);
        h[7] = (int) (((lo2 >>> 51) | (lo3 << 13)) & MASK25);
        h[8] = (int) ((lo3 >>> 12) & MASK26);
        h[9] = (int) ((lo3 >>> 38) & MASK25);
    }

    private static long le64(byte[] s, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (s[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * Writes the canonical encoding (the value reduced into [0, p)) as 32 little-endian bytes.
     * Constant time: fixed carry passes, and the final subtraction of p is decided by a carry
     * computed arithmetically, not by a comparison that branches.
     */
    static void toBytes(byte[] s, int off, int[] f) {
        long[] h = new long[LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            h[i] = f[i];
        }
        // Three floor-carry passes bring the value into [0, 2^255) with every limb in range.
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < LIMBS - 1; i++) {
                long c = h[i] >> width(i);
                h[i + 1] += c;
                h[i] -= c << width(i);
            }
            long c = h[9] >> 25;
            h[0] += 19 * c;
            h[9] -= c << 25;
        }
        // q = 1 exactly when value + 19 >= 2^255, that is value >= p: then subtract p by adding
        // 19 and dropping bit 255.
        long q = (h[0] + 19) >> 26;
        for (int i = 1; i < LIMBS; i++) {
            q = (h[i] + q) >> width(i);
        }
        h[0] += 19 * q;
        for (int i = 0; i < LIMBS - 1; i++) {
            long c = h[i] >> width(i);
            h[i + 1] += c;
            h[i] -= c << width(i);
        }
        h[9] &= MASK25;
        long w0 = h[0] | (h[1] << 26) | (h[2] << 51);
        long w1 = (h[2] >>> 13) | (h[3] << 13) | (h[4] << 38);
        long w2 = h[5] | (h[6] << 25) | (h[7] << 51);
        long w3 = (h[7] >>> 13) | (h[8] << 12) | (h[9] << 38);
        putLe64(s, off, w0);
        putLe64(s, off + 8, w1);
        putLe64(s, off + 16, w2);
        putLe64(s, off + 24, w3);
    }

    private static int width(int limb) {
        return (limb & 1) == 0 ? 26 : 25;
    }

    private static void putLe64(byte[] s, int off, long v) {
        for (int i = 0; i < 8; i++) {
            s[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static byte[] toBytes(int[] f) {
        byte[] s = new byte[32];
        toBytes(s, 0, f);
        return s;
    }

    /** 1 if f ≡ 0 (mod p), else 0; constant time (an OR over the canonical bytes). */
    static int isZero(int[] f) {
        byte[] s = toBytes(f);
        int acc = 0;
        for (byte b : s) {
            acc |= b;
        }
        return ((acc & 0xFF) - 1) >>> 31;
    }

    /** The low bit of the canonical value: RFC 8032's "negative" x. */
    static int isNegative(int[] f) {
        return toBytes(f)[0] & 1;
    }
}
