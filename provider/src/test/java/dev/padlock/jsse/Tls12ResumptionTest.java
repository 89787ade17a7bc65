package dev.padlock.jsse;

import static dev.padlock.jsse.Tls12EngineInteropTest.Peers;
import static dev.padlock.jsse.Tls12EngineInteropTest.tls12Only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS 1.2 session tickets (RFC 5077) both ways: the second connection of a client to the same
 * server resumes with an abbreviated handshake, on the session's suite and certificates.
 */
class Tls12ResumptionTest {

    private static EnginePair connect(Peers peers, SSLContext padlock, SSLContext sun) throws Exception {
        boolean padlockClient = peers != Peers.SUN_CLIENT_PADLOCK_SERVER;
        boolean padlockServer = peers != Peers.PADLOCK_CLIENT_SUN_SERVER;
        SSLEngine client = (padlockClient ? padlock : sun).createSSLEngine("localhost", 4433);
        SSLEngine server = (padlockServer ? padlock : sun).createSSLEngine();
        client.setUseClientMode(true);
        tls12Only(padlockServer ? client : server);
        var params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();
        EngineInteropTest.exchange(pair);
        return pair;
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void secondConnectionResumesFromATicket(Peers peers) throws Exception {
        SSLContext padlock = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLContext sun = Contexts.sun(KeyKind.EC_P256);
        EnginePair first = connect(peers, padlock, sun);
        SSLSession padlockFirst = peers == Peers.SUN_CLIENT_PADLOCK_SERVER ? first.server.getSession()
                : first.client.getSession();
        assertEquals("TLSv1.2", padlockFirst.getProtocol());
        assertFalse(Padlock.isResumed(padlockFirst));

        EnginePair second = connect(peers, padlock, sun);
        SSLSession client = second.client.getSession();
        SSLSession server = second.server.getSession();
        for (SSLSession s : new SSLSession[] {client, server}) {
            assertEquals("TLSv1.2", s.getProtocol());
            assertEquals(first.client.getSession().getCipherSuite(), s.getCipherSuite());
            if (s instanceof PadlockSession) {
                assertTrue(Padlock.isResumed(s), "the Padlock side resumed");
            }
        }
        // A resumed session reports the original server certificate.
        assertArrayEquals(first.client.getSession().getPeerCertificates(), client.getPeerCertificates());
    }
}
