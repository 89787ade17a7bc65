package dev.padlock.tool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written DER of serve's self-signed certificate, checked by the JDK's own parser. */
class SelfSignedTest {
    @Test
    void encodesObjectIdentifiersAsX690Says() {
        // ecdsa-with-SHA256, as RFC 5758 §3.2 prints its encoding.
        assertArrayEquals(HexFormat.of().parseHex("06082a8648ce3d040302"), SelfSigned.oid("1.2.840.10045.4.3.2"));
        assertArrayEquals(HexFormat.of().parseHex("0603551d11"), SelfSigned.oid("2.5.29.17"));
    }

    @Test
    void encodesLongLengthsInTheLongForm() {
        byte[] tlv = SelfSigned.tlv(0x04, new byte[300]);
        assertArrayEquals(HexFormat.of().parseHex("0482012c"), java.util.Arrays.copyOf(tlv, 4));
        assertEquals(304, tlv.length);
    }

    @Test
    void makesAVerifiableCertificateForLocalhost() throws Exception {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        KeyStore ks = SelfSigned.localhost(now);
        X509Certificate c = (X509Certificate) ks.getCertificate("self-signed");
        c.verify(c.getPublicKey());
        c.checkValidity(java.util.Date.from(now.plus(Duration.ofDays(29))));
        assertEquals(3, c.getVersion());
        assertEquals("CN=localhost", c.getSubjectX500Principal().getName());
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
        assertEquals("SHA256withECDSA", c.getSigAlgName());
        assertEquals(List.of("DNS:localhost", "IP:127.0.0.1"), CertificateReport.subjectAltNames(c));
        assertTrue(c.getKeyUsage()[0], "digitalSignature");
        assertTrue(c.getCriticalExtensionOIDs().contains("2.5.29.15"));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), c.getExtendedKeyUsage());
        assertTrue(CertificateReport.hostnameMatches("localhost", c));
        assertTrue(CertificateReport.hostnameMatches("127.0.0.1", c));
    }
}
