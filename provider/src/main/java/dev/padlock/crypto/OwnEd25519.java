package dev.padlock.crypto;

import dev.padlock.crypto.curve25519.Ed25519;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bridge from JCA Ed25519 keys to Padlock's own {@link Ed25519}: the key's bytes when they can
 * be read, else empty, and the caller falls back to the JCA (a key in a token, or one whose
 * provider will not hand out its bytes, stays with its provider).
 */
final class OwnEd25519 {
    /** RFC 8410 §4: SubjectPublicKeyInfo of an Ed25519 key, before its 32-byte point. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private OwnEd25519() {
    }

    /**
     * The 32-byte encoded point (RFC 8032 §5.1.2) of an Ed25519 public key: the bytes of its X.509
     * encoding as they came (so a non-canonical encoding is seen, and refused), else rebuilt from
     * {@link EdECPublicKey#getPoint()}.
     */
    static Optional<byte[]> publicKeyBytes(PublicKey key) {
        byte[] encoded = "X.509".equals(key.getFormat()) ? key.getEncoded() : null;
        if (encoded != null && encoded.length == X509_PREFIX.length + Ed25519.KEY_LENGTH
                && Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            return Optional.of(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
        }
        if (key instanceof EdECPublicKey k) {
            EdECPoint point = k.getPoint();
            BigInteger y = point.getY();
            if (y.signum() < 0 || y.bitLength() > 255) {
                return Optional.empty();
            }
            byte[] out = new byte[Ed25519.KEY_LENGTH];
            for (int i = 0; i < out.length; i++) {
                out[i] = y.shiftRight(8 * i).byteValue();
            }
            out[31] |= (byte) (point.isXOdd() ? 0x80 : 0);
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** The 32-byte private key (RFC 8032 §5.1.5's seed) when its provider lets it be read. */
    static Optional<byte[]> privateKeyBytes(PrivateKey key) {
        if (key instanceof EdECPrivateKey k) {
            return k.getBytes().filter(b -> b.length == Ed25519.KEY_LENGTH);
        }
        return Optional.empty();
    }

    /** Signs with the own code if the key's bytes are readable, else empty. */
    static Optional<byte[]> sign(PrivateKey key, byte[] content) {
        Optional<byte[]> seed = privateKeyBytes(key);
        if (seed.isEmpty()) {
            return Optional.empty();
        }
        byte[] s = seed.get();
        try {
            return Optional.of(Ed25519.sign(s, content));
        } finally {
            Arrays.fill(s, (byte) 0);
        }
    }

    /** Verifies with the own code if the key's point is readable, else empty. */
    static Optional<Boolean> verify(PublicKey key, byte[] content, byte[] signature) {
        return publicKeyBytes(key).map(a -> Ed25519.verify(a, content, signature));
    }
}
