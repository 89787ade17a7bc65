package dev.padlock.crypto.curve25519;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032 §5.1): key generation, signing and verification on 32-byte private keys
 * (seeds), 32-byte public keys and 64-byte signatures.
 *
 * <p>Signing is constant time in the private key and the nonce (fixed-window base-point
 * multiplication with masked table selection, constant-time scalar arithmetic). Verification
 * is variable time: its inputs (public key, message, signature) are all public. It uses the
 * cofactorless equation [S]B = R + [k]A, which RFC 8032 §5.1.7 allows, rejects S ≥ L and
 * non-canonical encodings of A, and compares R byte for byte, as the JDK's SunEC does.
 */
public final class Ed25519 {
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    /** RFC 8032 §5.1.5: the public key of a 32-byte private key. */
    public static byte[] publicKey(byte[] privateKey) {
        byte[] h = sha512(checkKey(privateKey));
        byte[] s = X25519.clamp(Arrays.copyOf(h, 32));
        byte[] a = EdwardsBase.multiply(s).encode();
        Arrays.fill(h, (byte) 0);
        Arrays.fill(s, (byte) 0);
        return a;
    }

    /** RFC 8032 §5.1.6: the signature of {@code message} under the 32-byte private key. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        byte[] h = sha512(checkKey(privateKey));
        byte[] s = X25519.clamp(Arrays.copyOf(h, 32));
        byte[] a = EdwardsBase.multiply(s).encode();
        byte[] r = Scalar25519.reduce(sha512(Arrays.copyOfRange(h, 32, 64), message));
        byte[] rEncoded = EdwardsBase.multiply(r).encode();
        byte[] k = Scalar25519.reduce(sha512(rEncoded, a, message));
        byte[] bigS = Scalar25519.mulAdd(k, s, r);
        byte[] signature = Arrays.copyOf(rEncoded, SIGNATURE_LENGTH);
        System.arraycopy(bigS, 0, signature, 32, 32);
        Arrays.fill(h, (byte) 0);
        Arrays.fill(s, (byte) 0);
        Arrays.fill(r, (byte) 0);
        return signature;
    }

    /**
     * RFC 8032 §5.1.7: whether {@code signature} is valid for {@code message} under the 32-byte
     * public key; false, never an exception, for any malformed key or signature.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH
                || !Scalar25519.isCanonical(signature, 32)) {
            return false;
        }
        EdwardsPoint a = EdwardsPoint.decode(publicKey, 0);
        if (a == null) {
            return false;
        }
        byte[] rEncoded = Arrays.copyOf(signature, 32);
        byte[] k = Scalar25519.reduce(sha512(rEncoded, publicKey, message));
        // R' = [S]B + [k](−A); the signature holds when R' encodes exactly as R.
        Field25519.neg(a.x, a.x);
        Field25519.neg(a.t, a.t);
        EdwardsPoint check = VariableTime.multiply(a, k);
        EdwardsPoint sB = EdwardsBase.multiply(Arrays.copyOfRange(signature, 32, 64));
        check.add(EdwardsPoint.Cached.of(sB), new EdwardsPoint.Scratch());
        return Arrays.equals(check.encode(), rEncoded);
    }

    private static byte[] checkKey(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
        }
        return key;
    }

    private static byte[] sha512(byte[]... parts) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512, which every JDK has, is missing", e);
        }
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    /** [k]P for a public point and scalar: a signed 4-bit window, branching on the digits. */
    private static final class VariableTime {
        static EdwardsPoint multiply(EdwardsPoint p, byte[] k) {
            EdwardsPoint.Scratch s = new EdwardsPoint.Scratch();
            EdwardsPoint.Cached[] positive = new EdwardsPoint.Cached[8];
            EdwardsPoint.Cached[] negative = new EdwardsPoint.Cached[8];
            EdwardsPoint multiple = new EdwardsPoint();
            multiple.set(p);
            EdwardsPoint.Cached step = EdwardsPoint.Cached.of(p);
            int[] scratch = Field25519.create();
            for (int j = 0; j < 8; j++) {
                positive[j] = EdwardsPoint.Cached.of(multiple);
                negative[j] = EdwardsPoint.Cached.of(multiple);
                negative[j].cneg(1, scratch);
                multiple.add(step, s);
            }
            int[] e = EdwardsBase.signedDigits(k);
            EdwardsPoint h = EdwardsPoint.identity();
            for (int i = 63; i >= 0; i--) {
                if (i != 63) {
                    h.doubled(s, 4);
                }
                if (e[i] > 0) {
                    h.add(positive[e[i] - 1], s);
                } else if (e[i] < 0) {
                    h.add(negative[-e[i] - 1], s);
                }
            }
            return h;
        }
    }
}
