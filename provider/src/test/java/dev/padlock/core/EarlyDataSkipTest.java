package dev.padlock.core;

import static dev.padlock.core.Hostile.decodeServerHello;
import static dev.padlock.core.Hostile.deliver;
import static dev.padlock.core.Hostile.drainRecords;
import static dev.padlock.core.Hostile.fragment;
import static dev.padlock.core.Hostile.handshakeRecord;
import static dev.padlock.core.Hostile.splitMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.HandshakeSecret;
import dev.padlock.crypto.ClientKeyShare;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.crypto.Transcript;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.record.RecordDecryptor;
import dev.padlock.record.RecordEncryptor;
import dev.padlock.record.RecordProtection;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.EarlyDataExtension;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareClientHello;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.KeyShareServerHello;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.PskIdentity;
import dev.padlock.wire.PskKeyExchangeMode;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.SupportedVersionsClientHello;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8446 §4.2.10: a server that does not accept early data skips the client's 0-RTT records,
 * those that fail to open under the handshake key (or, after a HelloRetryRequest, every
 * protected record before the second ClientHello), up to a bound, and then goes on with the
 * client's second flight as in any 1-RTT handshake. Beyond the bound, and without early_data
 * in the ClientHello, a record that does not open is bad_record_mac.
 *
 * <p>The client here is written out by hand from the RFC, because it must do what Padlock's own
 * client never does: offer early_data with a ticket the server cannot open, and send 0-RTT
 * records under the early traffic key that ticket's PSK gives.
 */
class EarlyDataSkipTest {
    private static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A TLS 1.3 client offering 0-RTT with a ticket from another server. */
    private static final class ZeroRttClient {
        final byte[] psk = new byte[32];
        final Transcript transcript = new Transcript();
        final byte[] random = new byte[32];
        RecordEncryptor earlyWriter;
        RecordEncryptor handshakeWriter;
        TrafficSecret clientHandshake;
        ClientKeyShare share;

        ZeroRttClient() {
            RANDOM.nextBytes(psk);
            RANDOM.nextBytes(random);
            transcript.begin(SUITE);
        }

