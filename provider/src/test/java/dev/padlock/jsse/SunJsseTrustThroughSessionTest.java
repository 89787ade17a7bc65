package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.SignatureScheme;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

/**
 * SunJSSE's own trust manager reads a Padlock handshake session through the engine: the peer
 * host, the requested server names and our signature_algorithms_cert by name. These tests
 * prove that it finds what it looks for there.
 */
class SunJsseTrustThroughSessionTest {

    private static TrustManagerBridge bridge(String host, List<SignatureScheme> localCertSchemes, String sni) {
        TlsSession tls = new TlsSession(new byte[32], Instant.now(), host, 443);
        tls.cipherSuite(CipherSuite.TLS_AES_128_GCM_SHA256);
        tls.localSignatureSchemes(localCertSchemes);
        if (sni != null) {
            tls.requestedServerNames(List.of(new SNIHostName(sni)));
        }
        SSLParameters params = new SSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        StubEngine engine = new StubEngine(host, 443, new PadlockSession(tls, null), params);
        return TrustManagerBridge.forEngine((X509ExtendedTrustManager) TestPki.trustManagers()[0], engine);
    }

    private static List<SignatureScheme> defaultCertSchemes() {
        return ContextDefaults.from(Map.<String, String>of()::get).certificateSchemes(true);
    }

    @Test
    void sunJsseAcceptsChainForTheRequestedHost() throws Exception {
        bridge("localhost", defaultCertSchemes(), null)
                .checkServerTrusted(TestPki.chain(TestPki.keyStore(KeyKind.RSA_2048)), "UNKNOWN");
    }

    @Test
    void sunJsseRejectsChainForAnotherHost() throws Exception {
        X509Certificate[] wrong = TestPki.chain(TestPki.wrongHostKeyStore());
        CertificateException e = assertThrows(CertificateException.class,
                () -> bridge("localhost", defaultCertSchemes(), null).checkServerTrusted(wrong, "UNKNOWN"));
        assertEquals("No subject alternative DNS name matching localhost found.", e.getMessage());
    }

    @Test
    void sunJsseChecksTheSniNameTheClientRequested() throws Exception {
        X509Certificate[] wrong = TestPki.chain(TestPki.wrongHostKeyStore());
        bridge("localhost", defaultCertSchemes(), "wrong.example").checkServerTrusted(wrong, "UNKNOWN");
    }

    @Test
    void sunJsseConstrainsChainSignaturesToOurCertificateSchemesByName() throws Exception {
        // The test CA signs with SHA256withECDSA: allowed by ecdsa_secp256r1_sha256 only.
        X509Certificate[] chain = TestPki.chain(TestPki.keyStore(KeyKind.EC_P256));
        bridge("localhost", List.of(SignatureScheme.ECDSA_SECP256R1_SHA256), null).checkServerTrusted(chain, "UNKNOWN");
        CertificateException e = assertThrows(CertificateException.class,
                () -> bridge("localhost", List.of(SignatureScheme.RSA_PSS_RSAE_SHA256), null)
                        .checkServerTrusted(chain, "UNKNOWN"));
        assertInstanceOf(CertificateException.class, e);
    }
}
