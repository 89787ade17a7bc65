package dev.padlock.crypto.mlkem;

/**
 * Arithmetic in R_q = Z_q[X]/(X^256 + 1), q = 3329 (FIPS 203 §4.3): the number-theoretic
 * transform, its inverse, and multiplication of transformed polynomials. A polynomial is an
 * {@code int[256]} whose coefficients are kept small but not necessarily reduced; reduction is
 * Montgomery's (R = 2^16) after a product and Barrett's after sums. Both are multiplications and
 * shifts with no branch, so they are constant time on secret coefficients; no index below depends
 * on a coefficient.
 */
final class Ntt {
    static final int N = 256;
    static final int Q = 3329;
    /** q^-1 mod 2^16, as a signed 16-bit value. */
    private static final int Q_INV = -3327;
    /** round(2^26 / q): Barrett's multiplier. */
    private static final int BARRETT = 20159;
    /** 2^32 mod q: multiplying by it in Montgomery form moves a value into Montgomery form. */
    private static final int R2 = 1353;
    /** 2^32 / 128 mod q: the inverse transform's final scaling (1/128, and back out of Montgomery form). */
    private static final int INV_SCALE = 1441;
    /**
     * ζ^BitRev7(i) · 2^16 mod q, centered, for ζ = 17 (FIPS 203 §4.3, Appendix A): the transform's
     * twiddle factors in Montgomery form.
     */
    private static final int[] ZETAS = zetas();

    private Ntt() {
    }

    /** a · 2^-16 mod q, in (-q, q), for |a| < q · 2^15. */
    static int montgomeryReduce(int a) {
        int t = (short) (a * Q_INV);
        return (a - t * Q) >> 16;
    }

    /** The representative of a mod q in [-(q-1)/2, (q-1)/2], for a in the 16-bit signed range. */
    static int barrettReduce(int a) {
        int t = (BARRETT * a + (1 << 25)) >> 26;
        return a - t * Q;
    }

    /** a · b · 2^-16 mod q. */
    static int fqmul(int a, int b) {
        return montgomeryReduce(a * b);
    }

    /** The representative in [0, q) of a centered value in (-q, q): adds q when negative, without a branch. */
    static int toUnsigned(int a) {
        return a + ((a >> 31) & Q);
    }

    /** FIPS 203 Algorithm 9, in place; the output is in bit-reversed order, coefficients below 8q. */
    static void ntt(int[] r) {
        int k = 1;
        for (int len = 128; len >= 2; len >>= 1) {
            for (int start = 0; start < N; start += 2 * len) {
                int zeta = ZETAS[k++];
                for (int j = start; j < start + len; j++) {
                    int t = fqmul(zeta, r[j + len]);
                    r[j + len] = r[j] - t;
                    r[j] = r[j] + t;
                }
            }
        }
        reduce(r);
    }

    /**
     * FIPS 203 Algorithm 10, in place, also multiplying by 2^16: it undoes the 2^-16 that
     * {@link #multiplyAccumulate} leaves, so transform, multiply and inverse need no other fix-up.
     */
    static void inverseNttToMontgomery(int[] r) {
        int k = 127;
        for (int len = 2; len <= 128; len <<= 1) {
            for (int start = 0; start < N; start += 2 * len) {
                int zeta = ZETAS[k--];
                for (int j = start; j < start + len; j++) {
                    int t = r[j];
                    r[j] = barrettReduce(t + r[j + len]);
                    r[j + len] = fqmul(zeta, r[j + len] - t);
                }
            }
        }
        for (int j = 0; j < N; j++) {
            r[j] = fqmul(r[j], INV_SCALE);
        }
    }

    /**
     * r = Σ a[i] × b[i] in the NTT domain (FIPS 203 Algorithms 11 and 12), times 2^-16, reduced.
     * The 128 degree-one products take γ = ζ^(2·BitRev7(i)+1): pairs 4i and 4i+2 use ±ZETAS[64+i].
     */
    static void multiplyAccumulate(int[] r, int[][] a, int[][] b) {
        java.util.Arrays.fill(r, 0);
        for (int v = 0; v < a.length; v++) {
            int[] f = a[v];
            int[] g = b[v];
            for (int i = 0; i < N / 4; i++) {
                int zeta = ZETAS[64 + i];
                baseCase(r, f, g, 4 * i, zeta);
                baseCase(r, f, g, 4 * i + 2, -zeta);
            }
        }
        reduce(r);
    }

    // FIPS 203 Algorithm 12: (a0 + a1X)(b0 + b1X) mod (X^2 - γ), added into r.
    private static void baseCase(int[] r, int[] a, int[] b, int i, int gamma) {
        int a0 = a[i];
        int a1 = a[i + 1];
        int b0 = b[i];
        int b1 = b[i + 1];
        r[i] += fqmul(fqmul(a1, b1), gamma) + fqmul(a0, b0);
        r[i + 1] += fqmul(a0, b1) + fqmul(a1, b0);
    }

    /** Every coefficient to [-(q-1)/2, (q-1)/2]. */
    static void reduce(int[] r) {
        for (int i = 0; i < N; i++) {
            r[i] = barrettReduce(r[i]);
        }
    }

    /** Every coefficient times 2^16 (into Montgomery form), reduced. */
    static void toMontgomery(int[] r) {
        for (int i = 0; i < N; i++) {
            r[i] = fqmul(r[i], R2);
        }
    }

    static void add(int[] r, int[] a) {
        for (int i = 0; i < N; i++) {
            r[i] += a[i];
        }
    }

    private static int[] zetas() {
        int[] z = new int[128];
        for (int i = 0; i < 128; i++) {
            int exponent = Integer.reverse(i) >>> 25;
            long power = 1;
            for (int e = 0; e < exponent; e++) {
                power = power * 17 % Q;
            }
            int mont = (int) ((power << 16) % Q);
            z[i] = mont > Q / 2 ? mont - Q : mont;
        }
        return z;
    }
}
