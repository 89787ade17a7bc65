package dev.padlock.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Transcript;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.handshake.Resumption;
import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.ClientTicket;
import dev.padlock.session.TicketKeys;
import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Extension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.PskIdentity;
import dev.padlock.wire.PskKeyExchangeMode;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The resumption rules of the state machines, driven message by message with no record layer:
 * what each side does with a PSK offer or answer that is wrong in one precise way.
 */
class HandshakeResumptionTest {
    private static final List<SignatureScheme> SCHEMES = List.of(SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.ECDSA_SECP256R1_SHA256);

    /** Collects what a handshaker sends; keys are the record layer's business and ignored here. */
    static final class Outbox implements HandshakeOutput {
        final Deque<Bytes> messages = new ArrayDeque<>();

        @Override
        public void sendHandshake(Bytes message) {
            messages.add(message);
        }

        @Override
        public void sendChangeCipherSpec() {
        }

        @Override
        public void installReadKeys(RecordKeys keys) {
        }

        @Override
        public void installWriteKeys(RecordKeys keys) {
        }
    }

    /** A client and a server handshaker joined message by message, with hooks to rewrite messages. */
    static final class Run {
        final Outbox toServer = new Outbox();
        final Outbox toClient = new Outbox();
        final Handshaker client;
        final Handshaker server;
        final List<HandshakeType> serverSent = new ArrayList<>();
        final List<NewSessionTicket> tickets = new ArrayList<>();
        /**
         * False when the test rewrote the ClientHello: the client's transcript then differs from
         * the server's, so only what the server sends is of interest and the client hears nothing.
         */
        boolean clientListens = true;

        Run(HandshakeConfig clientConfig, HandshakeConfig serverConfig) {
            client = Handshaker.create(clientConfig, toServer, session());
            server = Handshaker.create(serverConfig, toClient, session());
        }

        void go(UnaryOperator<Bytes> clientToServer, UnaryOperator<Bytes> serverToClient) {
            client.start();
            server.start();
            boolean moved = true;
            while (moved) {
                moved = false;
                while (!toServer.messages.isEmpty()) {
                    server.onMessage(clientToServer.apply(toServer.messages.poll()));
                    moved = true;
                }
                while (!toClient.messages.isEmpty()) {
                    Bytes m = serverToClient.apply(toClient.messages.poll());
                    serverSent.add(new HandshakeType(m.get(0) & 0xFF));
                    if (serverSent.get(serverSent.size() - 1).equals(HandshakeType.NEW_SESSION_TICKET)) {
                        tickets.add(NewSessionTicket.decode(dev.padlock.wire.TlsReader.of(m.slice(4, m.length()),
                                "NewSessionTicket")));
                    }
                    if (clientListens) {
                        client.onMessage(m);
                    }
                    moved = true;
                }
            }
        }

        void go() {
            go(UnaryOperator.identity(), UnaryOperator.identity());
        }
    }

