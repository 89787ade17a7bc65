package dev.padlock.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.record.RecordHeader;
import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.Extension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tools for the hostile-input catalogue: configurations, plaintext records, message surgery,
 * and the check every rejection test ends with — the exact {@link TlsFailure} and exactly one
 * fatal alert record queued for the peer.
 */
final class Hostile {
    private Hostile() {
    }

    static HandshakeConfig clientConfig() {
        return ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED, ConnectionPair.ALL_GROUPS,
                ClientAuth.NONE, List.of());
    }

    static HandshakeConfig serverConfig() {
        return serverConfig(KeyKind.EC_P256, ConnectionPair.ALL_GROUPS, ClientAuth.NONE);
    }

    static HandshakeConfig serverConfig(KeyKind key, List<NamedGroup> groups, ClientAuth auth) {
        return ConnectionPair.make(false, TestPki.keyStore(key), CipherSuiteSpec.SUPPORTED, groups, auth, List.of());
    }

    /** {@code b} with other suites, groups and signature schemes (null keeps the base's). */
    static HandshakeConfig with(HandshakeConfig b, List<CipherSuiteSpec> suites, List<NamedGroup> groups,
            List<SignatureScheme> schemes) {
        return b.toBuilder().cipherSuites(suites != null ? suites : b.cipherSuites())
                .namedGroups(groups != null ? groups : b.namedGroups())
                .signatureSchemes(schemes != null ? schemes : b.signatureSchemes()).build();
    }

    static TlsSession session() {
        return new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443);
    }

    static TlsConnection connection(HandshakeConfig config) {
        return new TlsConnection(Config.of(config), session());
    }

    // ---- records -------------------------------------------------------------------------

    static ByteBuffer plaintextRecord(ContentType type, Bytes fragment) {
        ByteBuffer record = ByteBuffer.allocate(RecordHeader.HEADER_LENGTH + fragment.length());
        RecordHeader.writePlaintext(type, fragment.asBuffer(), record);
        return record.flip();
    }

    static ByteBuffer handshakeRecord(Bytes messages) {
        return plaintextRecord(ContentType.HANDSHAKE, messages);
    }

    /** A record header followed by {@code body}, whatever the length field claims. */
    static ByteBuffer rawRecord(int type, int claimedLength, byte[] body) {
        ByteBuffer record = ByteBuffer.allocate(RecordHeader.HEADER_LENGTH + body.length);
        record.put((byte) type).putShort((short) 0x0303).putShort((short) claimedLength).put(body);
        return record.flip();
    }

    /** Every record queued by {@code c}, one buffer each. */
    static List<ByteBuffer> drainRecords(TlsConnection c) {
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        c.drainOutbound(wire);
        wire.flip();
        List<ByteBuffer> records = new ArrayList<>();
        while (wire.hasRemaining()) {
            int length = RecordHeader.peekRecordLength(wire);
            ByteBuffer record = ByteBuffer.allocate(length);
            ByteBuffer slice = wire.duplicate();
            slice.limit(wire.position() + length);
            record.put(slice).flip();
            wire.position(wire.position() + length);
            records.add(record);
        }
        return records;
    }

    /** Feeds each record to {@code to}; returns the application bytes delivered. */
    static int deliver(TlsConnection to, ByteBuffer... records) {
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        int n = 0;
        for (ByteBuffer record : records) {
            n += to.receive(record, new ByteBuffer[] {sink}, 0, 1);
        }
        return n;
    }

    static int deliver(TlsConnection to, List<ByteBuffer> records) {
        return deliver(to, records.toArray(new ByteBuffer[0]));
    }

    /** The fragment of a plaintext record. */
    static Bytes fragment(ByteBuffer record) {
        ByteBuffer content = ByteBuffer.allocate(RecordHeader.MAX_PLAINTEXT);
        RecordHeader.readPlaintext(record.duplicate(), content);
        return Bytes.of(content.array(), 0, content.position());
    }

    /** The whole handshake messages in {@code data}, headers included. */
    static List<Bytes> splitMessages(Bytes data) {
        List<Bytes> messages = new ArrayList<>();
        int pos = 0;
        while (pos < data.length()) {
            int length = ((data.get(pos + 1) & 0xFF) << 16) | ((data.get(pos + 2) & 0xFF) << 8)
                    | (data.get(pos + 3) & 0xFF);
            messages.add(data.slice(pos, pos + 4 + length));
            pos += 4 + length;
        }
        return messages;
    }

    // ---- message surgery -------------------------------------------------------------------

    /** A started client's ClientHello message, header included. */
    static Bytes clientHelloOf(TlsConnection client) {
        client.start();
        return fragment(drainRecords(client).get(0));
    }

    static ClientHello decodeClientHello(Bytes message) {
        return (ClientHello) HandshakeCodec.decode(HandshakeType.CLIENT_HELLO, message.slice(4, message.length()), 0);
    }

    static ServerHello decodeServerHello(Bytes message) {
        return (ServerHello) HandshakeCodec.decode(HandshakeType.SERVER_HELLO, message.slice(4, message.length()), 0);
    }

    static ClientHello withExtensions(ClientHello ch, List<Extension> extensions) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), ch.cipherSuites(),
                ch.legacyCompressionMethods(), extensions);
    }

    static ServerHello withExtensions(ServerHello sh, List<Extension> extensions) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), sh.cipherSuite(),
                sh.legacyCompressionMethod(), extensions);
    }

    static List<Extension> without(List<Extension> extensions, ExtensionType type) {
        List<Extension> kept = new ArrayList<>();
        for (Extension e : extensions) {
            if (!e.type().equals(type)) {
                kept.add(e);
            }
        }
        assertEquals(extensions.size() - 1, kept.size(), "exactly one " + type + " removed");
        return kept;
    }

    /** {@code extensions} with the one of {@code replacement}'s type replaced in place. */
    static List<Extension> replacing(List<Extension> extensions, Extension replacement) {
        List<Extension> out = new ArrayList<>();
        for (Extension e : extensions) {
            out.add(e.type().equals(replacement.type()) ? replacement : e);
        }
        return out;
    }

    static List<Extension> plus(List<Extension> extensions, Extension extra) {
        List<Extension> out = new ArrayList<>(extensions);
        out.add(extra);
        return out;
    }

    /** A handshake message of {@code type} around {@code body}, the length field computed. */
    static Bytes message(HandshakeType type, Bytes body) {
        byte[] out = new byte[4 + body.length()];
        out[0] = (byte) type.code();
        out[1] = (byte) (body.length() >>> 16);
        out[2] = (byte) (body.length() >>> 8);
        out[3] = (byte) body.length();
        body.copyTo(out, 4);
        return Bytes.wrap(out);
    }

    static Bytes body(Bytes message) {
        return message.slice(4, message.length());
    }

    static Bytes setByte(Bytes data, int index, int value) {
        byte[] b = data.toByteArray();
        b[index] = (byte) value;
        return Bytes.wrap(b);
    }

    static Bytes flipBit(Bytes data, int index) {
        return setByte(data, index, data.get(index) ^ 0x01);
    }

    // ---- the one check -----------------------------------------------------------------------

    /**
     * Feeds {@code records} to {@code victim}, which must fail with {@code alert} because of the
     * check {@code reason} names (many checks share an alert: the reason proves which one fired).
     */
    static TlsFailure assertRejects(TlsConnection victim, AlertDescription alert, FailureReason reason,
            ByteBuffer... records) {
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(victim, records));
        assertEquals(alert, f.alert(), () -> "alert for: " + f.getMessage());
        assertEquals(reason, f.reason(), () -> "reason for: " + f.getMessage());
        assertSame(f, victim.failure());
        assertFalse(victim.failureFromPeer());
        assertTrue(victim.isOutboundClosed());
        return f;
    }

    /** The victim's only queued record is the unprotected fatal alert {@code alert}. */
    static void assertPlaintextAlertQueued(TlsConnection victim, AlertDescription alert) {
        List<ByteBuffer> records = drainRecords(victim);
        assertEquals(1, records.size(), "exactly one record after the failure");
        Bytes expected = Bytes.wrap(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, (byte) alert.code()});
        assertEquals(expected, Bytes.wrap(records.get(0).array()), "fatal " + alert.name() + " in the clear");
    }

    /** The victim's only queued record is the fatal alert {@code alert}, protected for {@code peer}. */
    static void assertProtectedAlertQueued(TlsConnection victim, ScriptedPeer peer, AlertDescription alert) {
        List<ByteBuffer> records = drainRecords(victim);
        assertEquals(1, records.size(), "exactly one record after the failure");
        assertEquals(ContentType.APPLICATION_DATA.code(), records.get(0).get(0) & 0xFF, "protected record");
        ScriptedPeer.Opened opened = peer.open(records.get(0));
        assertEquals(ContentType.ALERT, opened.type());
        assertEquals(Bytes.of((byte) 2, (byte) alert.code()), opened.content(), "fatal " + alert.name());
    }

    /** Both halves: the exact failure and the one unprotected alert. */
    static TlsFailure assertRejectedInTheClear(TlsConnection victim, AlertDescription alert, FailureReason reason,
            ByteBuffer... records) {
        TlsFailure f = assertRejects(victim, alert, reason, records);
        assertPlaintextAlertQueued(victim, alert);
        return f;
    }

    /** Both halves: the exact failure and the one protected alert, opened by {@code peer}. */
    static TlsFailure assertRejectedProtected(TlsConnection victim, ScriptedPeer peer, AlertDescription alert,
            FailureReason reason, ByteBuffer... records) {
        TlsFailure f = assertRejects(victim, alert, reason, records);
        assertProtectedAlertQueued(victim, peer, alert);
        return f;
    }
}
