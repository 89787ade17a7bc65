package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki.KeyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ALPN (RFC 7301) and SNI (RFC 6066 §3) through the JSSE API, Padlock on either side. */
class EngineAlpnSniTest {

    // ---- ALPN ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverPicksTheFirstOfItsOwnProtocolsThatTheClientOffers(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        alpn(pair.client, "h2", "http/1.1", "spdy/3");
        alpn(pair.server, "imap", "http/1.1", "h2");
        assertNull(pair.client.getApplicationProtocol(), "no protocol before the handshake");
        pair.handshake();
        assertEquals("http/1.1", pair.client.getApplicationProtocol());
        assertEquals("http/1.1", pair.server.getApplicationProtocol());
        assertNull(pair.client.getHandshakeApplicationProtocol(), "not handshaking any more");
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void noProtocolNegotiatedWhenOnlyOneSideUsesAlpn(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        alpn(pair.client, "h2");
        pair.handshake();
        assertEquals("", pair.client.getApplicationProtocol());
        assertEquals("", pair.server.getApplicationProtocol());
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_BOTH", "SUN_CLIENT_PADLOCK_SERVER"})
    void serverSelectorSeesTheClientsListAndDecides(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        alpn(pair.client, "h2", "http/1.1");
        alpn(pair.server, "http/1.1");
        List<List<String>> offered = new ArrayList<>();
        List<SSLEngine> engines = new ArrayList<>();
        pair.server.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
            engines.add(engine);
            offered.add(protocols);
            return "h2";
        });
        pair.handshake();
        assertEquals(List.of(List.of("h2", "http/1.1")), offered, "called once with the client's list in order");
        assertEquals(List.of(pair.server), engines, "called with the server engine");
        assertEquals("h2", pair.client.getApplicationProtocol(), "the selector overrides the server's list");
        assertEquals("h2", pair.server.getApplicationProtocol());
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_BOTH", "SUN_CLIENT_PADLOCK_SERVER"})
    void serverSelectorReturningNullRejectsWithNoApplicationProtocol(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        alpn(pair.client, "h2", "http/1.1");
        pair.server.setHandshakeApplicationProtocolSelector((engine, protocols) -> null);
        Outcome o = pair.handshakeUntilStopped();
        EngineFailureTest.assertFailure(peers, pair, o, false, "no_application_protocol",
                SSLHandshakeException.class, SSLHandshakeException.class);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void noCommonProtocolIsNoApplicationProtocolOnBothSides(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        alpn(pair.client, "h2", "http/1.1");
        alpn(pair.server, "imap", "pop3");
        Outcome o = pair.handshakeUntilStopped();
        EngineFailureTest.assertFailure(peers, pair, o, false, "no_application_protocol",
                SSLHandshakeException.class, SSLHandshakeException.class);
        if (peers.serverIsPadlock()) {
            assertTrue(o.server().exception.getMessage().contains("[h2, http/1.1]"),
                    o.server().exception.getMessage());
        }
    }

    // ---- SNI -------------------------------------------------------------------------------

    /**
     * SunJSSE sends the peer host as SNI only if it is a dotted name and not an IP literal, so
     * an engine made for "localhost" sends none; one made for a dotted name sends it.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void clientSendsItsPeerHostAsServerNameOnlyWhenItIsADottedName(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        assertEquals(List.of(), requested(pair.server));

        SSLContext client = peers.clientIsPadlock() ? Contexts.padlock(KeyKind.EC_P256, Map.of())
                : Contexts.sun(KeyKind.EC_P256);
        SSLContext server = peers.serverIsPadlock() ? Contexts.padlock(KeyKind.EC_P256, Map.of())
                : Contexts.sun(KeyKind.EC_P256);
        EnginePair dotted = new EnginePair(client.createSSLEngine("www.example.com", 443), server.createSSLEngine());
        dotted.handshake();
        assertEquals(List.of(new SNIHostName("www.example.com")), requested(dotted.server));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void explicitServerNamesReachTheServersSession(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        SSLParameters params = pair.client.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName("api.example.org")));
        pair.client.setSSLParameters(params);
        pair.handshake();
        assertEquals(List.of(new SNIHostName("api.example.org")), requested(pair.server));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverMatcherAcceptsTheNameItKnows(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        serverNames(pair.client, "api.example.org");
        matcher(pair.server, "api\\.example\\.org");
        pair.handshake();
        assertEquals(List.of(new SNIHostName("api.example.org")), requested(pair.server));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverMatcherRejectsAnUnknownNameWithUnrecognizedName(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        serverNames(pair.client, "mail.example.org");
        matcher(pair.server, "api\\.example\\.org");
        Outcome o = pair.handshakeUntilStopped();
        EngineFailureTest.assertFailure(peers, pair, o, false, "unrecognized_name",
                SSLHandshakeException.class, SSLHandshakeException.class);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverMatcherLetsAClientWithoutServerNameIn(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        matcher(pair.server, "api\\.example\\.org");
        pair.handshake();
        assertEquals(List.of(), requested(pair.server));
    }

    private static void alpn(SSLEngine engine, String... protocols) {
        SSLParameters params = engine.getSSLParameters();
        params.setApplicationProtocols(protocols);
        engine.setSSLParameters(params);
    }

    private static void serverNames(SSLEngine client, String name) {
        SSLParameters params = client.getSSLParameters();
        params.setServerNames(List.of(new SNIHostName(name)));
        client.setSSLParameters(params);
    }

    private static void matcher(SSLEngine server, String regex) {
        SSLParameters params = server.getSSLParameters();
        params.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(regex)));
        server.setSSLParameters(params);
    }

    private static List<SNIServerName> requested(SSLEngine server) {
        return ((ExtendedSSLSession) server.getSession()).getRequestedServerNames();
    }
}
