package dev.padlock.jsse;

import static dev.padlock.jsse.Tls12EngineInteropTest.Peers;
import static dev.padlock.jsse.Tls12EngineInteropTest.pair;
import static dev.padlock.jsse.Tls12EngineInteropTest.tls12Only;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TLS 1.2 features against SunJSSE forced to TLSv1.2 (and Padlock against itself): version
 * negotiation, client authentication, ALPN and SNI, exporters equal to SunJSSE's, renegotiation.
 */
class Tls12EngineFeaturesTest {

    private static boolean padlockClient(Peers peers) {
        return peers != Peers.SUN_CLIENT_PADLOCK_SERVER;
    }

    private static boolean padlockServer(Peers peers) {
        return peers != Peers.PADLOCK_CLIENT_SUN_SERVER;
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void defaultsOnBothSidesStillNegotiateTls13(Peers peers) throws Exception {
        SSLContext padlock = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLContext sun = Contexts.sun(KeyKind.EC_P256);
        SSLEngine client = (padlockClient(peers) ? padlock : sun).createSSLEngine("localhost", 443);
        SSLEngine server = (padlockServer(peers) ? padlock : sun).createSSLEngine();
        client.setUseClientMode(true);
        EnginePair pair = new EnginePair(client, server);
        pair.handshake();
        assertEquals("TLSv1.3", client.getSession().getProtocol());
        assertEquals("TLSv1.3", server.getSession().getProtocol());
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void padlockDefaultsMeetATls12OnlyPeerAtTls12(Peers peers) throws Exception {
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of());
        pair.handshake();
        assertEquals("TLSv1.2", pair.client.getSession().getProtocol());
        assertEquals("TLSv1.2", pair.server.getSession().getProtocol());
        EngineInteropTest.exchange(pair);
    }

    /** Padlock enabled for TLSv1.2 only against SunJSSE enabled for TLSv1.3 only: protocol_version. */
    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void tls12OnlyPadlockAndTls13OnlySunJsseFailWithProtocolVersion(Peers peers) throws Exception {
        SSLContext padlock = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLContext sun = Contexts.sun(KeyKind.EC_P256);
        SSLEngine client = (padlockClient(peers) ? padlock : sun).createSSLEngine("localhost", 443);
        SSLEngine server = (padlockServer(peers) ? padlock : sun).createSSLEngine();
        client.setUseClientMode(true);
        SSLEngine padlockSide = padlockClient(peers) ? client : server;
        SSLEngine sunSide = padlockClient(peers) ? server : client;
        padlockSide.setEnabledProtocols(new String[] {"TLSv1.2"});
        sunSide.setEnabledProtocols(new String[] {"TLSv1.3"});
        Outcome o = new EnginePair(client, server).handshakeUntilStopped();
        SSLException padlockFailure = padlockClient(peers) ? o.client().exception : o.server().exception;
        assertNotNull(padlockFailure);
        assertInstanceOf(SSLHandshakeException.class, padlockFailure);
        assertTrue(padlockFailure.getMessage().contains("protocol_version")
                || padlockFailure.getMessage().contains("protocol version"), padlockFailure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void neededClientCertificateAuthenticatesTheClient(Peers peers) throws Exception {
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of());
        pair.server.setNeedClientAuth(true);
        pair.handshake();
        assertEquals("TLSv1.2", pair.server.getSession().getProtocol());
        assertEquals(TestPki.chain(TestPki.keyStore(KeyKind.EC_P256))[0],
                pair.server.getSession().getPeerCertificates()[0]);
        assertNotNull(pair.client.getSession().getLocalCertificates());
        EngineInteropTest.exchange(pair);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void rsaClientCertificateSignsCertificateVerify(Peers peers) throws Exception {
        EnginePair pair = pair(peers, KeyKind.RSA_2048, Map.of());
        pair.server.setNeedClientAuth(true);
        pair.handshake();
        assertEquals("RSA", pair.server.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void wantedClientCertificateIsOptional(Peers peers) throws Exception {
        SSLContext padlock = Contexts.padlock(null, TestPki.trustManagers(), Map.of());
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of());
        if (padlockClient(peers)) {
            pair = new EnginePair(tls12Only(tls12Client(padlock)), pair.server);
        } else {
            SSLEngine sunClient = tls12Only(Contexts.sun(null, TestPki.trustManagers()).createSSLEngine("localhost", 443));
            sunClient.setUseClientMode(true);
            pair = new EnginePair(sunClient, pair.server);
        }
        pair.server.setWantClientAuth(true);
        pair.handshake();
        assertEquals("TLSv1.2", pair.server.getSession().getProtocol());
        assertThrows(javax.net.ssl.SSLPeerUnverifiedException.class, pair.server.getSession()::getPeerCertificates);
    }

    private static SSLEngine tls12Client(SSLContext ctx) {
        SSLEngine engine = ctx.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        return engine;
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void alpnAndSniWork(Peers peers) throws Exception {
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of());
        SSLParameters cp = pair.client.getSSLParameters();
        cp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        cp.setServerNames(List.of(new SNIHostName("localhost")));
        pair.client.setSSLParameters(cp);
        SSLParameters sp = pair.server.getSSLParameters();
        sp.setApplicationProtocols(new String[] {"http/1.1"});
        pair.server.setSSLParameters(sp);
        pair.handshake();
        assertEquals("http/1.1", pair.client.getApplicationProtocol());
        assertEquals("http/1.1", pair.server.getApplicationProtocol());
        assertEquals(List.of(new SNIHostName("localhost")),
                ((ExtendedSSLSession) pair.server.getSession()).getRequestedServerNames());
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void exporterEqualsSunJssesOnJdk25(Peers peers) throws Exception {
        Method data;
        try {
            data = ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
                    int.class);
        } catch (NoSuchMethodException e) {
            assumeTrue(false, "ExtendedSSLSession has exporters from JDK 25");
            return;
        }
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of());
        pair.handshake();
        SSLSession padlock = padlockClient(peers) ? pair.client.getSession() : pair.server.getSession();
        SSLSession sun = padlockClient(peers) ? pair.server.getSession() : pair.client.getSession();
        assertEquals("TLSv1.2", sun.getProtocol());
        for (byte[] context : new byte[][] {null, new byte[0], "context".getBytes(StandardCharsets.US_ASCII)}) {
            byte[] expected = (byte[]) data.invoke(sun, "EXPORTER-interop", context, 48);
            assertArrayEquals(expected, Padlock.exportKeyingMaterial(padlock, "EXPORTER-interop", context, 48));
        }
    }

    @Test
    void tls12ExporterSeparatesAbsentAndEmptyContext() throws Exception {
        EnginePair pair = pair(Peers.PADLOCK_BOTH, KeyKind.EC_P256, Map.of());
        pair.handshake();
        SSLSession client = pair.client.getSession();
        SSLSession server = pair.server.getSession();
        byte[] none = Padlock.exportKeyingMaterial(client, "EXPORTER-test", null, 32);
        assertArrayEquals(none, Padlock.exportKeyingMaterial(server, "EXPORTER-test", null, 32));
        // RFC 5705 §4: unlike TLS 1.3, no context and an empty context differ.
        assertTrue(!java.util.Arrays.equals(none, Padlock.exportKeyingMaterial(server, "EXPORTER-test", new byte[0],
                32)));
    }

    /** A SunJSSE client that renegotiates is refused: Padlock servers never renegotiate. */
    @Test
    void sunJsseClientRenegotiationIsRefusedWithHandshakeFailure() throws Exception {
        EnginePair pair = pair(Peers.SUN_CLIENT_PADLOCK_SERVER, KeyKind.EC_P256, Map.of());
        pair.handshake();
        pair.client.beginHandshake();
        Outcome o = pair.handshakeUntilStopped();
        assertNotNull(o.server().exception);
        assertTrue(o.server().exception.getMessage().contains("renegotiate"), o.server().exception.getMessage());
        assertNotNull(o.client().exception);
        assertTrue(o.client().exception.getMessage().contains("handshake_failure"), o.client().exception.getMessage());
    }

    @Test
    void padlockSessionReportsTls12AndItsSuite() throws Exception {
        EnginePair pair = pair(Peers.PADLOCK_CLIENT_SUN_SERVER, KeyKind.RSA_2048, Map.of());
        pair.client.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"});
        pair.handshake();
        assertEquals("TLSv1.2", pair.client.getSession().getProtocol());
        assertEquals("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", pair.client.getSession().getCipherSuite());
        assertNull(pair.client.getHandshakeSession());
    }
}
