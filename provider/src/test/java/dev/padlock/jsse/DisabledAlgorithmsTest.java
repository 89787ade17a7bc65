package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.Padlock;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * {@code jdk.tls.disabledAlgorithms} applied to Padlock's own lists, as SunJSSE applies it to its
 * own: what an operator disables is neither offered nor accepted.
 */
class DisabledAlgorithmsTest {

    private static DisabledAlgorithms parse(String value) {
        return DisabledAlgorithms.parse(value, Map.<String, String>of()::get);
    }

    /** The JDK's own default (17 here; 25 adds TLS_RSA_* and three SHA-1 handshake-signature entries). */
    @Test
    void theJdksDefaultValueDisablesNothingOfPadlocksButSha1HandshakeSignatures() {
        DisabledAlgorithms jdk = DisabledAlgorithms.parse(Security.getProperty(DisabledAlgorithms.PROPERTY),
                Security::getProperty);
        DisabledAlgorithms jdk25 = parse("SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
                + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, rsa_pkcs1_sha1 usage HandshakeSignature, "
                + "ecdsa_sha1 usage HandshakeSignature, dsa_sha1 usage HandshakeSignature");
        for (DisabledAlgorithms d : List.of(jdk, jdk25)) {
            assertFalse(d.disablesProtocol("TLSv1.3"));
            ContextDefaults.SUPPORTED_SUITES.forEach(s -> assertFalse(d.disablesSuite(s), s.toString()));
            ContextDefaults.SUPPORTED_GROUPS.forEach(g -> assertFalse(d.disablesGroup(g), g.toString()));
            ContextDefaults.SUPPORTED_SCHEMES.forEach(s -> assertFalse(d.disablesHandshakeScheme(s), s.toString()));
            ContextDefaults.CERT_ONLY_SCHEMES.forEach(s -> assertFalse(d.disablesCertificateScheme(s), s.toString()));
        }
        assertTrue(jdk25.disablesHandshakeScheme(SignatureScheme.RSA_PKCS1_SHA1), "usage HandshakeSignature");
    }

    @Test
    void anEntryDisablesWhatItNamesWhateverTheCase() {
        DisabledAlgorithms d = parse("X25519, tls_chacha20_poly1305_sha256, ecdsa_secp521r1_sha512, TLSv1.3");
        assertTrue(d.disablesGroup(NamedGroup.X25519));
        assertFalse(d.disablesGroup(NamedGroup.X448));
        assertTrue(d.disablesSuite(CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256));
        assertFalse(d.disablesSuite(CipherSuiteSpec.TLS_AES_128_GCM_SHA256));
        assertTrue(d.disablesHandshakeScheme(SignatureScheme.ECDSA_SECP521R1_SHA512));
        assertFalse(d.disablesHandshakeScheme(SignatureScheme.ECDSA_SECP256R1_SHA256));
        assertTrue(d.disablesProtocol("TLSv1.3"));
    }

    @Test
    void anEntryDisablesWhatIsMadeOfIt() {
        DisabledAlgorithms d = parse("SHA1, RSASSA-PSS, AES_256_GCM, TLS_AES_1*, EdDSA");
        assertTrue(d.disablesCertificateScheme(SignatureScheme.ECDSA_SHA1));
        assertTrue(d.disablesCertificateScheme(SignatureScheme.RSA_PKCS1_SHA1));
        assertFalse(d.disablesCertificateScheme(SignatureScheme.RSA_PKCS1_SHA256));
        assertTrue(d.disablesHandshakeScheme(SignatureScheme.RSA_PSS_RSAE_SHA256));
        assertTrue(d.disablesHandshakeScheme(SignatureScheme.RSA_PSS_PSS_SHA512));
        assertTrue(d.disablesHandshakeScheme(SignatureScheme.ED25519));
        assertTrue(d.disablesHandshakeScheme(SignatureScheme.ED448));
        assertFalse(d.disablesHandshakeScheme(SignatureScheme.ECDSA_SECP384R1_SHA384));
        assertTrue(d.disablesSuite(CipherSuiteSpec.TLS_AES_256_GCM_SHA384), "its bulk cipher");
        assertTrue(d.disablesSuite(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), "TLS_AES_1* as a prefix");
        assertFalse(d.disablesSuite(CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256));
    }

    @Test
    void ecKeySizeConstraintsDisableTheCurvesTheyCover() {
        DisabledAlgorithms d = parse("EC keySize < 384");
        assertTrue(d.disablesGroup(NamedGroup.SECP256R1));
        assertFalse(d.disablesGroup(NamedGroup.SECP384R1));
        assertFalse(d.disablesGroup(NamedGroup.SECP521R1));
        assertFalse(d.disablesGroup(NamedGroup.X25519), "X25519 is not an EC key in the JCA's sense");
        assertFalse(d.disablesHandshakeScheme(SignatureScheme.ECDSA_SECP256R1_SHA256),
                "a key size constraint is about keys, not names");
    }

    @Test
    void dhKeySizeConstraintsDisableTheFfdheGroupsTheyCover() {
        DisabledAlgorithms d = parse("DH keySize < 4096");
        assertTrue(d.disablesGroup(NamedGroup.FFDHE2048));
        assertTrue(d.disablesGroup(NamedGroup.FFDHE3072));
        assertFalse(d.disablesGroup(NamedGroup.FFDHE4096));
        assertFalse(d.disablesGroup(NamedGroup.SECP256R1));
    }

    @Test
    void includeExpandsAnotherSecurityPropertyOnceAndSurvivesACycle() {
        Map<String, String> security = Map.of("a", "x448, include b", "b", "secp384r1, include a");
        DisabledAlgorithms d = DisabledAlgorithms.parse("include a", security::get);
        assertTrue(d.disablesGroup(NamedGroup.X448));
        assertTrue(d.disablesGroup(NamedGroup.SECP384R1));
        assertFalse(d.disablesGroup(NamedGroup.X25519));
    }

    @Test
    void aClientOffersNoDisabledGroupSoSunJsseAgreesOnTheNext() throws Exception {
        SSLEngine client = Contexts.padlock(KeyKind.EC_P256, Map.of(DisabledAlgorithms.PROPERTY, "x25519"))
                .createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = Contexts.sun(KeyKind.EC_P256).createSSLEngine();
        server.setUseClientMode(false);
        new EnginePair(client, server).handshake();
        assertEquals(Optional.of("secp256r1"), Padlock.negotiatedGroup(client.getSession()));
    }

    @Test
    void aServerAcceptsNoDisabledSuite() throws Exception {
        SSLEngine client = Contexts.sun(KeyKind.EC_P256).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = Contexts.padlock(KeyKind.EC_P256,
                Map.of(DisabledAlgorithms.PROPERTY, "TLS_AES_128_GCM_SHA256")).createSSLEngine();
        server.setUseClientMode(false);
        // Even enabled by the application, a disabled suite is not used (as SunJSSE).
        server.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"});
        new EnginePair(client, server).handshake();
        assertEquals("TLS_AES_256_GCM_SHA384", server.getSession().getCipherSuite());
    }

    @Test
    void disablingEverySuiteFailsTheHandshakeNamingTheProperty() throws Exception {
        SSLEngine client = Contexts.padlock(KeyKind.EC_P256, Map.of(DisabledAlgorithms.PROPERTY,
                "AES_128_GCM, AES_256_GCM, CHACHA20_POLY1305")).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        client.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, client::beginHandshake);
        assertTrue(e.getMessage().contains(DisabledAlgorithms.PROPERTY), e.getMessage());
    }
}
