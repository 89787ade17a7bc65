package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.Padlock;
import dev.padlock.PadlockProvider;
import dev.padlock.session.TicketKeys;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestClock;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareServerHello;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.ServerHello;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PSK resumption with stateless tickets (RFC 8446 §2.2, §4.2.11, §4.6.1) between two Padlock
 * engines in memory. Each claim is read from the wire: the ClientHello's pre_shared_key, the
 * ServerHello's selected_identity, and a server flight too short to hold the certificate.
 */
class EngineResumptionTest {
    private static final PadlockProvider PROVIDER = new PadlockProvider();
    private static final String AES_128 = "TLS_AES_128_GCM_SHA256";
    private static final String AES_256 = "TLS_AES_256_GCM_SHA384";
    private static final String CHACHA = "TLS_CHACHA20_POLY1305_SHA256";

    /** One context with its SPI, for reaching the session contexts' package-private parts. */
    record Ctx(SSLContext context, PadlockContextSpi spi) {
        SSLEngine engine(boolean client) {
            return engine(client, 443);
        }

        SSLEngine engine(boolean client, int port) {
            return client ? context.createSSLEngine("localhost", port) : context.createSSLEngine();
        }
    }

    static Ctx padlock(Clock clock, Map<String, String> properties) throws GeneralSecurityException {
        PadlockContextSpi spi = new PadlockContextSpi(ContextDefaults.from(properties::get), clock, false);
        spi.engineInit(TestPki.keyManagers(KeyKind.RSA_2048), TestPki.trustManagers(), null);
        return new Ctx(new SSLContext(spi, PROVIDER, "TLSv1.3") {
        }, spi);
    }

    /** The result of one connection: the pair and both directions of its handshake on the wire. */
    record Connection(EnginePair pair, WireLog toServer, WireLog toClient) {
        ClientHello lastClientHello() {
            List<ClientHello> hellos = toServer.clientHellos();
            return hellos.get(hellos.size() - 1);
        }

        ServerHello serverHello() {
            return toClient.serverHellos().stream().filter(sh -> !sh.isHelloRetryRequest()).findFirst().orElseThrow();
        }

        boolean offeredPsk() {
            return lastClientHello().extension(PreSharedKeyClientHello.class).isPresent();
        }

        boolean acceptedPsk() {
            return serverHello().extension(PreSharedKeyServerHello.class).isPresent();
        }
    }

    /**
     * Handshakes, then sends application data both ways so that the server's NewSessionTickets
     * reach the client. {@code clientSuites}/{@code serverSuites} of null keep the defaults.
     */
    static Connection connect(Ctx client, Ctx server, String[] clientSuites, String[] serverSuites)
            throws SSLException {
        return connect(client, server, clientSuites, serverSuites, 443);
    }

    static Connection connect(Ctx client, Ctx server, String[] clientSuites, String[] serverSuites, int port)
            throws SSLException {
        return connect(client, server, clientSuites, serverSuites, port, false);
    }

    static Connection connect(Ctx client, Ctx server, String[] clientSuites, String[] serverSuites, int port,
            boolean needClientAuth) throws SSLException {
        SSLEngine c = client.engine(true, port);
        SSLEngine s = server.engine(false);
        s.setNeedClientAuth(needClientAuth);
        if (clientSuites != null) {
            c.setEnabledCipherSuites(clientSuites);
        }
        if (serverSuites != null) {
            s.setEnabledCipherSuites(serverSuites);
        }
        WireLog toServer = new WireLog();
        WireLog toClient = new WireLog();
        EnginePair pair = new EnginePair(c, s).tapClientToServer(toServer).tapServerToClient(toClient);
        pair.handshake();
        Connection connection = new Connection(pair, toServer, toClient);
        int handshakeBytes = toClient.length();
        assertArrayEquals("ping".getBytes(StandardCharsets.US_ASCII),
                pair.send("ping".getBytes(StandardCharsets.US_ASCII), false));
        assertArrayEquals("pong".getBytes(StandardCharsets.US_ASCII),
                pair.send("pong".getBytes(StandardCharsets.US_ASCII), true));
        assertEquals(handshakeBytes, toClient.length(), "the tap sees only the handshake");
        return connection;
    }

