package dev.padlock.crypto;

import dev.padlock.crypto.p256.P256;
import dev.padlock.crypto.p256.P256Ecdsa;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * ecdsa_secp256r1_sha256 (RFC 8446 §4.2.3) on Padlock's own P-256, for the keys it can read: a
 * public key as an {@link ECPublicKey}, a private key as an {@link ECPrivateKey} with its scalar,
 * or as a PKCS#8 encoding. Anything else (a token key that never leaves its device, say) is
 * {@link Optional#empty()}, and {@link SignatureSchemes} uses the JCA for it. The caller has
 * checked that the key is on secp256r1 (under TLS 1.2 the scheme alone does not say so).
 */
final class P256Signatures {
    private static final int HEDGE_LENGTH = 32;

    private P256Signatures() {
    }

    /**
     * The DER signature of SHA-256(content), with an RFC 6979 nonce hedged by 32 fresh random
     * bytes (§3.6), or empty if the private scalar cannot be read.
     */
    static Optional<byte[]> sign(PrivateKey key, byte[] content, SecureRandom random) {
        Optional<byte[]> scalar = scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        byte[] hedge = new byte[HEDGE_LENGTH];
        (random != null ? random : new SecureRandom()).nextBytes(hedge);
        try {
            return Optional.of(P256Ecdsa.sign(scalar.get(), sha256(content), hedge));
        } finally {
            Arrays.fill(scalar.get(), (byte) 0);
            Arrays.fill(hedge, (byte) 0);
        }
    }

    /** Whether the signature verifies, or empty for a key that is not an {@link ECPublicKey}. */
    static Optional<Boolean> verify(PublicKey key, byte[] content, byte[] signature) {
        if (!(key instanceof ECPublicKey ec)) {
            return Optional.empty();
        }
        byte[] point = new byte[P256.POINT_LENGTH];
        point[0] = 4;
        BigInteger x = ec.getW().getAffineX();
        BigInteger y = ec.getW().getAffineY();
        if (x == null || y == null || x.bitLength() > 256 || y.bitLength() > 256) {
            return Optional.of(false);
        }
        copy32(x, point, 1);
        copy32(y, point, 33);
        return Optional.of(P256Ecdsa.verify(point, sha256(content), signature));
    }

    private static Optional<byte[]> scalar(PrivateKey key) {
        BigInteger s = key instanceof ECPrivateKey ec ? ec.getS() : null;
        if (s == null && "PKCS#8".equalsIgnoreCase(key.getFormat())) {
            s = fromPkcs8(key.getEncoded());
        }
        if (s == null || s.signum() <= 0 || s.bitLength() > 256) {
            return Optional.empty();
        }
        byte[] d = new byte[P256.PRIVATE_KEY_LENGTH];
        copy32(s, d, 0);
        if (!P256.isValidPrivateKey(d)) {
            Arrays.fill(d, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * The scalar of a PKCS#8 encoding, or null: a key the JDK's EC key factory cannot parse is
     * left to the JCA signature of its own provider, which is the fallback this class promises.
     */
    private static BigInteger fromPkcs8(byte[] encoded) {
        if (encoded == null) {
            return null;
        }
        try {
            PrivateKey parsed = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return parsed instanceof ECPrivateKey ec ? ec.getS() : null;
        } catch (GeneralSecurityException e) {
            return null;
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static void copy32(BigInteger v, byte[] out, int off) {
        byte[] be = v.toByteArray();
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, out, off + 32 - len, len);
        Arrays.fill(be, (byte) 0);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("SHA-256", e);
        }
    }
}
