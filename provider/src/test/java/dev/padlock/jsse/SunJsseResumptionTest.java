package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.PreSharedKeyServerHello;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resumption against SunJSSE both ways with its default settings: the PSK binders and key
 * schedule agree with another implementation, not only with Padlock's own. The evidence is on
 * the wire: pre_shared_key in the second ClientHello, selected_identity 0 in the ServerHello,
 * and a server flight shorter than the certificate it would otherwise carry.
 */
class SunJsseResumptionTest {

    private static EngineResumptionTest.Connection connect(SSLContext client, SSLContext server, String suite)
            throws Exception {
        SSLEngine c = client.createSSLEngine("localhost", 443);
        SSLEngine s = server.createSSLEngine();
        c.setEnabledCipherSuites(new String[] {suite});
        EngineResumptionTest.WireLog toServer = new EngineResumptionTest.WireLog();
        EngineResumptionTest.WireLog toClient = new EngineResumptionTest.WireLog();
        EnginePair pair = new EnginePair(c, s).tapClientToServer(toServer).tapServerToClient(toClient);
        pair.handshake();
        int handshakeBytes = toClient.length();
        byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(ping, pair.send(ping, false));
        assertArrayEquals(ping, pair.send(ping, true));
        assertEquals(handshakeBytes, toClient.length());
        assertEquals(suite, c.getSession().getCipherSuite());
        return new EngineResumptionTest.Connection(pair, toServer, toClient);
    }

    private static void assertWireResumed(EngineResumptionTest.Connection c) throws Exception {
        assertTrue(c.offeredPsk(), "ClientHello offers pre_shared_key");
        assertEquals(0, c.serverHello().extension(PreSharedKeyServerHello.class).orElseThrow().selectedIdentity());
        assertTrue(c.toClient().serverFlightLength() < EngineResumptionTest.serverCertificateLength(),
                "resumed server flight of " + c.toClient().serverFlightLength() + " bytes holds no certificate");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void padlockClientResumesWithSunJsseServer(String suite) throws Exception {
        EngineResumptionTest.Ctx client = EngineResumptionTest.padlock(Clock.systemUTC(), Map.of());
        SSLContext server = Contexts.sun(KeyKind.RSA_2048);
        EngineResumptionTest.Connection first = connect(client.context(), server, suite);
        assertFalse(first.offeredPsk());
        assertFalse(Padlock.isResumed(first.pair().client.getSession()));

        EngineResumptionTest.Connection second = connect(client.context(), server, suite);
        assertWireResumed(second);
        assertTrue(Padlock.isResumed(second.pair().client.getSession()));
        assertArrayEquals(first.pair().client.getSession().getPeerCertificates(),
                second.pair().client.getSession().getPeerCertificates());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void sunJsseClientResumesWithPadlockServer(String suite) throws Exception {
        SSLContext client = Contexts.sun(KeyKind.RSA_2048);
        EngineResumptionTest.Ctx server = EngineResumptionTest.padlock(Clock.systemUTC(), Map.of());
        EngineResumptionTest.Connection first = connect(client, server.context(), suite);
        assertFalse(first.offeredPsk());
        assertFalse(Padlock.isResumed(first.pair().server.getSession()));

        EngineResumptionTest.Connection second = connect(client, server.context(), suite);
        assertWireResumed(second);
        assertTrue(Padlock.isResumed(second.pair().server.getSession()));
        PreSharedKeyClientHello offer = second.lastClientHello().extension(PreSharedKeyClientHello.class)
                .orElseThrow();
        assertEquals(1, offer.identities().size());
    }

    @org.junit.jupiter.api.Test
    void sunJsseClientResumesAfterHelloRetryRequestFromPadlockServer() throws Exception {
        SSLContext client = Contexts.sun(KeyKind.RSA_2048);
        // SunJSSE sends key shares for x25519 and secp256r1: this server asks again for secp384r1.
        EngineResumptionTest.Ctx server = EngineResumptionTest.padlock(Clock.systemUTC(),
                Map.of("jdk.tls.namedGroups", "secp384r1"));
        connect(client, server.context(), "TLS_AES_256_GCM_SHA384");

        EngineResumptionTest.Connection second = connect(client, server.context(), "TLS_AES_256_GCM_SHA384");
        assertTrue(second.toClient().serverHellos().get(0).isHelloRetryRequest());
        assertEquals(2, second.toServer().clientHellos().size());
        assertWireResumed(second);
        assertTrue(Padlock.isResumed(second.pair().server.getSession()));
    }

    @org.junit.jupiter.api.Test
    void padlockClientFallsBackToAFullHandshakeWhenSunJsseRefusesTheTicket() throws Exception {
        EngineResumptionTest.Ctx client = EngineResumptionTest.padlock(Clock.systemUTC(), Map.of());
        connect(client.context(), Contexts.sun(KeyKind.RSA_2048), "TLS_AES_128_GCM_SHA256");

        // Another SunJSSE context has other ticket keys: it cannot open the ticket.
        EngineResumptionTest.Connection second = connect(client.context(), Contexts.sun(KeyKind.RSA_2048),
                "TLS_AES_128_GCM_SHA256");
        assertTrue(second.offeredPsk());
        assertFalse(second.acceptedPsk());
        assertFalse(Padlock.isResumed(second.pair().client.getSession()));
        assertTrue(second.toClient().serverFlightLength() > EngineResumptionTest.serverCertificateLength());
    }
}
