package dev.padlock.crypto.curve25519;

import java.math.BigInteger;

/**
 * Multiples of the edwards25519 base point B (RFC 8032 §5.1), and a constant-time fixed-window
 * multiplication by it for secret scalars (the private scalar s and the nonce r of signing).
 *
 * <p>The scalar is written in 64 signed radix-16 digits e_i in [−8, 8]. The table holds j·256^k·B
 * for j = 1..8 and k = 0..31, affine, so Σ e_i·16^i·B is 16·(the odd digits' sum) + (the even
 * digits' sum): 64 additions of table entries and 4 doublings. Built once, at class loading.
 */
final class EdwardsBase {
    /** RFC 8032 §5.1: B = (x, 4/5) with x positive (even), here as its encoding. */
    static final byte[] B_ENCODED = encodeFourFifths();
    static final EdwardsPoint B = EdwardsPoint.decode(B_ENCODED, 0);
    private static final EdwardsPoint.Cached[][] TABLE = table();

    private EdwardsBase() {
    }

    private static byte[] encodeFourFifths() {
        BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(p)).mod(p);
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = y.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static EdwardsPoint.Cached[][] table() {
        EdwardsPoint.Cached[][] table = new EdwardsPoint.Cached[32][8];
        EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
        EdwardsPoint row = new EdwardsPoint();
        row.set(B);
        EdwardsPoint multiple = new EdwardsPoint();
        for (int k = 0; k < 32; k++) {
            EdwardsPoint.Cached step = EdwardsPoint.Cached.of(row);
            multiple.set(row);
            for (int j = 0; j < 8; j++) {
                table[k][j] = EdwardsPoint.Cached.affineOf(multiple);
                multiple.add(step, s);
            }
            row.doubled(s, 8);
        }
        return table;
    }

    /** [a]B for a 32-byte little-endian scalar a below 2^255, constant time in a. */
    static EdwardsPoint multiply(byte[] a) {
        int[] e = signedDigits(a);
        EdwardsPoint h = EdwardsPoint.identity();
        EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
        EdwardsPoint.Cached entry = new EdwardsPoint.Cached(true);
        int[] scratch = Field25519.create();
        for (int i = 1; i < 64; i += 2) {
            select(entry, i / 2, e[i], scratch);
            h.add(entry, s);
        }
        h.doubled(s, 4);
        for (int i = 0; i < 64; i += 2) {
            select(entry, i / 2, e[i], scratch);
            h.add(entry, s);
        }
        return h;
    }

    /**
     * a = Σ e_i·16^i with every e_i in [−8, 8]: nibbles, then each nibble of 8 or more borrows 16
     * from itself and carries 1 up. Constant time: shifts and adds over all 64 digits.
     */
    static int[] signedDigits(byte[] a) {
        int[] e = new int[64];
        for (int i = 0; i < 32; i++) {
            e[2 * i] = a[i] & 15;
            e[2 * i + 1] = (a[i] >>> 4) & 15;
        }
        int carry = 0;
        for (int i = 0; i < 63; i++) {
            e[i] += carry;
            carry = (e[i] + 8) >> 4;
            e[i] -= carry << 4;
        }
        e[63] += carry;
        return e;
    }

    /**
     * entry = digit·256^k·B. Constant time: every one of the row's eight entries is read and
     * kept or not by a mask (the secret digit never indexes the table), then the sign is applied
     * by a masked swap and negation; digit 0 leaves the identity.
     */
    private static void select(EdwardsPoint.Cached entry, int k, int digit, int[] scratch) {
        int negative = digit >>> 31;
        int sign = digit >> 31;
        int magnitude = (digit ^ sign) - sign;
        entry.setIdentity();
        for (int j = 0; j < 8; j++) {
            entry.cmov(TABLE[k][j], equal(magnitude, j + 1));
        }
        entry.cneg(negative, scratch);
    }

    /** 1 if a == b, else 0, for small non-negative ints, without a comparison branch. */
    private static int equal(int a, int b) {
        return ((a ^ b) - 1) >>> 31;
    }
}
