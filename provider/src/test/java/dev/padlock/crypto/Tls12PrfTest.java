package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 PRF (RFC 5246 §5) against the P_SHA256 and P_SHA384 vectors posted to the IETF
 * TLS list (mail-archive/web/tls/current/msg03416.html), which BearSSL's and GnuTLS's test
 * suites carry too; both regenerated here with OpenSSL 3.0's
 * {@code openssl kdf -kdfopt digest:SHA2-256 ... TLS1-PRF}.
 */
class Tls12PrfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void pSha256MatchesThePublishedVector() {
        byte[] out = Tls12Prf.prf(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                HEX.parseHex("9bbe436ba940f017b17652849a71db35"), "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"), 100);
        assertEquals("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
                + "87347b66", HEX.formatHex(out));
    }

    @Test
    void pSha384MatchesThePublishedVector() {
        byte[] out = Tls12Prf.prf(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df"), "test label",
                HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"), 148);
        assertEquals("7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
                + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
                + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
                + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
                + "91c8f3a26854308d5eaa3be85e0990703d73e56f", HEX.formatHex(out));
    }

    /** Every length from 0 to four blocks is the same prefix of one stream, as P_hash defines it. */
    @Test
    void everyLengthIsAPrefixOfTheSameStreamAsTheDefinitionComputesIt() throws GeneralSecurityException {
        byte[] secret = HEX.parseHex("0102030405");
        byte[] seed = HEX.parseHex("aabbccdd");
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            byte[] reference = definition(suite.macAlgorithm(), secret, "label", seed, 4 * suite.hashLength());
            for (int length = 0; length <= reference.length; length++) {
                assertArrayEquals(Arrays.copyOf(reference, length),
                        Tls12Prf.prf(suite, secret, "label", seed, length), suite.suite() + " length " + length);
            }
        }
    }

    @Test
    void negativeLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tls12Prf.prf(
                CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, new byte[1], "x", new byte[0], -1));
    }

    /** RFC 5246 §5 written out literally, A(i) by A(i), with a fresh Mac per HMAC. */
    private static byte[] definition(String macAlgorithm, byte[] secret, String label, byte[] seed, int length)
            throws GeneralSecurityException {
        byte[] labelAndSeed = concat(label.getBytes(StandardCharsets.US_ASCII), seed);
        byte[] out = new byte[0];
        byte[] a = labelAndSeed;
        while (out.length < length) {
            a = hmac(macAlgorithm, secret, a);
            out = concat(out, hmac(macAlgorithm, secret, concat(a, labelAndSeed)));
        }
        return Arrays.copyOf(out, length);
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
