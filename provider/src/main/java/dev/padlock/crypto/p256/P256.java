package dev.padlock.crypto.p256;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Padlock's own P-256 Diffie-Hellman (SEC 1 §3.3.1, as TLS 1.3 uses it: RFC 8446 §4.2.8.2, §7.4.2).
 * Private keys are 32-byte big-endian scalars in [1, n-1]; public keys and peer shares are
 * uncompressed points, 0x04 || X || Y, 65 bytes. The scalar multiplications are constant time
 * ({@link ScalarMult}).
 */
public final class P256 {
    public static final int PRIVATE_KEY_LENGTH = 32;
    public static final int POINT_LENGTH = 65;

    private P256() {
    }

    /** Why a peer's point is refused; the caller turns it into its protocol's alert. */
    public enum PointError { WRONG_LENGTH, NOT_UNCOMPRESSED, COORDINATE_OUT_OF_RANGE, NOT_ON_CURVE }

    /** A peer's point that is not an acceptable P-256 public key. */
    public static final class InvalidPointException extends Exception {
        private static final long serialVersionUID = 1L;
        private final PointError error;

        InvalidPointException(PointError error, String message) {
            super(message);
            this.error = error;
        }

        public PointError error() {
            return error;
        }
    }

    /**
     * A uniformly random scalar in [1, n-1]: 32 random bytes, drawn again in the rare case
     * (below 2^-32) that they fall outside. A rejected draw is discarded, so the loop reveals
     * nothing about the key it returns.
     */
    public static byte[] generatePrivateKey(SecureRandom random) {
        byte[] k = new byte[PRIVATE_KEY_LENGTH];
        do {
            random.nextBytes(k);
        } while (!isValidPrivateKey(k));
        return k;
    }

    /** True if {@code scalar} is 32 bytes encoding an integer in [1, n-1]. */
    public static boolean isValidPrivateKey(byte[] scalar) {
        if (scalar.length != PRIVATE_KEY_LENGTH) {
            return false;
        }
        int[] k = Mont.fromBytes(scalar, 0);
        boolean valid = (Mont.lessThanMask(k, Curve.N.limbs) & ~Mont.isZeroMask(k)) != 0;
        Arrays.fill(k, 0);
        return valid;
    }

    /** The uncompressed public point of a private key: d * G. */
    public static byte[] publicKey(byte[] privateKey) {
        int[] d = scalar(privateKey);
        Point q = ScalarMult.base(d);
        Arrays.fill(d, 0);
        int[] x = new int[Mont.LIMBS];
        int[] y = new int[Mont.LIMBS];
        Curve.toAffine(q, x, y);
        return encode(x, y);
    }

    /**
     * The shared secret: the x-coordinate of d * Q at 32 bytes (RFC 8446 §7.4.2), after the peer's
     * point is validated (RFC 8446 §4.2.8.2). P-256 has cofactor 1, so a point that is on the
     * curve is in the group of order n and d * Q is never infinity for d in [1, n-1].
     */
    public static byte[] ecdh(byte[] privateKey, byte[] peerPoint) throws InvalidPointException {
        Point q = decode(peerPoint);
        int[] d = scalar(privateKey);
        Point shared = ScalarMult.variable(d, q);
        Arrays.fill(d, 0);
        if (shared.isInfinity()) {
            throw new IllegalStateException("P-256 agreement gave the point at infinity");
        }
        int[] x = new int[Mont.LIMBS];
        Curve.toAffine(shared, x, null);
        byte[] out = new byte[32];
        Mont.toBytes(x, out, 0);
        Arrays.fill(x, 0);
        return out;
    }

    /** The private scalar as limbs; a caller error if it is not in [1, n-1]. */
    static int[] scalar(byte[] privateKey) {
        if (!isValidPrivateKey(privateKey)) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        return Mont.fromBytes(privateKey, 0);
    }

    /**
     * An uncompressed point, validated: the length, the form (RFC 8446 §4.2.8.2 allows only the
     * uncompressed one), each coordinate below p, and the curve equation (SEC 1 §3.2.2.1; the
     * cofactor is 1, so that is all). Infinity has no uncompressed encoding, so it is refused
     * by the length or the form. Public input: the checks may branch.
     */
    static Point decode(byte[] encoded) throws InvalidPointException {
        if (encoded.length != POINT_LENGTH) {
            throw new InvalidPointException(PointError.WRONG_LENGTH,
                    "P-256 point must be " + POINT_LENGTH + " bytes, got " + encoded.length);
        }
        if (encoded[0] != 4) {
            throw new InvalidPointException(PointError.NOT_UNCOMPRESSED, "P-256 point is not uncompressed");
        }
        int[] x = Mont.fromBytes(encoded, 1);
        int[] y = Mont.fromBytes(encoded, 33);
        if (Mont.lessThanMask(x, Curve.P.limbs) == 0 || Mont.lessThanMask(y, Curve.P.limbs) == 0) {
            throw new InvalidPointException(PointError.COORDINATE_OUT_OF_RANGE,
                    "P-256 point has a coordinate not below p");
        }
        Point p = new Point();
        Mont.toMontgomery(p.x, x, Curve.P);
        Mont.toMontgomery(p.y, y, Curve.P);
        System.arraycopy(Curve.P.one, 0, p.z, 0, Mont.LIMBS);
        if (!Curve.onCurve(p.x, p.y)) {
            throw new InvalidPointException(PointError.NOT_ON_CURVE, "P-256 point is not on the curve");
        }
        return p;
    }

    static byte[] encode(int[] x, int[] y) {
        byte[] out = new byte[POINT_LENGTH];
        out[0] = 4;
        Mont.toBytes(x, out, 1);
        Mont.toBytes(y, out, 33);
        return out;
    }
}
