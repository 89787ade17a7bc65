package dev.padlock.crypto.p256;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Padlock's own ECDSA over P-256 (FIPS 186-4 §6.4, SEC 1 §4.1) on a message hash computed by the
 * caller; signatures in DER ({@link EcdsaDer}). Signing is constant time in the private key and
 * the nonce: k * G by {@link ScalarMult#base}, the inversions by exponentiation
 * ({@link Mont#invert}), the rest in Montgomery arithmetic mod n. Verification handles public
 * values only and runs in variable time.
 */
public final class P256Ecdsa {
    private P256Ecdsa() {
    }

    /**
     * A signature of {@code hash} by {@code privateKey} (32 bytes, in [1, n-1]), with the nonce of
     * RFC 6979 hedged by {@code additionalData} (§3.6; empty for the deterministic nonce).
     */
    public static byte[] sign(byte[] privateKey, byte[] hash, byte[] additionalData) {
        int[] d = P256.scalar(privateKey);
        int[] e = hashToScalar(hash);
        byte[] h1 = new byte[32];
        Mont.toBytes(e, h1, 0);
        Rfc6979 nonces = new Rfc6979(privateKey, h1, additionalData);
        try {
            Mont.Modulus n = Curve.N;
            Mont.toMontgomery(d, d, n);
            Mont.toMontgomery(e, e, n);
            while (true) {
                int[] k = nonces.next();
                int[] r = new int[Mont.LIMBS];
                Curve.toAffine(ScalarMult.base(k), r, null);
                // x < p < 2n: one masked subtraction reduces it mod n (SEC 1 §4.1.3 step 4).
                Mont.reduceOnce(r, 0, n.limbs);
                int[] s = new int[Mont.LIMBS];
                Mont.toMontgomery(s, r, n);
                Mont.mul(s, s, d, n);
                Mont.add(s, s, e, n);
                Mont.toMontgomery(k, k, n);
                Mont.invert(k, k, n);
                Mont.mul(s, s, k, n);
                Mont.fromMontgomery(s, s, n);
                Arrays.fill(k, 0);
                // r = 0 or s = 0 has probability about 2^-255; RFC 6979 §3.4 then takes the next k.
                if (Mont.isZeroMask(r) == 0 && Mont.isZeroMask(s) == 0) {
                    byte[] rb = new byte[32];
                    byte[] sb = new byte[32];
                    Mont.toBytes(r, rb, 0);
                    Mont.toBytes(s, sb, 0);
                    return EcdsaDer.encode(rb, sb);
                }
            }
        } finally {
            Arrays.fill(d, 0);
            nonces.destroy();
        }
    }

    /**
     * True if {@code signature} (DER) is a valid signature of {@code hash} under
     * {@code publicKey} (an uncompressed point); false for a malformed signature, r or s outside
     * [1, n-1], or a public key that is not a point of P-256.
     */
    public static boolean verify(byte[] publicKey, byte[] hash, byte[] signature) {
        Optional<EcdsaDer.Signature> sig = EcdsaDer.decode(signature);
        if (sig.isEmpty()) {
            return false;
        }
        BigInteger n = Mont.toBigInteger(Curve.N.limbs);
        BigInteger r = sig.get().r();
        BigInteger s = sig.get().s();
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || s.signum() <= 0 || s.compareTo(n) >= 0) {
            return false;
        }
        Point q;
        try {
            q = P256.decode(publicKey);
        } catch (P256.InvalidPointException e) {
            return false;
        }
        BigInteger w = s.modInverse(n);
        BigInteger u1 = Mont.toBigInteger(hashToScalar(hash)).multiply(w).mod(n);
        BigInteger u2 = r.multiply(w).mod(n);
        Point sum = ScalarMult.publicDoubleBase(Mont.fromBigInteger(u1), Mont.fromBigInteger(u2), q);
        if (sum.isInfinity()) {
            return false;
        }
        int[] x = new int[Mont.LIMBS];
        Curve.toAffine(sum, x, null);
        return Mont.toBigInteger(x).mod(n).equals(r);
    }

    /**
     * bits2int(hash) mod n (RFC 6979 §2.3.2, §2.3.4; SEC 1 §4.1.3 step 5): the leftmost 256 bits
     * of the hash, reduced by one masked subtraction since 2^256 < 2n.
     */
    static int[] hashToScalar(byte[] hash) {
        byte[] left = new byte[32];
        int len = Math.min(hash.length, 32);
        System.arraycopy(hash, 0, left, 32 - len, len);
        int[] e = Mont.fromBytes(left, 0);
        Mont.reduceOnce(e, 0, Curve.N.limbs);
        return e;
    }
}
