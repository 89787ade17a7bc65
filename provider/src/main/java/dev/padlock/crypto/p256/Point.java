package dev.padlock.crypto.p256;

/**
 * A P-256 point in projective coordinates (X : Y : Z), each in Montgomery form; the affine
 * point is (X/Z, Y/Z) and Z = 0 is the point at infinity, (0 : 1 : 0). Mutable scratch,
 * confined to one computation.
 */
final class Point {
    final int[] x = new int[Mont.LIMBS];
    final int[] y = new int[Mont.LIMBS];
    final int[] z = new int[Mont.LIMBS];

    static Point infinity() {
        Point p = new Point();
        System.arraycopy(Curve.P.one, 0, p.y, 0, Mont.LIMBS);
        return p;
    }

    void set(Point o) {
        System.arraycopy(o.x, 0, x, 0, Mont.LIMBS);
        System.arraycopy(o.y, 0, y, 0, Mont.LIMBS);
        System.arraycopy(o.z, 0, z, 0, Mont.LIMBS);
    }

    /** this = mask == -1 ? o : this, without a branch (mask is 0 or -1). */
    void conditionalSet(Point o, int mask) {
        Mont.conditionalCopy(x, o.x, mask);
        Mont.conditionalCopy(y, o.y, mask);
        Mont.conditionalCopy(z, o.z, mask);
    }

    boolean isInfinity() {
        return Mont.isZeroMask(z) != 0;
    }
}
