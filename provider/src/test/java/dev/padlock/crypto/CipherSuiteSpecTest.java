package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec.Authentication;
import dev.padlock.wire.CipherSuite;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 suites: codes (RFC 5289 §3.2, RFC 7905 §2), SunJSSE's names and default order,
 * and the record parameters RFC 5288 §3 and RFC 7905 §2 fix for them.
 */
class CipherSuiteSpecTest {

    @Test
    void tls12SuitesHaveTheirCodesAndSunJsseNamesInSunJsseOrder() {
        List<String> expected = List.of(
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 c02c",
                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 c02b",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 cca9",
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 c030",
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 cca8",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 c02f");
        assertEquals(expected, CipherSuiteSpec.SUPPORTED_TLS12.stream()
                .map(s -> s.suite().name() + " " + String.format("%04x", s.suite().code())).toList());
    }

    @Test
    void gcmHasASaltAndAnExplicitNonceChaCha20AFullIvAndNone() {
        for (CipherSuiteSpec s : CipherSuiteSpec.SUPPORTED_TLS12) {
            assertTrue(s.isTls12(), s.suite().name());
            assertEquals(s.isGcm() ? 4 : 12, s.fixedIvLength(), s.suite().name());
            assertEquals(s.isGcm() ? 8 : 0, s.explicitNonceLength(), s.suite().name());
            assertEquals(s.suite().name().contains("SHA384") ? "SHA-384" : "SHA-256", s.hashAlgorithm());
            assertEquals(s.suite().name().contains("AES_128") ? 16 : 32, s.keyLength());
            assertEquals(s.suite().name().contains("ECDSA") ? Authentication.ECDSA : Authentication.RSA,
                    s.authentication());
        }
        for (CipherSuiteSpec s : CipherSuiteSpec.SUPPORTED) {
            assertFalse(s.isTls12(), s.suite().name());
            assertEquals(Authentication.ANY, s.authentication());
            assertEquals(12, s.fixedIvLength());
            assertEquals(0, s.explicitNonceLength());
        }
    }

    @Test
    void lookupFindsBothKindsButNotTheSignallingValues() {
        assertEquals(Optional.of(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256),
                CipherSuiteSpec.of(new CipherSuite(0xCCA8)));
        assertEquals(Optional.of(CipherSuiteSpec.TLS_AES_256_GCM_SHA384), CipherSuiteSpec.of(new CipherSuite(0x1302)));
        assertEquals(Optional.empty(), CipherSuiteSpec.of(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV));
        assertEquals(Optional.empty(), CipherSuiteSpec.of(CipherSuite.TLS_FALLBACK_SCSV));
        assertEquals("TLS_FALLBACK_SCSV", new CipherSuite(0x5600).name());
        assertEquals("TLS_EMPTY_RENEGOTIATION_INFO_SCSV", new CipherSuite(0x00FF).name());
    }
}
