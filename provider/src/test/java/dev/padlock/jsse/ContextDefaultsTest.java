package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextDefaultsTest {

    private static ContextDefaults with(Map<String, String> props) {
        return ContextDefaults.from(props::get);
    }

    @Test
    void unsetPropertiesGiveBuiltInDefaults() {
        ContextDefaults d = with(Map.of());
        // The elliptic curves, then the RFC 7919 groups as in SunJSSE's default list.
        assertEquals(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.X448,
                NamedGroup.SECP521R1, NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096,
                NamedGroup.FFDHE6144, NamedGroup.FFDHE8192), d.namedGroups());
        for (boolean client : new boolean[] {true, false}) {
            assertEquals(List.of("TLSv1.3", "TLSv1.2"), d.side(client).protocols());
            assertEquals(List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256, CipherSuiteSpec.TLS_AES_256_GCM_SHA384,
                    CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256,
                    CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                    CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                    CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                    CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    CipherSuiteSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                    CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), d.side(client).cipherSuites());
            assertEquals(ContextDefaults.SUPPORTED_SCHEMES, d.side(client).signatureSchemes());
        }
        assertTrue(d.middleboxCompatibility());
        assertEquals(HandshakeConfig.DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE, d.maxHandshakeMessageSize());
    }

    @Test
    void namedGroupsPropertyWithOnlySecp256r1EnablesOnlyP256() {
        assertEquals(List.of(NamedGroup.SECP256R1), with(Map.of("jdk.tls.namedGroups", "secp256r1")).namedGroups());
    }

    @Test
    void namedGroupsPropertyKeepsItsOrderTrimsQuotesAndIgnoresUnknownNames() {
        ContextDefaults d = with(Map.of("jdk.tls.namedGroups",
                "\" secp384r1, X25519MLKEM768 ,bogus,x25519,secp384r1\""));
        assertEquals(List.of(NamedGroup.SECP384R1, NamedGroup.X25519), d.namedGroups());
    }

    @Test
    void namedGroupsPropertyNamingNothingSupportedIsAnErrorSayingSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("jdk.tls.namedGroups", "X25519MLKEM768,bogus")));
        assertEquals("System property jdk.tls.namedGroups(X25519MLKEM768,bogus) names nothing Padlock supports; it "
                + "supports [x25519, secp256r1, secp384r1, x448, secp521r1, ffdhe2048, ffdhe3072, ffdhe4096, "
                + "ffdhe6144, ffdhe8192]", e.getMessage());
    }

    @Test
    void emptyPropertyMeansDefault() {
        assertEquals(ContextDefaults.SUPPORTED_GROUPS, with(Map.of("jdk.tls.namedGroups", "")).namedGroups());
    }

    @Test
    void cipherSuitePropertiesApplyPerSide() {
        ContextDefaults d = with(Map.of(
                "jdk.tls.client.cipherSuites", "TLS_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "jdk.tls.server.cipherSuites", "TLS_AES_256_GCM_SHA384"));
        assertEquals(List.of(CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), d.side(true).cipherSuites());
        assertEquals(List.of(CipherSuiteSpec.TLS_AES_256_GCM_SHA384), d.side(false).cipherSuites());
    }

    @Test
    void cipherSuitePropertyNamingNoSupportedSuiteIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("jdk.tls.server.cipherSuites", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA")));
        assertTrue(e.getMessage().startsWith("System property jdk.tls.server.cipherSuites("), e.getMessage());
    }

    @Test
    void signatureSchemePropertiesApplyPerSide() {
        ContextDefaults d = with(Map.of("jdk.tls.client.SignatureSchemes", "ed25519,rsa_pss_rsae_sha256,dsa_sha256"));
        assertEquals(List.of(SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256), d.side(true).signatureSchemes());
        assertEquals(ContextDefaults.SUPPORTED_SCHEMES, d.side(false).signatureSchemes());
    }

    @Test
    void certificateSchemesAreHandshakeSchemesThenPkcs1AndSha1AsSunJsseSendsThem() {
        ContextDefaults d = with(Map.of());
        List<SignatureScheme> cert = d.certificateSchemes(true);
        assertEquals(ContextDefaults.SUPPORTED_SCHEMES, cert.subList(0, ContextDefaults.SUPPORTED_SCHEMES.size()));
        assertEquals(List.of("rsa_pkcs1_sha256", "rsa_pkcs1_sha384", "rsa_pkcs1_sha512", "ecdsa_sha1", "rsa_pkcs1_sha1"),
                cert.subList(ContextDefaults.SUPPORTED_SCHEMES.size(), cert.size()).stream()
                        .map(SignatureScheme::name).toList());
    }

    @Test
    void protocolListsKeepTls13AndTls12AndDropOlderVersions() {
        ContextDefaults d = with(Map.of("jdk.tls.client.protocols", "TLSv1.2,TLSv1.1"));
        assertEquals(List.of("TLSv1.2"), d.side(true).protocols());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), d.side(false).protocols());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"),
                with(Map.of("jdk.tls.server.protocols", "TLSv1.2, TLSv1.3")).side(false).protocols());
        assertEquals(List.of(), with(Map.of("jdk.tls.server.protocols", "TLSv1.1,TLSv1")).side(false).protocols());
    }

    @Test
    void protocolListWithUnknownNameIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("jdk.tls.server.protocols", "TLSv1.3,TLSv1.4")));
        assertEquals("jdk.tls.server.protocols: TLSv1.4 is not a supported SSL protocol name", e.getMessage());
    }

    @Test
    void compatibilityModeAndHandshakeSizeProperties() {
        ContextDefaults d = with(Map.of("jdk.tls.client.useCompatibilityMode", "FALSE",
                "jdk.tls.maxHandshakeMessageSize", "32768"));
        assertFalse(d.middleboxCompatibility());
        assertEquals(32768, d.maxHandshakeMessageSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> with(Map.of("jdk.tls.client.useCompatibilityMode", "yes")));
        assertEquals("Value of jdk.tls.client.useCompatibilityMode must either be 'true' or 'false'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("jdk.tls.maxHandshakeMessageSize", "-1")));
    }

    @Test
    void clientCaExtensionIsOffUnlessTrue() {
        assertFalse(with(Map.of()).clientAuthorities());
        assertTrue(with(Map.of("jdk.tls.client.enableCAExtension", "TRUE")).clientAuthorities());
        assertFalse(with(Map.of("jdk.tls.client.enableCAExtension", "false")).clientAuthorities());
        assertThrows(IllegalArgumentException.class, () -> with(Map.of("jdk.tls.client.enableCAExtension", "on")));
    }

    @Test
    void sessionCacheSizePropertyAsSunJsseReadsIt() {
        assertEquals(20480, with(Map.of()).sessionCacheSize());
        assertEquals(5, with(Map.of("javax.net.ssl.sessionCacheSize", "5")).sessionCacheSize());
        assertEquals(0, with(Map.of("javax.net.ssl.sessionCacheSize", "0")).sessionCacheSize());
        assertEquals(20480, with(Map.of("javax.net.ssl.sessionCacheSize", "-3")).sessionCacheSize());
        assertEquals(20480, with(Map.of("javax.net.ssl.sessionCacheSize", "many")).sessionCacheSize());
    }
}
