package dev.padlock.jsse;

import static dev.padlock.jsse.EngineResumptionTest.assertFull;
import static dev.padlock.jsse.EngineResumptionTest.assertResumed;
import static dev.padlock.jsse.EngineResumptionTest.connect;
import static dev.padlock.jsse.EngineResumptionTest.padlock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EngineResumptionTest.Connection;
import dev.padlock.jsse.EngineResumptionTest.Ctx;
import dev.padlock.jsse.EngineResumptionTest.WireLog;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.PreSharedKeyClientHello;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * A resumed handshake sends no Certificate, so neither the trust manager nor the endpoint
 * identification runs on it: a client offers a ticket only to a connection that would have
 * made the same checks on the same name (RFC 8446 §4.6.1), never after the session was
 * invalidated, and never under another trust configuration.
 */
class ResumptionIdentityTest {

    /** A server whose certificate names wrong.example, not localhost. */
    private static Ctx wrongHostServer() throws Exception {
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        server.spi().engineInit(TestPki.wrongHostKeyManagers(), TestPki.trustManagers(), null);
        return server;
    }

    private static Consumer<SSLEngine> endpointIdentification(String algorithm) {
        return engine -> {
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm(algorithm);
            engine.setSSLParameters(p);
        };
    }

    /** A handshake of a new client engine set up by {@code setup} with a new server engine. */
    private static EnginePair pair(SSLContext client, SSLContext server, Consumer<SSLEngine> setup, WireLog toServer) {
        SSLEngine c = client.createSSLEngine("localhost", 443);
        setup.accept(c);
        return new EnginePair(c, server.createSSLEngine()).tapClientToServer(toServer);
    }

    private static boolean offeredPsk(WireLog toServer) {
        List<dev.padlock.wire.ClientHello> hellos = toServer.clientHellos();
        return hellos.get(hellos.size() - 1).extension(PreSharedKeyClientHello.class).isPresent();
    }

    @Test
    void ticketFromAnUncheckedConnectionDoesNotSkipALaterHostnameCheck() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = wrongHostServer();
        assertFull(connect(client, server), false);
        assertEquals(2, client.spi().clientSessionContext().tickets().count("localhost", 443));

        WireLog toServer = new WireLog();
        EnginePair checked = pair(client.context(), server.context(), endpointIdentification("HTTPS"), toServer);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, checked::handshake);
        assertInstanceOf(CertificateException.class, e.getCause(), e.toString());
        assertFalse(offeredPsk(toServer), "a ticket earned without the hostname check was offered with it");
    }

    /** The control: SunJSSE, as the client of the same server, refuses the same way. */
    @Test
    void sunJsseRefusesTheSameResumption() throws Exception {
        SSLContext sun = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        sun.init(null, TestPki.trustManagers(), null);
        Ctx server = wrongHostServer();
        EnginePair first = pair(sun, server.context(), e -> { }, new WireLog());
        first.handshake();
        first.send(new byte[] {1}, false);
        first.send(new byte[] {2}, true);

        EnginePair checked = pair(sun, server.context(), endpointIdentification("HTTPS"), new WireLog());
        assertThrows(SSLHandshakeException.class, checked::handshake);
    }

    @Test
    void ticketFromACheckedConnectionIsNotOfferedToAnUncheckedOne() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        EnginePair first = pair(client.context(), server.context(), endpointIdentification("HTTPS"), new WireLog());
        first.handshake();
        first.send(new byte[] {1}, false);
        first.send(new byte[] {2}, true);
        assertEquals(2, client.spi().clientSessionContext().tickets().count("localhost", 443));

        WireLog toServer = new WireLog();
        pair(client.context(), server.context(), e -> { }, toServer).handshake();
        assertFalse(offeredPsk(toServer));

        WireLog again = new WireLog();
        pair(client.context(), server.context(), endpointIdentification("HTTPS"), again).handshake();
        assertTrue(offeredPsk(again), "the same check on the same name resumes");
    }

    @Test
    void ticketIsOfferedOnlyWithTheServerNameThatEarnedIt() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        Consumer<SSLEngine> a = serverName("a.example");
        EnginePair first = pair(client.context(), server.context(), a, new WireLog());
        first.handshake();
        first.send(new byte[] {1}, false);
        first.send(new byte[] {2}, true);

        WireLog toB = new WireLog();
        pair(client.context(), server.context(), serverName("b.example"), toB).handshake();
        assertFalse(offeredPsk(toB), "RFC 8446 §4.6.1: a ticket goes with the SNI it was earned under");

        WireLog toA = new WireLog();
        pair(client.context(), server.context(), a, toA).handshake();
        assertTrue(offeredPsk(toA));
    }

    private static Consumer<SSLEngine> serverName(String name) {
        return engine -> {
            SSLParameters p = engine.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(name)));
            engine.setSSLParameters(p);
        };
    }

    @Test
    void invalidatedSessionIsNotResumed() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        Connection first = connect(client, server);
        assertEquals(2, client.spi().clientSessionContext().tickets().count("localhost", 443));

        first.pair().client.getSession().invalidate();
        assertEquals(0, client.spi().clientSessionContext().tickets().count("localhost", 443));
        assertFull(connect(client, server), false);
    }

    @Test
    void invalidatingOneSessionKeepsAnotherSessionsTickets() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        Connection first = connect(client, server, null, null, 443);
        connect(client, server, null, null, 444);

        first.pair().client.getSession().invalidate();
        assertEquals(0, client.spi().clientSessionContext().tickets().count("localhost", 443));
        assertEquals(2, client.spi().clientSessionContext().tickets().count("localhost", 444));
    }

    @Test
    void clientReinitialisedWithOtherManagersDoesNotResume() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server), false);

        client.spi().engineInit(TestPki.keyManagers(KeyKind.RSA_2048), TestPki.trustManagers(), null);
        assertEquals(0, client.spi().clientSessionContext().tickets().count("localhost", 443));
        assertFull(connect(client, server), false);
    }

    @Test
    void serverReinitialisedWithOtherManagersDoesNotResumeItsOldTickets() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server), false);
        assertResumed(connect(client, server));

        server.spi().engineInit(TestPki.keyManagers(KeyKind.RSA_2048), TestPki.trustManagers(), null);
        assertFull(connect(client, server), true);
    }
}
