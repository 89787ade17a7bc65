package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.SignatureScheme;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Signature schemes (RFC 8446 §4.2.3) and the CertificateVerify content (§4.4.3). */
class SignatureSchemesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, KeyPair> KEYS = new HashMap<>();

    private static synchronized KeyPair keys(String algorithm, ECGenParameterSpec spec, int bits) {
        String id = algorithm + (spec != null ? spec.getName() : bits);
        return KEYS.computeIfAbsent(id, k -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
                if (spec != null) {
                    g.initialize(spec, RANDOM);
                } else if (bits > 0) {
                    g.initialize(bits, RANDOM);
                }
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static KeyPair rsa() {
        return keys("RSA", null, 2048);
    }

    static KeyPair ec(String curve) {
        return keys("EC", new ECGenParameterSpec(curve), 0);
    }

    static KeyPair keyFor(SignatureScheme s) {
        return switch (s.name()) {
            case "ecdsa_secp256r1_sha256" -> ec("secp256r1");
            case "ecdsa_secp384r1_sha384" -> ec("secp384r1");
            case "ecdsa_secp521r1_sha512" -> ec("secp521r1");
            case "rsa_pss_pss_sha256", "rsa_pss_pss_sha384", "rsa_pss_pss_sha512" -> keys("RSASSA-PSS", null, 2048);
            case "ed25519" -> keys("Ed25519", null, 0);
            case "ed448" -> keys("Ed448", null, 0);
            default -> rsa();
        };
    }

    static Stream<SignatureScheme> certificateVerifySchemes() {
        return Stream.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
                SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
                SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
                SignatureScheme.RSA_PSS_PSS_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448);
    }

    @ParameterizedTest
    @MethodSource("certificateVerifySchemes")
    void signThenVerifyRoundTrips(SignatureScheme scheme) {
        KeyPair kp = keyFor(scheme);
        assertTrue(SignatureSchemes.isAllowedInCertificateVerify(scheme));
        assertTrue(SignatureSchemes.canSign(scheme, kp.getPrivate()));
        assertTrue(SignatureSchemes.canVerify(scheme, kp.getPublic()));
        byte[] content = SignatureSchemes.certificateVerifyContent(true, new byte[32]);
        byte[] sig = SignatureSchemes.sign(scheme, kp.getPrivate(), content, RANDOM);
        assertTrue(SignatureSchemes.verify(scheme, kp.getPublic(), content, sig));
        byte[] otherContent = SignatureSchemes.certificateVerifyContent(false, new byte[32]);
        assertFalse(SignatureSchemes.verify(scheme, kp.getPublic(), otherContent, sig),
                "a server signature does not verify as a client one");
        byte[] truncated = Arrays.copyOf(sig, sig.length - 1);
        assertFalse(SignatureSchemes.verify(scheme, kp.getPublic(), content, truncated));
    }

    @Test
    void pkcs1AndSha1AreNotAllowedInCertificateVerify() {
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(SignatureScheme.RSA_PKCS1_SHA256));
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(SignatureScheme.RSA_PKCS1_SHA384));
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(SignatureScheme.RSA_PKCS1_SHA512));
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(SignatureScheme.RSA_PKCS1_SHA1));
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(SignatureScheme.ECDSA_SHA1));
        assertFalse(SignatureSchemes.isAllowedInCertificateVerify(new SignatureScheme(0x0A0A)));
    }

    @Test
    void pkcs1StillVerifiesForCertificateSignatures() {
        KeyPair kp = rsa();
        byte[] data = {1, 2, 3};
        byte[] sig = SignatureSchemes.sign(SignatureScheme.RSA_PKCS1_SHA256, kp.getPrivate(), data, RANDOM);
        assertTrue(SignatureSchemes.verify(SignatureScheme.RSA_PKCS1_SHA256, kp.getPublic(), data, sig));
    }

    @Test
    void ecdsaSchemeRequiresItsOwnCurve() {
        assertFalse(SignatureSchemes.canSign(SignatureScheme.ECDSA_SECP256R1_SHA256, ec("secp384r1").getPrivate()));
        assertFalse(SignatureSchemes.canVerify(SignatureScheme.ECDSA_SECP384R1_SHA384, ec("secp256r1").getPublic()));
        assertTrue(SignatureSchemes.canSign(SignatureScheme.ECDSA_SECP384R1_SHA384, ec("secp384r1").getPrivate()));
    }

    @Test
    void keyTypeMustMatchTheScheme() {
        KeyPair pssKey = keys("RSASSA-PSS", null, 2048);
        assertFalse(SignatureSchemes.canSign(SignatureScheme.RSA_PSS_RSAE_SHA256, pssKey.getPrivate()),
                "rsa_pss_rsae needs an rsaEncryption key");
        assertFalse(SignatureSchemes.canSign(SignatureScheme.RSA_PSS_PSS_SHA256, rsa().getPrivate()),
                "rsa_pss_pss needs an RSASSA-PSS key");
        assertFalse(SignatureSchemes.canSign(SignatureScheme.ED25519, keys("Ed448", null, 0).getPrivate()));
        assertFalse(SignatureSchemes.canSign(SignatureScheme.ECDSA_SECP256R1_SHA256, rsa().getPrivate()));
        assertFalse(SignatureSchemes.canSign(new SignatureScheme(0x0A0A), rsa().getPrivate()));
        assertThrows(IllegalArgumentException.class, () -> SignatureSchemes.verify(
                SignatureScheme.ED25519, rsa().getPublic(), new byte[1], new byte[64]));
    }

    @Test
    void rsaKeyTooSmallForPssSha512IsRefused() {
        // RFC 8017 §9.1.1: emLen >= 2 * 64 + 2 = 130 bytes; a 1024-bit key has 128.
        KeyPair small = keys("RSA", null, 1024);
        assertFalse(SignatureSchemes.canSign(SignatureScheme.RSA_PSS_RSAE_SHA512, small.getPrivate()));
        assertTrue(SignatureSchemes.canSign(SignatureScheme.RSA_PSS_RSAE_SHA256, small.getPrivate()));
    }

    /** The example in RFC 8446 §4.4.3: a transcript hash of 32 bytes of 01, server side. */
    @Test
    void certificateVerifyContentMatchesRfc8446Example() {
        byte[] hash = new byte[32];
        Arrays.fill(hash, (byte) 1);
        assertArrayEquals(Bytes.fromHex("""
                2020202020202020202020202020202020202020202020202020202020202020
                2020202020202020202020202020202020202020202020202020202020202020
                544c5320312e332c207365727665722043657274696669636174655665726966
                79
                00
                0101010101010101010101010101010101010101010101010101010101010101""").toByteArray(),
                SignatureSchemes.certificateVerifyContent(true, hash));
    }

    @Test
    void clientCertificateVerifyContentUsesTheClientContextString() {
        byte[] content = SignatureSchemes.certificateVerifyContent(false, new byte[48]);
        byte[] expectedPrefix = new byte[64];
        Arrays.fill(expectedPrefix, (byte) 0x20);
        assertArrayEquals(expectedPrefix, Arrays.copyOf(content, 64));
        assertArrayEquals("TLS 1.3, client CertificateVerify".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Arrays.copyOfRange(content, 64, 64 + 33));
        assertArrayEquals(new byte[1 + 48], Arrays.copyOfRange(content, 97, content.length));
    }
}
