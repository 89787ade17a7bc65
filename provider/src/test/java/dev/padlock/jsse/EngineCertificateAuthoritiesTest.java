package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.jsse.IssuerKeyManagers.Recording;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.security.KeyStore;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * certificate_authorities (RFC 8446 §4.2.4): a server names its trust manager's issuers in its
 * CertificateRequest and the client's key manager chooses by them; with
 * {@code jdk.tls.client.enableCAExtension=true} a Padlock client names its own in ClientHello for
 * the server's key manager. Each case runs against SunJSSE too, whose side decodes Padlock's
 * bytes and shows what SunJSSE itself sends.
 *
 * <p>Two authorities: the test CA, and the self-signed "untrusted" certificate (its own issuer).
 */
class EngineCertificateAuthoritiesTest {
    private static final Map<String, String> CA_EXTENSION = Map.of("jdk.tls.client.enableCAExtension", "true");

    @ParameterizedTest
    @EnumSource(Peers.class)
    void certificateRequestNamesEveryIssuerTheServerTrusts(Peers peers) throws Exception {
        Recording clientKeys = IssuerKeyManagers.recording(TestPki.keyManagers(KeyKind.RSA_2048));
        EnginePair pair = pair(peers, Map.of(), new KeyManager[] {clientKeys}, TestPki.trustManagers(),
                TestPki.keyManagers(KeyKind.EC_P256), trusting(ca(), other()));
        pair.server.setNeedClientAuth(true);
        pair.handshake();
        assertAskedWith(clientKeys, List.of(ca().getSubjectX500Principal(), other().getSubjectX500Principal()));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void clientOffersTheChainFromTheAuthorityTheServerNames(Peers peers) throws Exception {
        for (X509Certificate authority : new X509Certificate[] {ca(), other()}) {
            EnginePair pair = pair(peers, Map.of(), TestPki.keyManagersFor(twoChains()), TestPki.trustManagers(),
                    TestPki.keyManagers(KeyKind.EC_P256), trusting(authority));
            pair.server.setNeedClientAuth(true);
            pair.handshake();
            X509Certificate sent = (X509Certificate) pair.server.getSession().getPeerCertificates()[0];
            assertEquals(authority.getSubjectX500Principal(), sent.getIssuerX500Principal());
        }
    }

    /** SunJSSE reads the property once per JVM, so only Padlock clients are switched here. */
    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_BOTH", "PADLOCK_CLIENT_SUN_SERVER"})
    void clientHelloNamesTheClientsIssuersWhenEnabled(Peers peers) throws Exception {
        Recording serverKeys = IssuerKeyManagers.recording(TestPki.keyManagers(KeyKind.EC_P256));
        EnginePair pair = pair(peers, CA_EXTENSION, TestPki.keyManagers(KeyKind.EC_P256), trusting(ca(), other()),
                new KeyManager[] {serverKeys}, TestPki.trustManagers());
        pair.handshake();
        assertAskedWith(serverKeys, List.of(ca().getSubjectX500Principal(), other().getSubjectX500Principal()));
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_BOTH", "PADLOCK_CLIENT_SUN_SERVER"})
    void clientHelloNamesNoIssuersByDefault(Peers peers) throws Exception {
        Recording serverKeys = IssuerKeyManagers.recording(TestPki.keyManagers(KeyKind.EC_P256));
        EnginePair pair = pair(peers, Map.of(), TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(),
                new KeyManager[] {serverKeys}, TestPki.trustManagers());
        pair.handshake();
        assertFalse(serverKeys.asked.isEmpty(), "the server chose a certificate");
        for (Principal[] issuers : serverKeys.asked) {
            assertNull(issuers, "no certificate_authorities, no issuers");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_BOTH", "PADLOCK_CLIENT_SUN_SERVER"})
    void serverOffersTheChainFromTheAuthorityTheClientNames(Peers peers) throws Exception {
        for (X509Certificate authority : new X509Certificate[] {ca(), other()}) {
            EnginePair pair = pair(peers, CA_EXTENSION, TestPki.keyManagers(KeyKind.EC_P256), trusting(authority),
                    TestPki.keyManagersFor(twoChains()), TestPki.trustManagers());
            pair.handshake();
            X509Certificate sent = (X509Certificate) pair.client.getSession().getPeerCertificates()[0];
            assertEquals(authority.getSubjectX500Principal(), sent.getIssuerX500Principal());
        }
    }

    /**
     * With the JDK's cacerts beside the test CA the lists take about 15 KB (144 CAs here), and
     * are sent whole in the CertificateRequest and, when enabled, the ClientHello. A SunJSSE
     * client cannot be switched here, so its server's key manager is not checked.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void aTrustStoreAsLargeAsCacertsIsNamedWhole(Peers peers) throws Exception {
        X509Certificate[] cacerts = withJdkCacerts();
        Recording clientKeys = IssuerKeyManagers.recording(TestPki.keyManagers(KeyKind.RSA_2048));
        Recording serverKeys = IssuerKeyManagers.recording(TestPki.keyManagers(KeyKind.EC_P256));
        EnginePair pair = pair(peers, CA_EXTENSION, new KeyManager[] {clientKeys}, trusting(cacerts),
                new KeyManager[] {serverKeys}, trusting(cacerts));
        pair.server.setNeedClientAuth(true);
        pair.handshake();
        List<Principal> all = new ArrayList<>();
        for (X509Certificate c : cacerts) {
            all.add(c.getSubjectX500Principal());
        }
        assertAskedWith(clientKeys, all);
        if (peers.clientIsPadlock()) {
            assertAskedWith(serverKeys, all);
        }
    }

    /** The JDK's default trust anchors and the test CA. */
    private static X509Certificate[] withJdkCacerts() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        tmf.init((KeyStore) null);
        List<X509Certificate> anchors = new ArrayList<>(
                List.of(((X509TrustManager) tmf.getTrustManagers()[0]).getAcceptedIssuers()));
        anchors.add(ca());
        return anchors.toArray(X509Certificate[]::new);
    }

    /** Every choice was asked with the trusted subjects, each as often as the trust manager has it. */
    private static void assertAskedWith(Recording keys, List<Principal> trusted) {
        assertFalse(keys.asked.isEmpty(), "the key manager was asked for a certificate");
        for (Principal[] issuers : keys.asked) {
            assertEquals(sorted(trusted), sorted(List.of(issuers)));
        }
    }

    private static List<String> sorted(List<Principal> names) {
        return names.stream().map(Principal::getName).sorted().toList();
    }

    /** A pair verifying "localhost"; the Padlock sides read {@code properties}. */
    private static EnginePair pair(Peers peers, Map<String, String> properties, KeyManager[] clientKeys,
            TrustManager[] clientTrust, KeyManager[] serverKeys, TrustManager[] serverTrust) throws Exception {
        SSLContext client = peers.clientIsPadlock() ? Contexts.padlock(clientKeys, clientTrust, properties)
                : Contexts.sun(clientKeys, clientTrust);
        SSLContext server = peers.serverIsPadlock() ? Contexts.padlock(serverKeys, serverTrust, properties)
                : Contexts.sun(serverKeys, serverTrust);
        return EnginePairs.verifyingLocalhost(client.createSSLEngine("localhost", 443), server.createSSLEngine());
    }

    private static X509Certificate ca() {
        return TestPki.caCertificate();
    }

    /** The self-signed certificate for localhost outside the CA. */
    private static X509Certificate other() {
        return TestPki.chain(TestPki.untrustedKeyStore())[0];
    }

    private static TrustManager[] trusting(X509Certificate... anchors) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < anchors.length; i++) {
            ks.setCertificateEntry("anchor" + i, anchors[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** EC P-256 chains for localhost from both authorities, under two aliases. */
    private static KeyStore twoChains() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] password = TestPki.PASSWORD.toCharArray();
        KeyStore fromCa = TestPki.keyStore(KeyKind.EC_P256);
        KeyStore other = TestPki.untrustedKeyStore();
        ks.setKeyEntry("from-ca", TestPki.privateKey(fromCa), password, TestPki.chain(fromCa));
        ks.setKeyEntry("self-signed", TestPki.privateKey(other), password, TestPki.chain(other));
        return ks;
    }
}
