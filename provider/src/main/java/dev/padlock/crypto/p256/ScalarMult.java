package dev.padlock.crypto.p256;

/**
 * Scalar multiplication on P-256 with 4-bit fixed windows: 64 windows, most significant first
 * for a variable point, and a precomputed table of the base point's multiples for k * G.
 *
 * <p>Constant time ({@link #variable} and {@link #base}): every window does the same doublings and
 * one complete addition, also when its nibble is 0 (the table's entry 0 is infinity, which the
 * complete formulas add like any other point), and the table entry is selected by scanning all
 * sixteen entries under masks, so no memory address depends on the scalar. The {@code public}
 * variants index the table directly and are for ECDSA verification only, whose scalars are
 * computed from the public key, message and signature.
 */
final class ScalarMult {
    private static final int WINDOWS = 64;

    /** BASE[w][j] = j * 16^w * G, for j = 0..15 (entry 0 is infinity); projective, never normalised. */
    private static final Point[][] BASE = baseTable();

    private ScalarMult() {
    }

    private static Point[][] baseTable() {
        Curve.Scratch s = new Curve.Scratch();
        Point[][] table = new Point[WINDOWS][];
        Point windowBase = Curve.generator();
        for (int w = 0; w < WINDOWS; w++) {
            table[w] = multiples(windowBase, s);
            for (int i = 0; i < 4; i++) {
                s.dbl(windowBase, windowBase);
            }
        }
        return table;
    }

    /** 0 * p .. 15 * p. */
    private static Point[] multiples(Point p, Curve.Scratch s) {
        Point[] t = new Point[16];
        t[0] = Point.infinity();
        t[1] = new Point();
        t[1].set(p);
        for (int j = 2; j < 16; j++) {
            t[j] = new Point();
            if ((j & 1) == 0) {
                s.dbl(t[j], t[j / 2]);
            } else {
                s.add(t[j], t[j - 1], p);
            }
        }
        return t;
    }

    /** r = table[index], reading every entry: the index is a secret nibble. */
    private static void select(Point r, Point[] table, int index) {
        for (int j = 0; j < 16; j++) {
            // (j ^ index) - 1 is negative exactly when j == index; the shift spreads its sign.
            int mask = ((j ^ index) - 1) >> 31;
            r.conditionalSet(table[j], mask);
        }
    }

    /** k * p for a secret scalar k (limbs, below n) and a validated point p: ECDH. */
    static Point variable(int[] k, Point p) {
        Curve.Scratch s = new Curve.Scratch();
        Point[] table = multiples(p, s);
        Point acc = Point.infinity();
        Point entry = new Point();
        for (int w = WINDOWS - 1; w >= 0; w--) {
            for (int i = 0; i < 4; i++) {
                s.dbl(acc, acc);
            }
            select(entry, table, Mont.nibble(k, w));
            s.add(acc, acc, entry);
        }
        return acc;
    }

    /** k * G for a secret scalar k: key generation and the ECDSA nonce point. No doublings. */
    static Point base(int[] k) {
        Curve.Scratch s = new Curve.Scratch();
        Point acc = Point.infinity();
        Point entry = new Point();
        for (int w = 0; w < WINDOWS; w++) {
            select(entry, BASE[w], Mont.nibble(k, w));
            s.add(acc, acc, entry);
        }
        return acc;
    }

    /**
     * u1 * G + u2 * q, variable time: ECDSA verification, where u1, u2 and q are public. Entries
     * are indexed directly and zero nibbles skipped.
     */
    static Point publicDoubleBase(int[] u1, int[] u2, Point q) {
        Curve.Scratch s = new Curve.Scratch();
        Point[] table = multiples(q, s);
        Point acc = Point.infinity();
        for (int w = WINDOWS - 1; w >= 0; w--) {
            for (int i = 0; i < 4; i++) {
                s.dbl(acc, acc);
            }
            int nib = Mont.nibble(u2, w);
            if (nib != 0) {
                s.add(acc, acc, table[nib]);
            }
        }
        for (int w = 0; w < WINDOWS; w++) {
            int nib = Mont.nibble(u1, w);
            if (nib != 0) {
                s.add(acc, acc, BASE[w][nib]);
            }
        }
        return acc;
    }
}
