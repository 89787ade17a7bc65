package dev.padlock.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Config;
import dev.padlock.core.ConnectionObserver;
import dev.padlock.core.TlsConnection;
import dev.padlock.record.RecordHeader;
import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.TicketKeys;
import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.Destroyable;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 §7.1, §7.2: each secret is erased once everything to be derived from it has been
 * computed, and whatever the connection still holds when it closes or fails. Two sans-IO
 * connections joined in memory; each handshaker reports every secret it derives, by its
 * RFC 8446 name, so the test can ask whether it is destroyed.
 */
class SecretErasureTest {
    private static final List<SignatureScheme> SCHEMES = List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA256);
    private static final List<String> HANDSHAKE_PHASE = List.of("early_secret", "handshake_secret",
            "client_handshake_traffic_secret", "server_handshake_traffic_secret", "master_secret");

    private final ClientSessionCache cache = new ClientSessionCache(Clock.systemUTC(), 10, 0);
    private final TicketKeys ticketKeys = TicketKeys.rotating(Clock.systemUTC(), new SecureRandom(),
            Duration.ofHours(1), Duration.ofDays(1));

    /** One side: its connection, and every secret its handshaker derived, in order, under its name. */
    static final class Side implements ConnectionObserver {
        final TlsConnection connection;
        final List<Map.Entry<String, Destroyable>> derived = new ArrayList<>();
        final Map<String, byte[]> keyLog = new LinkedHashMap<>();

        Side(HandshakeConfig config) {
            connection = new TlsConnection(Config.of(config, this),
                    new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443));
            connection.handshaker().observeSecrets((name, secret) -> derived.add(Map.entry(name, secret)));
        }

        @Override
        public void secret(String label, byte[] clientRandom, byte[] secret) {
            keyLog.put(label, secret);
        }

        List<Destroyable> all(String name) {
            List<Destroyable> found = derived.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue)
                    .toList();
            assertFalse(found.isEmpty(), "no " + name + " was derived");
            return found;
        }

        Destroyable only(String name) {
            List<Destroyable> found = all(name);
            assertEquals(1, found.size(), name);
            return found.get(0);
        }

        void assertErased(String name) {
            for (Destroyable s : all(name)) {
                assertTrue(s.isDestroyed(), (connection.isClient() ? "client " : "server ") + name + " is still alive");
            }
        }

        void assertAlive(String name) {
            assertFalse(only(name).isDestroyed(), (connection.isClient() ? "client " : "server ") + name
                    + " was erased too early");
        }

        void assertEverythingErased() {
            for (Map.Entry<String, Destroyable> e : derived) {
                assertTrue(e.getValue().isDestroyed(), e.getKey() + " outlived the connection");
            }
        }
    }

    /** A client and a server joined in memory. */
    static final class Pair {
        final Side client;
        final Side server;

        Pair(HandshakeConfig clientConfig, HandshakeConfig serverConfig) {
            client = new Side(clientConfig);
            server = new Side(serverConfig);
        }

        Pair handshake() {
            client.connection.start();
            server.connection.start();
            flush();
            return this;
        }

        void flush() {
            while (transfer(client.connection, server.connection) | transfer(server.connection, client.connection)) {
                // until nothing moves
            }
        }

        /** Sends {@code text} from {@code from} to {@code to} as application data and returns what arrived. */
        String send(Side from, Side to, String text) {
            ByteBuffer record = ByteBuffer.allocate(1024);
            from.connection.seal(new ByteBuffer[] {ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))}, 0, 1,
                    record);
            record.flip();
            ByteBuffer sink = ByteBuffer.allocate(1024);
            to.connection.receive(record, new ByteBuffer[] {sink}, 0, 1);
            flush();
            return new String(sink.array(), 0, sink.position(), StandardCharsets.UTF_8);
        }

        private static boolean transfer(TlsConnection from, TlsConnection to) {
            ByteBuffer wire = ByteBuffer.allocate(1 << 16);
            from.drainOutbound(wire);
            wire.flip();
            boolean moved = wire.hasRemaining();
            while (wire.hasRemaining() && to.failure() == null) {
                ByteBuffer record = wire.duplicate();
                record.limit(wire.position() + RecordHeader.peekRecordLength(wire));
                wire.position(record.limit());
                try {
                    to.receive(record, new ByteBuffer[] {ByteBuffer.allocate(1 << 15)}, 0, 1);
                } catch (RuntimeException expectedInFailureTests) {
                    assertTrue(to.failure() != null, "only a TLS failure may stop the transfer");
                }
            }
            return moved;
        }
    }

    private static final PeerTrust TRUST_ALL = new PeerTrust() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }
    };

    private HandshakeConfig client(List<NamedGroup> groups, Credentials credentials) {
        return HandshakeConfig.builder(true).namedGroups(groups).signatureSchemes(SCHEMES).credentials(credentials)
                .peerTrust(TRUST_ALL).peer("localhost", 443).honorServerOrder(true).middleboxCompatibility(true)
                .resumption(Resumption.client(cache, "")).build();
    }

    private HandshakeConfig server(ClientAuth clientAuth) throws Exception {
        return HandshakeConfig.builder(false).namedGroups(List.of(NamedGroup.X25519)).signatureSchemes(SCHEMES)
                .credentials(TestPki.credentials(TestPki.keyStore(KeyKind.EC_P256))).peerTrust(TRUST_ALL).clientAuth(clientAuth)
                .honorServerOrder(true).resumption(Resumption.server(ticketKeys, 2, Duration.ofHours(1))).build();
    }

    private Pair fullHandshake() throws Exception {
        return new Pair(client(List.of(NamedGroup.X25519), Credentials.NONE), server(ClientAuth.NONE)).handshake();
    }

    private static void assertHandshakePhaseErased(Side side) {
        for (String name : HANDSHAKE_PHASE) {
            side.assertErased(name);
        }
    }

    @Test
    void fullHandshakeErasesEverySecretWhoseDerivationsAreDone() throws Exception {
        Pair pair = fullHandshake();
        assertTrue(pair.client.connection.isHandshakeComplete() && pair.server.connection.isHandshakeComplete());
        for (Side side : List.of(pair.client, pair.server)) {
            assertHandshakePhaseErased(side);
            side.assertAlive("client_application_traffic_secret_0");
            side.assertAlive("server_application_traffic_secret_0");
            side.assertAlive("exporter_master_secret");
        }
        // The server needs resumption_master_secret only for the tickets it sent right after the
        // client's Finished; the client, for tickets that may come at any time.
        pair.server.assertErased("resumption_master_secret");
        pair.client.assertAlive("resumption_master_secret");
        assertEquals(2, cache.count("localhost", 443), "the client made a PSK of each ticket");
        assertEquals("ping", pair.send(pair.client, pair.server, "ping"));
        assertEquals("pong", pair.send(pair.server, pair.client, "pong"));
    }

    @Test
    void keyLogStillSeesEachSecretBeforeItIsErased() throws Exception {
        Pair pair = fullHandshake();
        for (Side side : List.of(pair.client, pair.server)) {
            assertEquals(List.of("SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                    "SERVER_TRAFFIC_SECRET_0", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET").stream().sorted().toList(),
                    side.keyLog.keySet().stream().sorted().toList());
            for (Map.Entry<String, byte[]> e : side.keyLog.entrySet()) {
                assertFalse(java.util.Arrays.equals(new byte[e.getValue().length], e.getValue()),
                        e.getKey() + " was logged as zeros");
            }
        }
        assertEquals(new String(pair.client.keyLog.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), StandardCharsets.ISO_8859_1),
                new String(pair.server.keyLog.get("CLIENT_HANDSHAKE_TRAFFIC_SECRET"), StandardCharsets.ISO_8859_1));
    }

    @Test
    void keyUpdateErasesThePreviousApplicationTrafficSecret() throws Exception {
        Pair pair = fullHandshake();
        pair.client.connection.updateKeys(true);
        pair.flush();
        for (Side side : List.of(pair.client, pair.server)) {
            side.assertErased("client_application_traffic_secret_0");
            side.assertAlive("client_application_traffic_secret_1");
            // update_requested: the server answered with a KeyUpdate of its own (RFC 8446 §4.6.3).
            side.assertErased("server_application_traffic_secret_0");
            side.assertAlive("server_application_traffic_secret_1");
        }
        assertEquals("after update", pair.send(pair.client, pair.server, "after update"));
        assertEquals("and back", pair.send(pair.server, pair.client, "and back"));
    }

    @Test
    void closeErasesTheClientsResumptionMasterSecretAndAllElse() throws Exception {
        Pair pair = fullHandshake();
        pair.client.connection.closeOutbound();
        pair.flush();
        // Half-closed: the server may still send data, a KeyUpdate or a ticket.
        pair.client.assertAlive("resumption_master_secret");
        pair.client.assertAlive("server_application_traffic_secret_0");
        assertEquals("late", pair.send(pair.server, pair.client, "late"));
        pair.server.connection.closeOutbound();
        pair.flush();
        assertTrue(pair.client.connection.isInboundClosed() && pair.server.connection.isInboundClosed());
        pair.client.assertEverythingErased();
        pair.server.assertEverythingErased();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pair.client.connection.handshaker().exportKeyingMaterial("EXPORTER-test", null, 16));
        assertEquals("keying material cannot be exported once the connection is closed", e.getMessage());
    }

    @Test
    void failedHandshakeErasesEverySecretItHeld() throws Exception {
        // The server requires a certificate the client does not have: it fails after its own
        // Finished, holding the Master Secret and the client's handshake traffic secret.
        Pair pair = new Pair(client(List.of(NamedGroup.X25519), Credentials.NONE), server(ClientAuth.REQUIRED))
                .handshake();
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED, pair.server.connection.failure().alert());
        assertEquals(FailureReason.CLIENT_CERTIFICATE_REQUIRED, pair.server.connection.failure().reason());
        assertTrue(pair.client.connection.failure() != null, "the client heard the alert");
        pair.server.only("master_secret");
        pair.server.assertEverythingErased();
        pair.client.assertEverythingErased();
    }

    @Test
    void clientAuthenticationErasesLikeAFullHandshake() throws Exception {
        Pair pair = new Pair(client(List.of(NamedGroup.X25519), TestPki.credentials(TestPki.keyStore(KeyKind.EC_P256))),
                server(ClientAuth.REQUIRED)).handshake();
        assertNull(pair.server.connection.failure());
        assertFalse(pair.server.connection.session().peerCertificates().isEmpty());
        assertHandshakePhaseErased(pair.client);
        assertHandshakePhaseErased(pair.server);
        pair.server.assertErased("resumption_master_secret");
        assertEquals("mutual", pair.send(pair.client, pair.server, "mutual"));
    }

    @Test
    void resumedHandshakeErasesThePskOnBothSidesAndStillWorks() throws Exception {
        fullHandshake();
        Pair resumed = new Pair(client(List.of(NamedGroup.X25519), Credentials.NONE), server(ClientAuth.NONE))
                .handshake();
        assertTrue(resumed.client.connection.session().resumed() && resumed.server.connection.session().resumed());
        for (Side side : List.of(resumed.client, resumed.server)) {
            side.assertErased("psk");
            assertHandshakePhaseErased(side);
        }
        assertEquals(2, resumed.client.all("early_secret").size(), "one Early Secret for the binder, one for the rest");
        resumed.server.assertErased("resumption_master_secret");
        assertEquals("resumed", resumed.send(resumed.client, resumed.server, "resumed"));
    }

    @Test
    void helloRetryRequestWithPskErasesEachEarlySecret() throws Exception {
        fullHandshake();
        // The client's one key share is for P-256; the server takes only X25519 and asks again.
        Pair retried = new Pair(client(List.of(NamedGroup.SECP256R1, NamedGroup.X25519), Credentials.NONE),
                server(ClientAuth.NONE)).handshake();
        assertTrue(retried.client.connection.session().resumed(), "resumed after HelloRetryRequest");
        assertEquals(3, retried.client.all("early_secret").size(), "binders for both ClientHellos, then the rest");
        for (Side side : List.of(retried.client, retried.server)) {
            side.assertErased("psk");
            assertHandshakePhaseErased(side);
        }
        assertEquals("retried", retried.send(retried.client, retried.server, "retried"));
    }
}
