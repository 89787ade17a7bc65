package dev.padlock.crypto.curve25519;

/**
 * X25519 (RFC 7748 §5): the Montgomery ladder on u-coordinates, constant time in the scalar.
 *
 * <p>Outputs are returned as they are, all-zero ones included; rejecting an all-zero shared
 * secret (RFC 7748 §6.1, RFC 8446 §7.4.2) is the caller's decision, since only it knows which
 * alert to send.
 */
public final class X25519 {
    /** Bytes in a scalar, a u-coordinate and a shared secret. */
    public static final int LENGTH = 32;

    private static final int A24 = 121665;
    private static final byte[] BASE_U = basePoint();

    private X25519() {
    }

    private static byte[] basePoint() {
        byte[] u = new byte[LENGTH];
        u[0] = 9;
        return u;
    }

    /**
     * The public key X25519(k, 9) of a 32-byte private key (RFC 7748 §6.1), computed on the
     * birationally equivalent edwards25519 (RFC 7748 §4.1), where the base point's fixed-window
     * table makes it about three times cheaper than the ladder: u = (1 + y)/(1 − y) = (Z + Y)/(Z − Y).
     * Constant time as {@link EdwardsBase#multiply} and {@link Field25519#invert} are. Z − Y is
     * never zero: a clamped scalar is 8·k with 2^251 ≤ k < 2^252 < L, so the point is not the identity.
     */
    public static byte[] publicKey(byte[] privateKey) {
        if (privateKey.length != LENGTH) {
            throw new IllegalArgumentException("an X25519 private key is 32 bytes");
        }
        byte[] scalar = clamp(privateKey);
        EdwardsPoint p = EdwardsBase.multiply(scalar);
        java.util.Arrays.fill(scalar, (byte) 0);
        int[] u = Field25519.create();
        int[] denominator = Field25519.create();
        Field25519.add(u, p.z, p.y);
        Field25519.sub(denominator, p.z, p.y);
        Field25519.invert(denominator, denominator);
        Field25519.mul(u, u, denominator);
        return Field25519.toBytes(u);
    }

    /** X25519(k, 9) by the ladder, as RFC 7748 §5 defines it; tests hold {@link #publicKey} to it. */
    static byte[] publicKeyByLadder(byte[] privateKey) {
        return scalarMult(privateKey, BASE_U);
    }

    /**
     * X25519(k, u): the scalar k, clamped as RFC 7748 §5 decodes it, times the point with
     * u-coordinate u (top bit masked, a non-canonical u taken modulo p).
     */
    public static byte[] scalarMult(byte[] k, byte[] u) {
        if (k.length != LENGTH || u.length != LENGTH) {
            throw new IllegalArgumentException("X25519 scalar and u-coordinate are 32 bytes");
        }
        byte[] scalar = clamp(k);
        int[] x1 = Field25519.create();
        Field25519.fromBytes(x1, u, 0);
        int[] x2 = Field25519.of(1);
        int[] z2 = Field25519.create();
        int[] x3 = Field25519.create();
        Field25519.copy(x3, x1);
        int[] z3 = Field25519.of(1);
        Ladder t = new Ladder();
        int swap = 0;
        // Constant time: the loop runs over all 255 bit positions whatever the scalar; its bit
        // only feeds cswap's mask, never a branch or an index (pos >>> 3 is the public position).
        for (int pos = 254; pos >= 0; pos--) {
            int bit = (scalar[pos >>> 3] >>> (pos & 7)) & 1;
            swap ^= bit;
            Field25519.cswap(x2, x3, swap);
            Field25519.cswap(z2, z3, swap);
            swap = bit;
            t.step(x1, x2, z2, x3, z3);
        }
        Field25519.cswap(x2, x3, swap);
        Field25519.cswap(z2, z3, swap);
        java.util.Arrays.fill(scalar, (byte) 0);
        Field25519.invert(z2, z2);
        Field25519.mul(x2, x2, z2);
        return Field25519.toBytes(x2);
    }

    /** RFC 7748 §5 decodeScalar25519: clear the three low bits and bit 255, set bit 254. */
    static byte[] clamp(byte[] k) {
        byte[] s = k.clone();
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        return s;
    }

    /** Scratch space of one ladder, so that a step allocates nothing. */
    private static final class Ladder {
        private final int[] a = Field25519.create();
        private final int[] aa = Field25519.create();
        private final int[] b = Field25519.create();
        private final int[] bb = Field25519.create();
        private final int[] e = Field25519.create();
        private final int[] c = Field25519.create();
        private final int[] d = Field25519.create();
        private final int[] da = Field25519.create();
        private final int[] cb = Field25519.create();

        /** One differential addition and doubling, in RFC 7748 §5's names. */
        void step(int[] x1, int[] x2, int[] z2, int[] x3, int[] z3) {
            Field25519.add(a, x2, z2);
            Field25519.square(aa, a);
            Field25519.sub(b, x2, z2);
            Field25519.square(bb, b);
            Field25519.sub(e, aa, bb);
            Field25519.add(c, x3, z3);
            Field25519.sub(d, x3, z3);
            Field25519.mul(da, d, a);
            Field25519.mul(cb, c, b);
            Field25519.add(x3, da, cb);
            Field25519.square(x3, x3);
            Field25519.sub(z3, da, cb);
            Field25519.square(z3, z3);
            Field25519.mul(z3, z3, x1);
            Field25519.mul(x2, aa, bb);
            Field25519.mulSmall(z2, e, A24);
            Field25519.add(z2, z2, aa);
            Field25519.mul(z2, z2, e);
        }
    }
}
