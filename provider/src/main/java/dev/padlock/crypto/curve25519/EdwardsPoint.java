package dev.padlock.crypto.curve25519;

import java.math.BigInteger;

/**
 * A point of edwards25519 (RFC 8032 §5.1: -x² + y² = 1 + d·x²·y²) in extended coordinates
 * (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z, and the formulas of RFC 8032 §5.1.4, which
 * are complete: no special case for the identity or for doubling, so no branch on the point.
 * Mutable, to keep scalar multiplication free of allocation.
 */
final class EdwardsPoint {
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** d = −121665/121666 (RFC 8032 §5.1). */
    private static final BigInteger D_VALUE = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final int[] D = constant(D_VALUE);
    static final int[] D2 = constant(D_VALUE.shiftLeft(1).mod(P));
    /** sqrt(−1) = 2^((p−1)/4) (RFC 8032 §5.1.3). */
    static final int[] SQRT_M1 = constant(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P));

    final int[] x = Field25519.create();
    final int[] y = Field25519.create();
    final int[] z = Field25519.create();
    final int[] t = Field25519.create();

    private static int[] constant(BigInteger v) {
        byte[] le = reverse(to32(v));
        int[] f = Field25519.create();
        Field25519.fromBytes(f, le, 0);
        return f;
    }

    private static byte[] to32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, be.length);
        System.arraycopy(be, be.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] reverse(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static EdwardsPoint identity() {
        EdwardsPoint p = new EdwardsPoint();
        p.setIdentity();
        return p;
    }

    void setIdentity() {
        Field25519.zero(x);
        Field25519.one(y);
        Field25519.one(z);
        Field25519.zero(t);
    }

    void set(EdwardsPoint p) {
        Field25519.copy(x, p.x);
        Field25519.copy(y, p.y);
        Field25519.copy(z, p.z);
        Field25519.copy(t, p.t);
    }

    /** Scratch for the formulas, one per multiplication. */
    static final class Scratch {
        final int[] a = Field25519.create();
        final int[] b = Field25519.create();
        final int[] c = Field25519.create();
        final int[] d = Field25519.create();
        final int[] e = Field25519.create();
        final int[] f = Field25519.create();
        final int[] g = Field25519.create();
        final int[] h = Field25519.create();
    }

    /**
     * this = 2^n·this by RFC 8032 §5.1.4 doubling. The formula never reads T, so only the last
     * doubling, whose result may be added to, computes it: one multiplication fewer for the others.
     */
    void doubled(Scratch s, int n) {
        for (int i = 1; i < n; i++) {
            doubleOnce(s, false);
        }
        doubleOnce(s, true);
    }

    private void doubleOnce(Scratch s, boolean withT) {
        Field25519.square(s.a, x);
        Field25519.square(s.b, y);
        Field25519.square(s.c, z);
        Field25519.add(s.c, s.c, s.c);
        Field25519.add(s.h, s.a, s.b);
        Field25519.add(s.e, x, y);
        Field25519.square(s.e, s.e);
        Field25519.sub(s.e, s.h, s.e);
        Field25519.sub(s.g, s.a, s.b);
        Field25519.add(s.f, s.c, s.g);
        Field25519.mul(x, s.e, s.f);
        Field25519.mul(y, s.g, s.h);
        if (withT) {
            Field25519.mul(t, s.e, s.h);
        }
        Field25519.mul(z, s.f, s.g);
    }

    /**
     * this = this + q for q in {@link Cached} form, RFC 8032 §5.1.4 addition; for an affine q
     * (Z = 1, flagged by the table, which is public) D is 2·Z1 without a multiplication.
     */
    void add(Cached q, Scratch s) {
        Field25519.sub(s.a, y, x);
        Field25519.mul(s.a, s.a, q.yMinusX);
        Field25519.add(s.b, y, x);
        Field25519.mul(s.b, s.b, q.yPlusX);
        Field25519.mul(s.c, t, q.t2d);
        if (q.affine) {
            Field25519.add(s.d, z, z);
        } else {
            Field25519.mul(s.d, z, q.z2);
        }
        Field25519.sub(s.e, s.b, s.a);
        Field25519.sub(s.f, s.d, s.c);
        Field25519.add(s.g, s.d, s.c);
        Field25519.add(s.h, s.b, s.a);
        Field25519.mul(x, s.e, s.f);
        Field25519.mul(y, s.g, s.h);
        Field25519.mul(t, s.e, s.h);
        Field25519.mul(z, s.f, s.g);
    }

    /**
     * A point ready to be added: (Y + X, Y − X, 2·Z, 2·d·T), or for an affine point
     * (y + x, y − x, 2·d·x·y) with Z = 1 implied. Negation swaps the first two and negates the last.
     */
    static final class Cached {
        final int[] yPlusX = Field25519.create();
        final int[] yMinusX = Field25519.create();
        final int[] z2 = Field25519.create();
        final int[] t2d = Field25519.create();
        final boolean affine;

        Cached(boolean affine) {
            this.affine = affine;
        }

        static Cached of(EdwardsPoint p) {
            Cached c = new Cached(false);
            Field25519.add(c.yPlusX, p.y, p.x);
            Field25519.sub(c.yMinusX, p.y, p.x);
            Field25519.add(c.z2, p.z, p.z);
            Field25519.mul(c.t2d, p.t, D2);
            return c;
        }

        /** The affine form; costs an inversion, so only for precomputed tables. */
        static Cached affineOf(EdwardsPoint p) {
            int[] zInv = Field25519.create();
            Field25519.invert(zInv, p.z);
            int[] ax = Field25519.create();
            int[] ay = Field25519.create();
            Field25519.mul(ax, p.x, zInv);
            Field25519.mul(ay, p.y, zInv);
            Cached c = new Cached(true);
            Field25519.add(c.yPlusX, ay, ax);
            Field25519.sub(c.yMinusX, ay, ax);
            Field25519.mul(c.t2d, ax, ay);
            Field25519.mul(c.t2d, c.t2d, D2);
            Field25519.one(c.z2);
            return c;
        }

        void setIdentity() {
            Field25519.one(yPlusX);
            Field25519.one(yMinusX);
            Field25519.zero(t2d);
            Field25519.zero(z2);
            z2[0] = 2;
        }

        /** this = q if {@code bit}, else unchanged. Constant time: masks, no branch on the bit. */
        void cmov(Cached q, int bit) {
            Field25519.cmov(yPlusX, q.yPlusX, bit);
            Field25519.cmov(yMinusX, q.yMinusX, bit);
            if (!affine) {  // public: a table's form, never a secret
                Field25519.cmov(z2, q.z2, bit);
            }
            Field25519.cmov(t2d, q.t2d, bit);
        }

        /** this = −this if {@code bit}. Constant time: a swap and a select by mask. */
        void cneg(int bit, int[] scratch) {
            Field25519.cswap(yPlusX, yMinusX, bit);
            Field25519.neg(scratch, t2d);
            Field25519.cmov(t2d, scratch, bit);
        }
    }

    /** RFC 8032 §5.1.2: y little-endian with the low bit of x in bit 255. */
    byte[] encode() {
        int[] zInv = Field25519.create();
        Field25519.invert(zInv, z);
        int[] ax = Field25519.create();
        int[] ay = Field25519.create();
        Field25519.mul(ax, x, zInv);
        Field25519.mul(ay, y, zInv);
        byte[] s = Field25519.toBytes(ay);
        s[31] |= (byte) (Field25519.isNegative(ax) << 7);
        return s;
    }

    /**
     * RFC 8032 §5.1.3: the point encoded in 32 bytes at {@code off}, or null if the encoding is
     * not canonical (y ≥ p), x² has no root, or x = 0 comes with the sign bit set. Variable time:
     * only public keys and signatures are decoded.
     */
    static EdwardsPoint decode(byte[] s, int off) {
        if (!canonicalY(s, off)) {
            return null;
        }
        int sign = (s[off + 31] >>> 7) & 1;
        EdwardsPoint p = new EdwardsPoint();
        Field25519.fromBytes(p.y, s, off);
        int[] u = Field25519.create();
        int[] v = Field25519.create();
        Field25519.square(u, p.y);
        Field25519.mul(v, u, D);
        Field25519.sub(u, u, Field25519.of(1));          // u = y² − 1
        Field25519.add(v, v, Field25519.of(1));          // v = d·y² + 1
        if (!sqrtRatio(p.x, u, v)) {
            return null;
        }
        int zero = Field25519.isZero(p.x);
        if (zero == 1 && sign == 1) {
            return null;
        }
        if (Field25519.isNegative(p.x) != sign) {
            Field25519.neg(p.x, p.x);
        }
        Field25519.one(p.z);
        Field25519.mul(p.t, p.x, p.y);
        return p;
    }

    /** x = sqrt(u/v) as RFC 8032 §5.1.3 computes it: x = u·v³·(u·v⁷)^((p−5)/8), then fixed up. */
    private static boolean sqrtRatio(int[] x, int[] u, int[] v) {
        int[] v3 = Field25519.create();
        int[] w = Field25519.create();
        Field25519.square(v3, v);
        Field25519.mul(v3, v3, v);                       // v³
        Field25519.square(w, v3);
        Field25519.mul(w, w, v);
        Field25519.mul(w, w, u);                         // u·v⁷
        Field25519.pow22523(w, w);
        Field25519.mul(w, w, v3);
        Field25519.mul(x, w, u);                         // u·v³·(u·v⁷)^((p−5)/8)
        int[] check = Field25519.create();
        Field25519.square(check, x);
        Field25519.mul(check, check, v);                 // v·x²
        int[] diff = Field25519.create();
        Field25519.sub(diff, check, u);
        if (Field25519.isZero(diff) == 1) {
            return true;
        }
        Field25519.add(diff, check, u);
        if (Field25519.isZero(diff) == 1) {
            Field25519.mul(x, x, SQRT_M1);
            return true;
        }
        return false;
    }

    /** Whether the 255-bit y of an encoding is below p = 2^255 − 19. */
    private static boolean canonicalY(byte[] s, int off) {
        // y ≥ p means bytes 1..30 are 0xFF, byte 31 (sign masked) is 0x7F and byte 0 ≥ 0xED.
        if ((s[off + 31] & 0x7F) != 0x7F) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if ((s[off + i] & 0xFF) != 0xFF) {
                return true;
            }
        }
        return (s[off] & 0xFF) < 0xED;
    }
}