    private static TlsSession session() {
        return new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443);
    }

    private static final PeerTrust TRUST_ALL = new PeerTrust() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }
    };

    private final ClientSessionCache cache = new ClientSessionCache(Clock.systemUTC(), 10, 0);
    private final TicketKeys keys = TicketKeys.rotating(Clock.systemUTC(), new SecureRandom(), Duration.ofHours(1),
            Duration.ofDays(1));

    private HandshakeConfig config(boolean client, List<CipherSuiteSpec> suites, Resumption resumption)
            throws Exception {
        return HandshakeConfig.builder(client).cipherSuites(suites).namedGroups(List.of(NamedGroup.X25519))
                .signatureSchemes(SCHEMES).credentials(client ? Credentials.NONE : TestPki.credentials(TestPki.keyStore(KeyKind.RSA_2048)))
                .peerTrust(TRUST_ALL).peer("localhost", 443).honorServerOrder(true).resumption(resumption).build();
    }

    private Run run(List<CipherSuiteSpec> clientSuites, List<CipherSuiteSpec> serverSuites, int tickets)
            throws Exception {
        return new Run(config(true, clientSuites, Resumption.client(cache, "")),
                config(false, serverSuites, Resumption.server(keys, tickets, Duration.ofHours(1))));
    }

    /** A first, full handshake that leaves tickets in the cache. */
    private void firstConnection() throws Exception {
        Run first = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        first.go();
        assertTrue(first.client.isComplete());
        assertEquals(2, cache.count("localhost", 443));
    }

    private static <T extends HandshakeMessage> UnaryOperator<Bytes> rewrite(Class<T> type,
            UnaryOperator<T> change) {
        return raw -> {
            HandshakeMessage m = HandshakeCodec.decode(new HandshakeType(raw.get(0) & 0xFF),
                    raw.slice(4, raw.length()), 32);
            return type.isInstance(m) ? change.apply(type.cast(m)).encode() : raw;
        };
    }

    private static ServerHello withExtensions(ServerHello sh, CipherSuite suite, List<Extension> ext) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), suite,
                sh.legacyCompressionMethod(), ext);
    }

    private static ClientHello withExtensions(ClientHello ch, List<Extension> ext) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                ch.legacyCompressionMethods(), ext);
    }

    private static List<Extension> replace(List<Extension> ext, Class<? extends Extension> type, Extension with) {
        List<Extension> out = new ArrayList<>();
        for (Extension e : ext) {
            if (!type.isInstance(e)) {
                out.add(e);
            } else if (with != null) {
                out.add(with);
            }
        }
        return out;
    }

    @Test
    void resumedHandshakeHasNoCertificateAndIssuesTheConfiguredNumberOfTickets() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 3);
        second.go();
        assertTrue(second.client.session().resumed());
        assertTrue(second.server.session().resumed());
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.FINISHED,
                HandshakeType.NEW_SESSION_TICKET, HandshakeType.NEW_SESSION_TICKET, HandshakeType.NEW_SESSION_TICKET),
                second.serverSent);
        assertEquals(3, ((ClientHandshaker) second.client).ticketsReceived());
        assertEquals(1 + 3, cache.count("localhost", 443));
    }

    @Test
    void ticketsCarryTheConfiguredLifetimeAndDistinctNonces() throws Exception {
        Run run = run(CipherSuiteSpec.SUPPORTED, CipherSuiteSpec.SUPPORTED, 2);
        run.go();
        assertEquals(2, run.tickets.size());
        NewSessionTicket a = run.tickets.get(0);
        NewSessionTicket b = run.tickets.get(1);
        assertEquals(3600, a.ticketLifetime());
        assertEquals(3600, b.ticketLifetime());
        assertFalse(a.ticketNonce().equals(b.ticketNonce()), "RFC 8446 §4.6.1: nonces unique per connection");
        assertFalse(a.ticket().equals(b.ticket()));
        assertTrue(a.extensions().isEmpty(), "no early_data: Padlock does not accept 0-RTT");
    }

    @Test
    void ticketLifetimeAboveSevenDaysIsRefusedInTheConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resumption.server(keys, 2, Duration.ofSeconds(604801)));
        assertEquals("ticket lifetime must be between 0 and 604800 seconds (7 days): 604801", e.getMessage());
    }

    @Test
    void clientDiscardsATicketWithLifetimeZeroAndKeepsNoneBeyondSevenDays() throws Exception {
        Run run = run(CipherSuiteSpec.SUPPORTED, CipherSuiteSpec.SUPPORTED, 2);
        boolean[] first = {true};
        run.go(UnaryOperator.identity(), rewrite(NewSessionTicket.class, nst -> {
            long lifetime = first[0] ? 0 : 0xFFFFFFFFL;
            first[0] = false;
            return new NewSessionTicket(lifetime, nst.ticketAgeAdd(), nst.ticketNonce(), nst.ticket(),
                    nst.extensions());
        }));
        assertEquals(2, ((ClientHandshaker) run.client).ticketsReceived());
        assertEquals(1, cache.count("localhost", 443));
        assertEquals(604800, cache.take(new ClientSessionCache.Scope("localhost", 443, "", "")).orElseThrow().lifetimeSeconds());
    }

    @Test
    void ticketCountZeroSendsNoTicket() throws Exception {
        Run run = run(CipherSuiteSpec.SUPPORTED, CipherSuiteSpec.SUPPORTED, 0);
        run.go();
        assertTrue(run.client.isComplete());
        assertFalse(run.serverSent.contains(HandshakeType.NEW_SESSION_TICKET));
        assertEquals(0, cache.count("localhost", 443));
    }

    private static final List<HandshakeType> FULL_FLIGHT = List.of(HandshakeType.SERVER_HELLO,
            HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE, HandshakeType.CERTIFICATE_VERIFY,
            HandshakeType.FINISHED);

    @Test
    void offerWithPskKeOnlyIsAnsweredWithAFullHandshake() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        second.clientListens = false;
        second.go(rewrite(ClientHello.class, ch -> withExtensions(ch, replace(ch.extensions(),
                PskKeyExchangeModesExtension.class,
                new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.PSK_KE))))), UnaryOperator.identity());
        assertEquals(FULL_FLIGHT, second.serverSent);
        assertFalse(second.server.session().resumed());
    }

    @Test
    void serverSelectingAnIdentityNotOfferedIsIllegalParameter() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        TlsFailure f = assertThrows(TlsFailure.class, () -> second.go(UnaryOperator.identity(),
                rewrite(ServerHello.class, sh -> withExtensions(sh, sh.cipherSuite(),
                        replace(sh.extensions(), PreSharedKeyServerHello.class, new PreSharedKeyServerHello(1))))));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(FailureReason.SERVER_HELLO_PSK_IDENTITY_NOT_OFFERED, f.reason());
        assertEquals("ServerHello selected PSK identity 1, but only one was offered", f.getMessage());
    }

    @Test
    void serverResumingWithASuiteOfAnotherHashIsIllegalParameter() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        TlsFailure f = assertThrows(TlsFailure.class, () -> second.go(UnaryOperator.identity(),
                rewrite(ServerHello.class, sh -> withExtensions(sh, CipherSuite.TLS_AES_256_GCM_SHA384,
                        sh.extensions()))));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(FailureReason.SERVER_HELLO_PSK_HASH_MISMATCH, f.reason());
        assertEquals("the server resumed with TLS_AES_256_GCM_SHA384, whose hash is not that of the PSK's suite "
                + "TLS_AES_128_GCM_SHA256", f.getMessage());
    }

    @Test
    void pskWithoutKeyExchangeModesIsMissingExtension() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        TlsFailure f = assertThrows(TlsFailure.class, () -> second.go(rewrite(ClientHello.class,
                ch -> withExtensions(ch, replace(ch.extensions(), PskKeyExchangeModesExtension.class, null))),
                UnaryOperator.identity()));
        assertEquals(AlertDescription.MISSING_EXTENSION, f.alert());
        assertEquals(FailureReason.PSK_WITHOUT_KEY_EXCHANGE_MODES, f.reason());
        assertEquals("ClientHello offers pre_shared_key without psk_key_exchange_modes", f.getMessage());
    }

    @Test
    void moreBindersThanIdentitiesIsIllegalParameter() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        TlsFailure f = assertThrows(TlsFailure.class, () -> second.go(rewrite(ClientHello.class, ch -> {
            PreSharedKeyClientHello psk = ch.extension(PreSharedKeyClientHello.class).orElseThrow();
            Bytes binder = psk.binders().get(0);
            return withExtensions(ch, replace(ch.extensions(), PreSharedKeyClientHello.class,
                    new PreSharedKeyClientHello(psk.identities(), List.of(binder, binder))));
        }), UnaryOperator.identity()));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(FailureReason.PSK_IDENTITY_BINDER_COUNT_MISMATCH, f.reason());
        assertEquals("pre_shared_key has 1 identities but 2 binders", f.getMessage());
    }

    @Test
    void unknownTicketFallsBackToAFullHandshake() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        second.clientListens = false;
        second.go(rewrite(ClientHello.class, ch -> {
            PreSharedKeyClientHello psk = ch.extension(PreSharedKeyClientHello.class).orElseThrow();
            PskIdentity id = psk.identities().get(0);
            byte[] forged = id.identity().toByteArray();
            forged[forged.length - 1] ^= 1;
            return withExtensions(ch, replace(ch.extensions(), PreSharedKeyClientHello.class,
                    new PreSharedKeyClientHello(List.of(new PskIdentity(Bytes.wrap(forged),
                            id.obfuscatedTicketAge())), psk.binders())));
        }), UnaryOperator.identity());
        assertEquals(FULL_FLIGHT, second.serverSent);
        assertFalse(second.server.session().resumed());
    }

    @Test
    void ticketAgeOutsideTheToleranceFallsBackToAFullHandshake() throws Exception {
        firstConnection();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        second.clientListens = false;
        second.go(rewrite(ClientHello.class, ch -> {
            PreSharedKeyClientHello psk = ch.extension(PreSharedKeyClientHello.class).orElseThrow();
            PskIdentity id = psk.identities().get(0);
            long older = (id.obfuscatedTicketAge() + PskAcceptor.AGE_TOLERANCE_MILLIS + 1000) & 0xFFFFFFFFL;
            return withExtensions(ch, replace(ch.extensions(), PreSharedKeyClientHello.class,
                    new PreSharedKeyClientHello(List.of(new PskIdentity(id.identity(), older)), psk.binders())));
        }), UnaryOperator.identity());
        assertEquals(FULL_FLIGHT, second.serverSent);
        assertFalse(second.server.session().resumed());
    }

    /**
     * The ClientHello with pre_shared_key replaced by {@code position} forged identities and
     * then {@code ticket}'s, whose binder is computed afresh over the new Truncate(ClientHello)
     * (RFC 8446 §4.2.11.2); the forged ones carry zero binders, which are never checked.
     */
    private static UnaryOperator<Bytes> offeringTicketAt(int position, ClientTicket ticket) {
        return rewrite(ClientHello.class, ch -> {
            CipherSuiteSpec spec = CipherSuiteSpec.of(ticket.suite()).orElseThrow();
            List<PskIdentity> identities = new ArrayList<>();
            List<Bytes> binders = new ArrayList<>();
            for (int i = 0; i < position; i++) {
                byte[] forged = ticket.ticket().toByteArray();
                forged[forged.length - 1] ^= (byte) (i + 1);
                identities.add(new PskIdentity(Bytes.wrap(forged), 0));
                binders.add(Bytes.wrap(new byte[spec.hashLength()]));
            }
            identities.add(new PskIdentity(ticket.ticket(), ticket.obfuscatedAge(System.currentTimeMillis())));
            binders.add(Bytes.wrap(new byte[spec.hashLength()]));
            ClientHello placeholder = withExtensions(ch, replace(ch.extensions(), PreSharedKeyClientHello.class,
                    new PreSharedKeyClientHello(identities, binders)));
            Bytes encoded = placeholder.encode();
            Transcript transcript = new Transcript();
            transcript.begin(spec);
            EarlySecret early = EarlySecret.withPsk(spec, ticket.psk());
            binders.set(position, Bytes.wrap(early.computeBinder(true,
                    transcript.hashOf(encoded.slice(0, encoded.length() - placeholder.bindersLength())))));
            return withExtensions(ch, replace(ch.extensions(), PreSharedKeyClientHello.class,
                    new PreSharedKeyClientHello(identities, binders)));
        });
    }

    private Optional<Integer> selectedIdentity;

    /** A second connection whose ClientHello offers a valid ticket behind {@code position} forged ones. */
    private Run secondConnectionOfferingTicketAt(int position) throws Exception {
        firstConnection();
        ClientTicket ticket = cache.take(new ClientSessionCache.Scope("localhost", 443, "", "")).orElseThrow();
        Run second = run(CipherSuiteSpec.SUPPORTED, List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 2);
        second.clientListens = false;
        second.go(offeringTicketAt(position, ticket), rewrite(ServerHello.class, sh -> {
            selectedIdentity = sh.extension(PreSharedKeyServerHello.class)
                    .map(PreSharedKeyServerHello::selectedIdentity);
            return sh;
        }));
        return second;
    }

    @Test
    void validTicketAsTheFifthIdentityIsResumed() throws Exception {
        Run second = secondConnectionOfferingTicketAt(PskAcceptor.MAX_IDENTITIES_TRIED - 1);
        assertTrue(second.server.session().resumed());
        assertEquals(Optional.of(4), selectedIdentity);
        assertEquals(List.of(HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.FINISHED),
                second.serverSent);
    }

    @Test
    void validTicketAsTheSixthIdentityIsNotTriedAndTheHandshakeIsFull() throws Exception {
        Run second = secondConnectionOfferingTicketAt(PskAcceptor.MAX_IDENTITIES_TRIED);
        assertEquals(FULL_FLIGHT, second.serverSent);
        assertEquals(Optional.empty(), selectedIdentity);
        assertFalse(second.server.session().resumed());
    }

    @Test
    void newSessionTicketIsForTheClientOnly() throws Exception {
        Run run = run(CipherSuiteSpec.SUPPORTED, CipherSuiteSpec.SUPPORTED, 0);
        run.go();
        NewSessionTicket nst = new NewSessionTicket(60, 0, Bytes.of((byte) 0), Bytes.of((byte) 1), List.of());
        TlsFailure f = assertThrows(TlsFailure.class, () -> run.server.onMessage(nst.encode()));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertEquals(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, f.reason());
    }
}
