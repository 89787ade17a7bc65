package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Client authentication (RFC 8446 §4.3.2, §4.4.2): what the server's session shows with
 * need and want, with and without a client certificate. A client without a certificate
 * against a server that needs one is in {@link EngineFailureTest}.
 */
class EngineClientAuthTest {
    /** The client holds an RSA chain, the server an EC one, so the two cannot be confused. */
    private static final KeyKind CLIENT_KIND = KeyKind.RSA_2048;

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverThatNeedsClientAuthSeesTheClientsChain(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, TestPki.keyManagers(CLIENT_KIND));
        pair.server.setNeedClientAuth(true);
        pair.handshake();
        assertClientAuthenticated(pair);
        EngineInteropTest.exchange(pair);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverThatWantsClientAuthSeesTheClientsChain(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, TestPki.keyManagers(CLIENT_KIND));
        pair.server.setWantClientAuth(true);
        pair.handshake();
        assertClientAuthenticated(pair);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverThatWantsClientAuthAcceptsAClientWithoutCertificate(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, new KeyManager[0]);
        pair.server.setWantClientAuth(true);
        pair.handshake();
        SSLSession server = pair.server.getSession();
        assertThrows(SSLPeerUnverifiedException.class, server::getPeerCertificates);
        assertThrows(SSLPeerUnverifiedException.class, server::getPeerPrincipal);
        assertNull(pair.client.getSession().getLocalCertificates(), "the client sent no certificate");
        EngineInteropTest.exchange(pair);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverThatDoesNotAskGetsNoCertificateFromAClientThatHasOne(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, TestPki.keyManagers(CLIENT_KIND));
        pair.handshake();
        assertThrows(SSLPeerUnverifiedException.class, pair.server.getSession()::getPeerCertificates);
        assertNull(pair.client.getSession().getLocalCertificates());
    }

    private static void assertClientAuthenticated(EnginePair pair) throws Exception {
        Certificate[] chain = TestPki.keyStore(CLIENT_KIND).getCertificateChain(TestPki.ALIAS);
        SSLSession server = pair.server.getSession();
        assertArrayEquals(chain, server.getPeerCertificates());
        X509Certificate leaf = (X509Certificate) server.getPeerCertificates()[0];
        assertEquals("RSA", leaf.getPublicKey().getAlgorithm());
        assertEquals(leaf.getSubjectX500Principal(), server.getPeerPrincipal());
        assertEquals("CN=localhost", server.getPeerPrincipal().getName());
        assertArrayEquals(chain, pair.client.getSession().getLocalCertificates());
        assertEquals(leaf.getSubjectX500Principal(), pair.client.getSession().getLocalPrincipal());
    }
}
