package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointIdentityTest {

    private static X509Certificate leaf(java.security.KeyStore ks) throws Exception {
        return (X509Certificate) ks.getCertificate(TestPki.ALIAS);
    }

    @Test
    void localhostCertificateMatchesItsDnsAndIpNames() throws Exception {
        X509Certificate cert = leaf(TestPki.keyStore(KeyKind.EC_P256));
        EndpointIdentity.check("localhost", cert, "HTTPS");
        EndpointIdentity.check("LOCALHOST.", cert, "https");
        EndpointIdentity.check("127.0.0.1", cert, "LDAPS");
        EndpointIdentity.check("anything", cert, null);
    }

    @Test
    void wrongHostCertificateIsRejectedNamingTheHost() throws Exception {
        X509Certificate cert = leaf(TestPki.wrongHostKeyStore());
        CertificateException e = assertThrows(CertificateException.class,
                () -> EndpointIdentity.check("localhost", cert, "HTTPS"));
        assertEquals("No name of the certificate matches localhost (names: [wrong.example])", e.getMessage());
        CertificateException ip = assertThrows(CertificateException.class,
                () -> EndpointIdentity.check("127.0.0.1", cert, "HTTPS"));
        assertEquals("No subject alternative name of the certificate matches IP address 127.0.0.1", ip.getMessage());
    }

    @Test
    void unknownAlgorithmIsRejectedAsSunJsseDoes() throws Exception {
        X509Certificate cert = leaf(TestPki.keyStore(KeyKind.EC_P256));
        CertificateException e = assertThrows(CertificateException.class,
                () -> EndpointIdentity.check("localhost", cert, "FTP"));
        assertEquals("Unknown identification algorithm: FTP", e.getMessage());
    }

    @Test
    void wildcardCoversExactlyOneLeftmostLabel() {
        assertTrue(EndpointIdentity.matches("a.example.com", "*.example.com"));
        assertTrue(EndpointIdentity.matches("A.Example.COM", "*.example.com."));
        assertFalse(EndpointIdentity.matches("a.b.example.com", "*.example.com"));
        assertFalse(EndpointIdentity.matches("example.com", "*.example.com"));
        assertFalse(EndpointIdentity.matches("a.com", "*.com"));
        assertFalse(EndpointIdentity.matches("ab.example.com", "a*.example.com"));
        assertFalse(EndpointIdentity.matches("a.b.example.com", "a.*.example.com"));
        assertTrue(EndpointIdentity.matches("exact.example", "exact.example"));
    }

    @Test
    void commonNameIsTheMostSpecificCn() throws Exception {
        // TestPki's certificates are issued to CN=localhost; the CA is CN=Padlock Test CA.
        assertEquals(List.of("localhost"), EndpointIdentity.commonNames(leaf(TestPki.keyStore(KeyKind.RSA_2048))));
        assertEquals(List.of("Padlock Test CA"), EndpointIdentity.commonNames(TestPki.caCertificate()));
    }
}
