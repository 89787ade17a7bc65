package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.SignatureScheme;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ed25519 CertificateVerify signatures on Padlock's own code and on the JCA: identical
 * signatures (Ed25519 is deterministic), each verifying the other's, the same refusals, and the
 * fallback to the JCA for a key whose bytes cannot be read.
 */
class SignatureSchemesOwnTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SignatureScheme ED25519 = SignatureScheme.ED25519;

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] content() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return SignatureSchemes.certificateVerifyContent(true, hash);
    }

    @Test
    void ownSignatureIsTheJcasByteForByteAndBothVerifyIt() throws Exception {
        for (int i = 0; i < 10; i++) {
            KeyPair kp = ed25519();
            byte[] content = content();
            byte[] own = SignatureSchemes.sign(ED25519, kp.getPrivate(), content, RANDOM, true);
            byte[] jca = SignatureSchemes.sign(ED25519, kp.getPrivate(), content, RANDOM, false);
            assertArrayEquals(jca, own);
            assertTrue(SignatureSchemes.verify(ED25519, kp.getPublic(), content, own, true));
            assertTrue(SignatureSchemes.verify(ED25519, kp.getPublic(), content, own, false));
        }
    }

    @Test
    void tamperedSignatureOrContentIsRefusedOnBothPaths() throws Exception {
        KeyPair kp = ed25519();
        byte[] content = content();
        byte[] signature = SignatureSchemes.sign(ED25519, kp.getPrivate(), content, RANDOM, true);
        for (int bit = 0; bit < 512; bit += 37) {
            byte[] tampered = signature.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(SignatureSchemes.verify(ED25519, kp.getPublic(), content, tampered, true), "bit " + bit);
            assertFalse(SignatureSchemes.verify(ED25519, kp.getPublic(), content, tampered, false), "bit " + bit);
        }
        byte[] other = content.clone();
        other[other.length - 1] ^= 1;
        assertFalse(SignatureSchemes.verify(ED25519, kp.getPublic(), other, signature, true));
        assertFalse(SignatureSchemes.verify(ED25519, kp.getPublic(), other, signature, false));
    }

    /** RFC 8032 §5.1.7: a signature is 64 bytes; SunEC on JDK 17 takes one with a zero byte more. */
    @Test
    void ownVerificationRefusesASignatureWithTrailingBytes() throws Exception {
        KeyPair kp = ed25519();
        byte[] content = content();
        byte[] signature = SignatureSchemes.sign(ED25519, kp.getPrivate(), content, RANDOM, true);
        assertFalse(SignatureSchemes.verify(ED25519, kp.getPublic(), content, Arrays.copyOf(signature, 65), true));
    }

    @Test
    void keyBytesAreReadFromTheJdksKeys() throws Exception {
        KeyPair kp = ed25519();
        byte[] encoded = kp.getPublic().getEncoded();
        byte[] point = OwnEd25519.publicKeyBytes(kp.getPublic()).orElseThrow();
        assertArrayEquals(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length), point);
        EdECPublicKey pub = (EdECPublicKey) kp.getPublic();
        assertEquals(pub.getPoint().getY(), new BigInteger(1, reverse(withoutSignBit(point))));
        assertEquals(pub.getPoint().isXOdd(), (point[31] & 0x80) != 0);
        byte[] seed = ((EdECPrivateKey) kp.getPrivate()).getBytes().orElseThrow();
        assertArrayEquals(seed, OwnEd25519.privateKeyBytes(kp.getPrivate()).orElseThrow());
    }

    /** A key that will not give its bytes (as in a token) is not Padlock's to use: the JCA signs. */
    @Test
    void unreadablePrivateKeyFallsBackToTheJca() throws Exception {
        EdECPrivateKey opaque = new EdECPrivateKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public Optional<byte[]> getBytes() {
                return Optional.empty();
            }

            @Override
            public NamedParameterSpec getParams() {
                return NamedParameterSpec.ED25519;
            }

            @Override
            public String getAlgorithm() {
                return "EdDSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        assertEquals(Optional.empty(), OwnEd25519.privateKeyBytes(opaque));
        assertEquals(Optional.empty(), OwnEd25519.sign(opaque, content()));
        PrivateKey readable = ed25519().getPrivate();
        assertTrue(OwnEd25519.sign(readable, content()).isPresent());
    }

    private static byte[] withoutSignBit(byte[] point) {
        byte[] y = point.clone();
        y[31] &= 0x7F;
        return y;
    }

    private static byte[] reverse(byte[] a) {
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