    static Connection connect(Ctx client, Ctx server) throws SSLException {
        return connect(client, server, null, null);
    }

    static int serverCertificateLength() throws Exception {
        Certificate leaf = TestPki.keyStore(KeyKind.RSA_2048).getCertificate(TestPki.ALIAS);
        return leaf.getEncoded().length;
    }

    /** Full first: no PSK offered, the certificate on the wire, both sides report a new session. */
    static void assertFull(Connection c, boolean offered) throws Exception {
        assertEquals(offered, c.offeredPsk(), "ClientHello offers pre_shared_key");
        assertFalse(c.acceptedPsk(), "ServerHello carries pre_shared_key");
        assertFalse(Padlock.isResumed(c.pair().client.getSession()));
        assertFalse(Padlock.isResumed(c.pair().server.getSession()));
        assertTrue(c.toClient().serverFlightLength() > serverCertificateLength(),
                "a full server flight holds the certificate");
    }

    static void assertResumed(Connection c) throws Exception {
        assertTrue(c.offeredPsk(), "ClientHello offers pre_shared_key");
        assertEquals(0, c.serverHello().extension(PreSharedKeyServerHello.class).orElseThrow().selectedIdentity());
        assertTrue(Padlock.isResumed(c.pair().client.getSession()));
        assertTrue(Padlock.isResumed(c.pair().server.getSession()));
        // The server's flight, less its key share (1120 bytes for X25519MLKEM768, more than a
        // certificate), is shorter than the certificate alone: no Certificate was sent.
        int keyShare = c.serverHello().extension(KeyShareServerHello.class)
                .map(k -> k.share().keyExchange().length()).orElse(0);
        assertTrue(c.toClient().serverFlightLength() - keyShare < serverCertificateLength(),
                "resumed server flight of " + c.toClient().serverFlightLength() + " bytes, " + keyShare + " of key share");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {AES_128, AES_256, CHACHA})
    void secondConnectionResumesWithEverySuite(String suite) throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        Connection first = connect(client, server, new String[] {suite}, null);
        assertFull(first, false);
        X509Certificate[] original = (X509Certificate[]) first.pair().client.getSession().getPeerCertificates();

