package dev.padlock.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki.KeyKind;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TestPkiTest {

    @Test
    void caIsSelfSignedCertificateAuthority() throws Exception {
        X509Certificate ca = TestPki.caCertificate();
        ca.verify(ca.getPublicKey());
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertTrue(ca.getBasicConstraints() >= 0, "basicConstraints cA=true");
        assertEquals(List.of("ca"), Collections.list(TestPki.trustStore().aliases()));
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void keyStoreHoldsOneChainToTheCaTrustedBySunJsse(KeyKind kind) throws Exception {
        KeyStore ks = TestPki.keyStore(kind);
        assertEquals(List.of(TestPki.ALIAS), Collections.list(ks.aliases()));
        X509Certificate[] chain = TestPki.chain(ks);
        assertEquals(2, chain.length);
        chain[0].verify(TestPki.caCertificate().getPublicKey());
        chain[0].checkValidity();
        assertEquals(TestPki.caCertificate(), chain[1]);
        // id-kp-serverAuth, id-kp-clientAuth (RFC 5280 §4.2.1.12)
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), chain[0].getExtendedKeyUsage());
        assertTrue(chain[0].getKeyUsage()[0], "digitalSignature");
        boolean ec = kind == KeyKind.EC_P256 || kind == KeyKind.EC_P384;
        assertEquals(ec, chain[0].getKeyUsage()[4], "keyAgreement only on EC certificates");
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")),
                List.copyOf(chain[0].getSubjectAlternativeNames()));
        trustManager().checkServerTrusted(chain, "UNKNOWN");
    }

    @Test
    void keyKindsHaveTheNamedKeys() throws Exception {
        assertEquals(2048, ((RSAKey) keyOf(KeyKind.RSA_2048)).getModulus().bitLength());
        assertEquals(256, ((ECKey) keyOf(KeyKind.EC_P256)).getParams().getOrder().bitLength());
        assertEquals(384, ((ECKey) keyOf(KeyKind.EC_P384)).getParams().getOrder().bitLength());
        assertEquals("EdDSA", keyOf(KeyKind.ED25519).getAlgorithm());
    }

    @Test
    void expiredChainIsExpiredAndRejected() throws Exception {
        X509Certificate[] chain = TestPki.chain(TestPki.expiredKeyStore());
        chain[0].verify(TestPki.caCertificate().getPublicKey());
        assertThrows(CertificateExpiredException.class, chain[0]::checkValidity);
        CertificateException e = assertThrows(CertificateException.class,
                () -> trustManager().checkServerTrusted(chain, "UNKNOWN"));
        assertTrue(e.getMessage().contains("validity check failed"), e.getMessage());
    }

    @Test
    void wrongHostChainNamesOnlyWrongExample() throws Exception {
        X509Certificate[] chain = TestPki.chain(TestPki.wrongHostKeyStore());
        chain[0].verify(TestPki.caCertificate().getPublicKey());
        assertEquals(List.of(List.of(2, "wrong.example")), List.copyOf(chain[0].getSubjectAlternativeNames()));
    }

    @Test
    void untrustedChainIsSelfSignedOutsideTheCa() throws Exception {
        X509Certificate[] chain = TestPki.chain(TestPki.untrustedKeyStore());
        assertEquals(1, chain.length);
        chain[0].verify(chain[0].getPublicKey());
        assertNotEquals(TestPki.caCertificate().getSubjectX500Principal(), chain[0].getIssuerX500Principal());
        assertThrows(CertificateException.class, () -> trustManager().checkServerTrusted(chain, "UNKNOWN"));
    }

    @Test
    void keyManagersComeFromSunJsseAndServeTheChain() throws Exception {
        X509KeyManager km = assertInstanceOf(X509KeyManager.class, TestPki.keyManagers(KeyKind.EC_P256)[0]);
        assertEquals("sun.security.ssl", km.getClass().getPackageName());
        assertArrayEquals(TestPki.chain(TestPki.keyStore(KeyKind.EC_P256)), km.getCertificateChain(TestPki.ALIAS));
        assertFalse(TestPki.untrustedKeyManagers().length == 0);
        assertFalse(TestPki.expiredKeyManagers().length == 0);
        assertFalse(TestPki.wrongHostKeyManagers().length == 0);
    }

    private static X509TrustManager trustManager() {
        X509TrustManager tm = assertInstanceOf(X509TrustManager.class, TestPki.trustManagers()[0]);
        assertEquals("sun.security.ssl", tm.getClass().getPackageName());
        return tm;
    }

    private static PrivateKey keyOf(KeyKind kind) {
        return TestPki.privateKey(TestPki.keyStore(kind));
    }
}