        /** A ClientHello with a key share for {@code shareGroup} and, if asked, early_data. */
        Bytes hello(NamedGroup shareGroup, boolean earlyData) {
            share = KeyExchanges.of(shareGroup).start(RANDOM);
            List<Extension> ext = new ArrayList<>(List.of(
                    new SupportedVersionsClientHello(List.of(ProtocolVersion.TLSV1_3)),
                    new SupportedGroupsExtension(List.of(NamedGroup.X25519, NamedGroup.SECP256R1)),
                    new SignatureAlgorithmsExtension(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                            SignatureScheme.RSA_PSS_RSAE_SHA256)),
                    new KeyShareClientHello(List.of(new KeyShareEntry(shareGroup, share.keyShare()))),
                    new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.PSK_DHE_KE))));
            if (earlyData) {
                ext.add(new EarlyDataExtension());
            }
            // A ticket sealed by another server: this one cannot open it, so it never checks the binder.
            byte[] ticket = new byte[120];
            RANDOM.nextBytes(ticket);
            ext.add(new PreSharedKeyClientHello(List.of(new PskIdentity(Bytes.wrap(ticket), 1234)),
                    List.of(Bytes.wrap(new byte[SUITE.hashLength()]))));
            Bytes hello = new ClientHello(ProtocolVersion.TLSV1_2, Bytes.wrap(random), Bytes.EMPTY,
                    List.of(SUITE.suite()), Bytes.of((byte) 0), ext).encode();
            transcript.add(hello);
            if (earlyData) {
                // RFC 8446 §7.1: client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello).
                TrafficSecret early = EarlySecret.withPsk(SUITE, PreSharedKey.copyOf(psk, 0, psk.length)).clientEarlyTrafficSecret(transcript.currentHash());
                earlyWriter = RecordProtection.encryptor(Tls13RecordKeys.of(early));
            }
            return hello;
        }

        /** A 0-RTT record of application data under the early traffic key. */
        ByteBuffer earlyData(String text) {
            Bytes content = Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer record = ByteBuffer.allocate(earlyWriter.sealedLength(content.length(), 0));
            earlyWriter.seal(ContentType.APPLICATION_DATA, content.asBuffer(), 0, record);
            return record.flip();
        }

        /** Reads the server's flight and answers with Finished, protected under the handshake key. */
        ByteBuffer finish(List<ByteBuffer> serverRecords) {
            return protect(finishedMessage(serverRecords));
        }

        /** {@code content} as the next handshake record under the client's handshake key. */
        ByteBuffer protect(Bytes content) {
            ByteBuffer record = ByteBuffer.allocate(handshakeWriter.sealedLength(content.length(), 0));
            handshakeWriter.seal(ContentType.HANDSHAKE, content.asBuffer(), 0, record);
            return record.flip();
        }

        /** Reads the server's flight; returns the client's Finished message. */
        Bytes finishedMessage(List<ByteBuffer> serverRecords) {
            List<Bytes> hello = splitMessages(fragment(serverRecords.get(0)));
            ServerHello sh = decodeServerHello(hello.get(0));
            transcript.add(hello.get(0));
            Bytes serverShare = sh.extension(KeyShareServerHello.class).orElseThrow().share().keyExchange();
            // The server did not take the PSK: the key schedule starts without it (§7.1).
            HandshakeSecret hs = EarlySecret.withoutPsk(SUITE).handshakeSecret(share.finish(serverShare));
            byte[] helloHash = transcript.currentHash();
            clientHandshake = hs.clientHandshakeTrafficSecret(helloHash);
            RecordDecryptor reader = RecordProtection.decryptor(
                    Tls13RecordKeys.of(hs.serverHandshakeTrafficSecret(helloHash)));
            ByteBuffer content = ByteBuffer.allocate(1 << 16);
            for (ByteBuffer record : serverRecords.subList(1, serverRecords.size())) {
                if (record.get(0) == ContentType.CHANGE_CIPHER_SPEC.code()) {
                    continue;
                }
                assertEquals(ContentType.HANDSHAKE, reader.open(record.duplicate(), content));
            }
            List<Bytes> flight = splitMessages(Bytes.of(content.array(), 0, content.position()));
            EncryptedExtensions ee = (EncryptedExtensions) HandshakeCodec.decode(HandshakeType.ENCRYPTED_EXTENSIONS,
                    flight.get(0).slice(4, flight.get(0).length()), 0);
            assertFalse(ee.extensions().stream().anyMatch(e -> e.type().equals(ExtensionType.EARLY_DATA)),
                    "the server does not accept early data");
            for (Bytes message : flight) {
                transcript.add(message);
            }
            handshakeWriter = RecordProtection.encryptor(Tls13RecordKeys.of(clientHandshake));
            return new Finished(Bytes.wrap(clientHandshake.verifyData(transcript.currentHash()))).encode();
        }
    }

    private static TlsConnection server(List<NamedGroup> groups) {
        TlsConnection server = new TlsConnection(Config.of(Hostile.serverConfig(KeyKind.EC_P256, groups,
                ClientAuth.NONE)), Hostile.session());
        server.start();
        return server;
    }

    private static ByteBuffer garbage(int length) {
        byte[] body = new byte[length];
        RANDOM.nextBytes(body);
        return Hostile.rawRecord(ContentType.APPLICATION_DATA.code(), length, body);
    }

    @Test
    void serverSkipsEarlyDataAndGarbageItCannotOpenThenCompletesTheHandshake() {
        TlsConnection server = server(List.of(NamedGroup.X25519));
        ZeroRttClient client = new ZeroRttClient();
        deliver(server, handshakeRecord(client.hello(NamedGroup.X25519, true)));
        assertEquals(0, deliver(server, client.earlyData("GET / HTTP/1.1\r\n"), garbage(200),
                client.earlyData("Host: localhost\r\n\r\n"), garbage(17)));
        assertEquals(null, server.failure());

        deliver(server, client.finish(drainRecords(server)));
        assertTrue(server.isHandshakeComplete());
        assertEquals(null, server.failure());
    }

    @Test
    void serverSkipsProtectedRecordsAfterItsHelloRetryRequestUntilTheSecondClientHello() {
        TlsConnection server = server(List.of(NamedGroup.SECP256R1));
        ZeroRttClient client = new ZeroRttClient();
        Bytes first = client.hello(NamedGroup.X25519, true);
        deliver(server, handshakeRecord(first));
        List<ByteBuffer> retry = drainRecords(server);
        Bytes hrr = fragment(retry.get(0));
        assertTrue(decodeServerHello(hrr).isHelloRetryRequest());
        assertEquals(0, deliver(server, client.earlyData("0-RTT"), garbage(300)));
        assertEquals(null, server.failure());

        // §4.4.1: the transcript goes on from message_hash(ClientHello1) and the HelloRetryRequest.
        client.transcript.replaceWithMessageHash();
        client.transcript.add(hrr);
        deliver(server, handshakeRecord(client.hello(NamedGroup.SECP256R1, false)));
        deliver(server, client.finish(drainRecords(server)));
        assertTrue(server.isHandshakeComplete());
    }

    @Test
    void serverFailsWithBadRecordMacOnceTheSkippedDataPassesTheBound() {
        TlsConnection server = server(List.of(NamedGroup.X25519));
        ZeroRttClient client = new ZeroRttClient();
        deliver(server, handshakeRecord(client.hello(NamedGroup.X25519, true)));
        deliver(server, garbage(TlsConnection.MAX_SKIPPED_EARLY_DATA / 2 + 17));
        deliver(server, garbage(TlsConnection.MAX_SKIPPED_EARLY_DATA / 2 + 17));
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(server, garbage(100)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert());
        assertEquals(FailureReason.EARLY_DATA_SKIP_LIMIT, f.reason());
        assertTrue(f.getMessage().contains("RFC 8446 §4.2.10"), f.getMessage());
    }

    @Test
    void afterHelloRetryRequestTheBoundHoldsToo() {
        TlsConnection server = server(List.of(NamedGroup.SECP256R1));
        ZeroRttClient client = new ZeroRttClient();
        deliver(server, handshakeRecord(client.hello(NamedGroup.X25519, true)));
        drainRecords(server);
        deliver(server, garbage(TlsConnection.MAX_SKIPPED_EARLY_DATA + 17));
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(server, garbage(100)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert());
        assertEquals(FailureReason.EARLY_DATA_SKIP_LIMIT, f.reason());
    }

    @Test
    void withoutEarlyDataARecordThatDoesNotOpenIsBadRecordMacAtOnce() {
        TlsConnection server = server(List.of(NamedGroup.X25519));
        ZeroRttClient client = new ZeroRttClient();
        deliver(server, handshakeRecord(client.hello(NamedGroup.X25519, false)));
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(server, garbage(40)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert());
        assertEquals(FailureReason.RECORD_MAC, f.reason());
    }

    @Test
    void onceARecordOpensUnderTheHandshakeKeySkippingEnds() {
        TlsConnection server = server(List.of(NamedGroup.X25519));
        ZeroRttClient client = new ZeroRttClient();
        deliver(server, handshakeRecord(client.hello(NamedGroup.X25519, true)));
        deliver(server, garbage(100));
        Bytes finished = client.finishedMessage(drainRecords(server));
        // The first part of Finished opens: the second flight has begun (§4.2.10), so a record
        // that does not open is no longer skipped.
        deliver(server, client.protect(finished.slice(0, 10)));
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(server, garbage(40)));
        assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert());
        assertEquals(FailureReason.RECORD_MAC, f.reason());
        assertFalse(server.isHandshakeComplete());
    }
}