        Connection second = connect(client, server, new String[] {suite}, null);
        assertResumed(second);
        assertEquals(suite, second.pair().client.getSession().getCipherSuite());
        assertEquals(suite, second.pair().server.getSession().getCipherSuite());
        assertArrayEquals(original, second.pair().client.getSession().getPeerCertificates(),
                "a resumed session reports the original server certificates");
        // and, as SunJSSE, the server's own chain on the server side (Jetty's SNI check reads it)
        assertEquals(2, first.pair().server.getSession().getLocalCertificates().length);
        assertArrayEquals(first.pair().server.getSession().getLocalCertificates(),
                second.pair().server.getSession().getLocalCertificates());
    }

    @Test
    void serverSendsTwoTicketsAndClientUsesEachOnce() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server), false);
        assertEquals(2, client.spi().clientSessionContext().tickets().count("localhost", 443));

        Set<Bytes> offered = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Connection c = connect(client, server);
            assertResumed(c);
            Bytes identity = c.lastClientHello().extension(PreSharedKeyClientHello.class).orElseThrow()
                    .identities().get(0).identity();
            assertTrue(offered.add(identity), "ticket offered a second time (RFC 8446 §C.4)");
        }
        // 2 from the first connection, each resumption used one and brought two.
        assertEquals(2 + 4, client.spi().clientSessionContext().tickets().count("localhost", 443));
    }

    @Test
    void ticketOfAnotherHashGivesFullHandshake() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server, null, new String[] {AES_128}), false);

        Connection second = connect(client, server, null, new String[] {AES_256});
        assertFull(second, true);
        assertEquals(AES_256, second.pair().client.getSession().getCipherSuite());
    }

    @Test
    void ticketOfAnotherSuiteWithTheSameHashResumes() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server, null, new String[] {AES_128}), false);

        Connection second = connect(client, server, null, new String[] {CHACHA});
        assertResumed(second);
        assertEquals(CHACHA, second.pair().server.getSession().getCipherSuite());
    }

    @Test
    void clientDoesNotOfferAnExpiredTicket() throws Exception {
        TestClock clock = new TestClock();
        Ctx client = padlock(clock, Map.of());
        Ctx server = padlock(clock, Map.of());
        server.context().getServerSessionContext().setSessionTimeout(60);
        assertFull(connect(client, server), false);

        clock.advance(Duration.ofSeconds(60));
        assertFull(connect(client, server), false);
    }

    @Test
    void resumedSessionReportsTheOriginalClientCertificates() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        Connection first = connect(client, server, null, null, 443, true);
        assertFull(first, false);
        Certificate[] clientChain = first.pair().server.getSession().getPeerCertificates();

        Connection second = connect(client, server, null, null, 443, true);
        assertResumed(second);
        assertArrayEquals(clientChain, second.pair().server.getSession().getPeerCertificates());
        assertEquals(2, first.pair().client.getSession().getLocalCertificates().length);
        assertArrayEquals(first.pair().client.getSession().getLocalCertificates(),
                second.pair().client.getSession().getLocalCertificates(), "the client's own chain after resumption");
    }

    @Test
    void serverRequiringClientAuthDoesNotResumeASessionWithoutClientCertificate() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server), false);

        Connection second = connect(client, server, null, null, 443, true);
        assertFull(second, true);
        assertEquals(2, second.pair().server.getSession().getPeerCertificates().length);
    }

    @Test
    void serverTicketLifetimeIsTheSessionTimeoutAndAtMostSevenDays() throws Exception {
        PadlockSessionContext sessions = padlock(Clock.systemUTC(), Map.of()).spi().serverSessionContext();
        assertEquals(Duration.ofDays(1), sessions.serverResumption().ticketLifetime());
        sessions.setSessionTimeout(3600);
        assertEquals(Duration.ofHours(1), sessions.serverResumption().ticketLifetime());
        sessions.setSessionTimeout(30 * 86400);
        assertEquals(Duration.ofDays(7), sessions.serverResumption().ticketLifetime());
        sessions.setSessionTimeout(0);
        assertEquals(Duration.ofDays(7), sessions.serverResumption().ticketLifetime());
        assertEquals(2, sessions.serverResumption().ticketCount());
    }

    @Test
    void clientSessionTimeoutEndsTicketsBeforeTheirLifetime() throws Exception {
        TestClock clock = new TestClock();
        Ctx client = padlock(clock, Map.of());
        Ctx server = padlock(clock, Map.of());
        client.context().getClientSessionContext().setSessionTimeout(10);
        assertFull(connect(client, server), false);
        clock.advance(Duration.ofSeconds(9));
        assertResumed(connect(client, server));
        clock.advance(Duration.ofSeconds(10));
        assertFull(connect(client, server), false);
    }

    @Test
    void clientSessionCacheSizeBoundsTheServersWithTickets() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        client.context().getClientSessionContext().setSessionCacheSize(1);
        assertFull(connect(client, server, null, null, 443), false);
        assertFull(connect(client, server, null, null, 444), false);
        assertFull(connect(client, server, null, null, 443), false);
        assertResumed(connect(client, server, null, null, 443));
    }

    @Test
    void serverRefusesAnExpiredTicket() throws Exception {
        TestClock clientClock = new TestClock();
        TestClock serverClock = new TestClock();
        Ctx client = padlock(clientClock, Map.of());
        Ctx server = padlock(serverClock, Map.of());
        server.context().getServerSessionContext().setSessionTimeout(60);
        assertFull(connect(client, server), false);
        assertFull(connect(padlock(clientClock, Map.of()), server), false);

        // The client thinks the ticket 55 s old, within its 60 s; the server, 61 s: expired.
        clientClock.advance(Duration.ofSeconds(55));
        serverClock.advance(Duration.ofSeconds(61));
        assertFull(connect(client, server), true);
    }

    @Test
    void ticketStillWithinItsLifetimeResumesAfterTheClocksMoved() throws Exception {
        TestClock clientClock = new TestClock();
        TestClock serverClock = new TestClock();
        Ctx client = padlock(clientClock, Map.of());
        Ctx server = padlock(serverClock, Map.of());
        server.context().getServerSessionContext().setSessionTimeout(60);
        assertFull(connect(client, server), false);

        clientClock.advance(Duration.ofSeconds(55));
        serverClock.advance(Duration.ofSeconds(59));
        assertResumed(connect(client, server));
    }

    @Test
    void ticketFromThePreviousKeyResumesAndFromTwoRotationsAgoDoesNot() throws Exception {
        TestClock clock = new TestClock();
        Ctx server = padlock(clock, Map.of());
        server.spi().serverSessionContext().ticketKeys(
                TicketKeys.rotating(clock, new SecureRandom(), Duration.ofHours(1), Duration.ofHours(1)));
        Ctx early = padlock(clock, Map.of());
        Ctx late = padlock(clock, Map.of());
        assertFull(connect(early, server), false);
        assertFull(connect(late, server), false);

        clock.advance(Duration.ofMinutes(61));
        assertResumed(connect(early, server));

        clock.advance(Duration.ofMinutes(61));
        assertFull(connect(late, server), true);
    }

    @Test
    void ticketsSealedWithSharedKeysResumeOnAnotherServer() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx one = padlock(Clock.systemUTC(), Map.of());
        Ctx two = padlock(Clock.systemUTC(), Map.of());
        Padlock.setSessionTicketKeys(one.context(), List.of(key));
        Padlock.setSessionTicketKeys(two.context(), List.of(new byte[32], key));
        assertFull(connect(client, one), false);
        assertResumed(connect(client, two));
    }

    @Test
    void flippedBinderBitIsDecryptError() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        connect(client, server);

        EnginePair pair = new EnginePair(client.engine(true), server.engine(false));
        // The ClientHello is the first record and the binder its last bytes.
        pair.tapClientToServer(flipLastByteOfFirstRecord());
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, pair::handshake);
        assertEquals("(decrypt_error) the PSK binder does not verify", e.getMessage());
        SSLException atClient = assertThrows(SSLException.class, () -> deliverAlert(pair.server, pair.client));
        assertEquals("(decrypt_error) Received fatal alert: decrypt_error", atClient.getMessage());
    }

    @Test
    void resumesAfterHelloRetryRequestWithABinderOverTheNewTranscript() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        // The client sends key shares for X25519MLKEM768 and x25519 only: this server asks again.
        Ctx server = padlock(Clock.systemUTC(), Map.of("jdk.tls.namedGroups", "secp384r1"));
        Connection first = connect(client, server);
        assertTrue(first.toClient().serverHellos().get(0).isHelloRetryRequest());
        assertFull(first, false);

        Connection second = connect(client, server);
        List<ClientHello> hellos = second.toServer().clientHellos();
        assertEquals(2, hellos.size());
        assertTrue(second.toClient().serverHellos().get(0).isHelloRetryRequest());
        PreSharedKeyClientHello psk1 = hellos.get(0).extension(PreSharedKeyClientHello.class).orElseThrow();
        PreSharedKeyClientHello psk2 = hellos.get(1).extension(PreSharedKeyClientHello.class).orElseThrow();
        assertEquals(psk1.identities().get(0).identity(), psk2.identities().get(0).identity());
        assertNotEquals(psk1.binders().get(0), psk2.binders().get(0), "the binder covers the new transcript");
        assertResumed(second);
    }

    @Test
    void noTicketsWhenTheServerPropertyIsFalse() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of());
        Ctx server = padlock(Clock.systemUTC(), Map.of("jdk.tls.server.enableSessionTicketExtension", "false"));
        assertFull(connect(client, server), false);
        assertEquals(0, client.spi().clientSessionContext().tickets().count("localhost", 443));
        assertFull(connect(client, server), false);
    }

    @Test
    void noOfferWhenTheClientPropertyIsFalse() throws Exception {
        Ctx client = padlock(Clock.systemUTC(), Map.of("jdk.tls.client.enableSessionTicketExtension", "FALSE"));
        Ctx server = padlock(Clock.systemUTC(), Map.of());
        assertFull(connect(client, server), false);
        assertFull(connect(client, server), false);
    }

    @Test
    void isResumedRejectsAnotherProvidersSession() throws Exception {
        SSLContext sun = Contexts.sun(KeyKind.RSA_2048);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Padlock.isResumed(sun.createSSLEngine().getSession()));
        assertTrue(e.getMessage().startsWith("not a Padlock session: "), e.getMessage());
    }

    private static UnaryOperator<ByteBuffer> flipLastByteOfFirstRecord() {
        boolean[] done = {false};
        return chunk -> {
            if (!done[0]) {
                done[0] = true;
                int length = ((chunk.get(chunk.position() + 3) & 0xFF) << 8) | (chunk.get(chunk.position() + 4) & 0xFF);
                int last = chunk.position() + 5 + length - 1;
                chunk.put(last, (byte) (chunk.get(last) ^ 0x01));
            }
            return chunk;
        };
    }

    /** The failed server's alert, wrapped and unwrapped at the client. */
    private static void deliverAlert(SSLEngine server, SSLEngine client) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        SSLEngineResult r = server.wrap(ByteBuffer.allocate(0), net);
        assertTrue(r.bytesProduced() > 0, "the server has an alert to send");
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        while (net.hasRemaining()) {
            client.unwrap(net, app);
        }
    }
    static final class WireLog implements UnaryOperator<ByteBuffer> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<byte[]> chunks = new ArrayList<>();

        @Override
        public ByteBuffer apply(ByteBuffer chunk) {
            ByteBuffer copy = chunk.duplicate();
            byte[] b = new byte[copy.remaining()];
            copy.get(b);
            bytes.write(b, 0, b.length);
            chunks.add(b);
            return chunk;
        }

        /**
         * The bytes of the server's flight: the chunk (everything one engine wrapped in one go,
         * whole records) that begins with the ServerHello that is not a HelloRetryRequest. It
         * runs to the server's Finished; NewSessionTickets come after the client's Finished.
         */
        int serverFlightLength() {
            for (byte[] chunk : chunks) {
                boolean serverHello = chunk.length > 43 && chunk[0] == 22 && chunk[5] == 2;
                if (serverHello && !Bytes.of(chunk, 11, 32).equals(ServerHello.HELLO_RETRY_REQUEST_RANDOM)) {
                    return chunk.length;
                }
            }
            throw new AssertionError("no ServerHello on the wire");
        }
    
        int length() {
            return bytes.size();
        }
    
        void clear() {
            bytes.reset();
        }
    
        /** The handshake messages of the plaintext handshake records (content type 22), in order. */
        List<HandshakeMessage> plaintextHandshakes() {
            byte[] wire = bytes.toByteArray();
            ByteArrayOutputStream handshake = new ByteArrayOutputStream();
            for (int at = 0; at + 5 <= wire.length; ) {
                int type = wire[at] & 0xFF;
                int length = ((wire[at + 3] & 0xFF) << 8) | (wire[at + 4] & 0xFF);
                if (type == 22) {
                    handshake.write(wire, at + 5, length);
                }
                at += 5 + length;
            }
            List<HandshakeMessage> messages = new ArrayList<>();
            byte[] hs = handshake.toByteArray();
            for (int at = 0; at + 4 <= hs.length; ) {
                int length = ((hs[at + 1] & 0xFF) << 16) | ((hs[at + 2] & 0xFF) << 8) | (hs[at + 3] & 0xFF);
                messages.add(HandshakeCodec.decode(new HandshakeType(hs[at] & 0xFF),
                        Bytes.of(hs, at + 4, length), 0));
                at += 4 + length;
            }
            return messages;
        }
    
        List<ClientHello> clientHellos() {
            return plaintextHandshakes().stream().filter(m -> m instanceof ClientHello).map(m -> (ClientHello) m)
                    .toList();
        }
    
        List<ServerHello> serverHellos() {
            return plaintextHandshakes().stream().filter(m -> m instanceof ServerHello).map(m -> (ServerHello) m)
                    .toList();
        }
    }
}
