package dev.padlock.crypto.p256;

import java.math.BigInteger;

/**
 * The curve P-256 (secp256r1; SEC 2 §2.4.2, FIPS 186-4 §D.1.2.3), y^2 = x^3 - 3x + b over GF(p),
 * and its group law with the complete formulas of Renes, Costello and Batina, "Complete addition
 * formulas for prime order elliptic curves" (EUROCRYPT 2016), Algorithms 4 and 6 for a = -3.
 *
 * <p>Constant time: the formulas are complete, so adding a point to itself, to its negation or to
 * infinity runs the same field operations as any other sum. No case is special, so no branch
 * depends on the points.
 */
final class Curve {
    static final Mont.Modulus P = new Mont.Modulus(new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16));
    static final Mont.Modulus N = new Mont.Modulus(new BigInteger(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16));
    static final BigInteger B_VALUE = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);
    static final BigInteger GX = new BigInteger(
            "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", 16);
    static final BigInteger GY = new BigInteger(
            "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5", 16);

    private static final int[] B = montgomery(B_VALUE);

    private Curve() {
    }

    static int[] montgomery(BigInteger v) {
        int[] r = Mont.fromBigInteger(v);
        Mont.toMontgomery(r, r, P);
        return r;
    }

    static Point generator() {
        Point g = new Point();
        System.arraycopy(montgomery(GX), 0, g.x, 0, Mont.LIMBS);
        System.arraycopy(montgomery(GY), 0, g.y, 0, Mont.LIMBS);
        System.arraycopy(P.one, 0, g.z, 0, Mont.LIMBS);
        return g;
    }

    /** True if (x, y), both in Montgomery form, satisfies y^2 = x^3 - 3x + b. */
    static boolean onCurve(int[] x, int[] y) {
        int[] lhs = new int[Mont.LIMBS];
        int[] rhs = new int[Mont.LIMBS];
        int[] t = new int[Mont.LIMBS];
        Mont.sqr(lhs, y, P);
        Mont.sqr(rhs, x, P);
        Mont.mul(rhs, rhs, x, P);
        Mont.add(t, x, x, P);
        Mont.add(t, t, x, P);
        Mont.sub(rhs, rhs, t, P);
        Mont.add(rhs, rhs, B, P);
        return Mont.equal(lhs, rhs);
    }

    /** The temporaries of the group law, so that a scalar multiplication allocates them once. */
    static final class Scratch {
        private final int[] t0 = new int[Mont.LIMBS];
        private final int[] t1 = new int[Mont.LIMBS];
        private final int[] t2 = new int[Mont.LIMBS];
        private final int[] t3 = new int[Mont.LIMBS];
        private final int[] t4 = new int[Mont.LIMBS];
        private final int[] x3 = new int[Mont.LIMBS];
        private final int[] y3 = new int[Mont.LIMBS];
        private final int[] z3 = new int[Mont.LIMBS];

        /** r = p + q (RCB16 Algorithm 4); r may be p or q. */
        void add(Point r, Point p, Point q) {
            Mont.Modulus m = P;
            Mont.mul(t0, p.x, q.x, m);
            Mont.mul(t1, p.y, q.y, m);
            Mont.mul(t2, p.z, q.z, m);
            Mont.add(t3, p.x, p.y, m);
            Mont.add(t4, q.x, q.y, m);
            Mont.mul(t3, t3, t4, m);
            Mont.add(t4, t0, t1, m);
            Mont.sub(t3, t3, t4, m);
            Mont.add(t4, p.y, p.z, m);
            Mont.add(x3, q.y, q.z, m);
            Mont.mul(t4, t4, x3, m);
            Mont.add(x3, t1, t2, m);
            Mont.sub(t4, t4, x3, m);
            Mont.add(x3, p.x, p.z, m);
            Mont.add(y3, q.x, q.z, m);
            Mont.mul(x3, x3, y3, m);
            Mont.add(y3, t0, t2, m);
            Mont.sub(y3, x3, y3, m);
            Mont.mul(z3, B, t2, m);
            Mont.sub(x3, y3, z3, m);
            Mont.add(z3, x3, x3, m);
            Mont.add(x3, x3, z3, m);
            Mont.sub(z3, t1, x3, m);
            Mont.add(x3, t1, x3, m);
            Mont.mul(y3, B, y3, m);
            Mont.add(t1, t2, t2, m);
            Mont.add(t2, t1, t2, m);
            Mont.sub(y3, y3, t2, m);
            Mont.sub(y3, y3, t0, m);
            Mont.add(t1, y3, y3, m);
            Mont.add(y3, t1, y3, m);
            Mont.add(t1, t0, t0, m);
            Mont.add(t0, t1, t0, m);
            Mont.sub(t0, t0, t2, m);
            Mont.mul(t1, t4, y3, m);
            Mont.mul(t2, t0, y3, m);
            Mont.mul(y3, x3, z3, m);
            Mont.add(y3, y3, t2, m);
            Mont.mul(x3, t3, x3, m);
            Mont.sub(x3, x3, t1, m);
            Mont.mul(z3, t4, z3, m);
            Mont.mul(t1, t3, t0, m);
            Mont.add(z3, z3, t1, m);
            store(r);
        }

        /** r = 2p (RCB16 Algorithm 6); r may be p. */
        void dbl(Point r, Point p) {
            Mont.Modulus m = P;
            Mont.sqr(t0, p.x, m);
            Mont.sqr(t1, p.y, m);
            Mont.sqr(t2, p.z, m);
            Mont.mul(t3, p.x, p.y, m);
            Mont.add(t3, t3, t3, m);
            Mont.mul(z3, p.x, p.z, m);
            Mont.add(z3, z3, z3, m);
            Mont.mul(y3, B, t2, m);
            Mont.sub(y3, y3, z3, m);
            Mont.add(x3, y3, y3, m);
            Mont.add(y3, x3, y3, m);
            Mont.sub(x3, t1, y3, m);
            Mont.add(y3, t1, y3, m);
            Mont.mul(y3, x3, y3, m);
            Mont.mul(x3, x3, t3, m);
            Mont.add(t3, t2, t2, m);
            Mont.add(t2, t2, t3, m);
            Mont.mul(z3, B, z3, m);
            Mont.sub(z3, z3, t2, m);
            Mont.sub(z3, z3, t0, m);
            Mont.add(t3, z3, z3, m);
            Mont.add(z3, z3, t3, m);
            Mont.add(t3, t0, t0, m);
            Mont.add(t0, t3, t0, m);
            Mont.sub(t0, t0, t2, m);
            Mont.mul(t0, t0, z3, m);
            Mont.add(y3, y3, t0, m);
            Mont.mul(t0, p.y, p.z, m);
            Mont.add(t0, t0, t0, m);
            Mont.mul(z3, t0, z3, m);
            Mont.sub(x3, x3, z3, m);
            Mont.mul(z3, t0, t1, m);
            Mont.add(z3, z3, z3, m);
            Mont.add(z3, z3, z3, m);
            store(r);
        }

        private void store(Point r) {
            System.arraycopy(x3, 0, r.x, 0, Mont.LIMBS);
            System.arraycopy(y3, 0, r.y, 0, Mont.LIMBS);
            System.arraycopy(z3, 0, r.z, 0, Mont.LIMBS);
        }
    }

    /**
     * The affine x and y of p, in ordinary (not Montgomery) form, into {@code x} and {@code y}.
     * The inversion of Z is constant time ({@link Mont#invert}); p must not be infinity.
     */
    static void toAffine(Point p, int[] x, int[] y) {
        int[] zInv = new int[Mont.LIMBS];
        Mont.invert(zInv, p.z, P);
        Mont.mul(x, p.x, zInv, P);
        Mont.fromMontgomery(x, x, P);
        if (y != null) {
            Mont.mul(y, p.y, zInv, P);
            Mont.fromMontgomery(y, y, P);
        }
    }
}
