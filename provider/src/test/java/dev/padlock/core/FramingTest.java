package dev.padlock.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the core tells the adapters about records, so that they frame nothing themselves: where
 * a record ends, how much room its application data needs, how long a sealed record is, the
 * records of a byte stream; and that installing record protection leaves no key behind.
 */
class FramingTest {
    private static final int TLS13_OVERHEAD = 5 + 1 + CipherSuiteSpec.TAG_LENGTH;

    @Test
    void nextRecordLengthReadsTheHeaderWithoutConsumingIt() {
        TlsConnection connection = new TlsConnection(Config.of(Hostile.clientConfig()), Hostile.session());
        ByteBuffer src = ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 40, 1, 2});
        assertEquals(45, connection.nextRecordLength(src));
        assertEquals(0, src.position());
        assertEquals(-1, connection.nextRecordLength(ByteBuffer.wrap(new byte[] {23, 3, 3, 0})), "short header");
        // RFC 8446 §5.2: more than 2^14 + 256 bytes is record_overflow, whatever the epoch.
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> connection.nextRecordLength(ByteBuffer.wrap(new byte[] {23, 3, 3, 0x41, 1})));
        assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert());
        assertEquals(FailureReason.CIPHERTEXT_TOO_LONG, f.reason());
    }

    @Test
    void roomToReceiveIsTheMostContentARecordCarries() {
        ConnectionPair pair = pair();
        assertTrue(pair.client.hasRoomToReceive(TlsConnection.MAX_RECORD_LENGTH, new ByteBuffer[] {ByteBuffer.allocate(0)},
                0, 1), "while handshaking only handshake records arrive: any room will do");
        pair.handshake();
        int recordLength = 100 + TLS13_OVERHEAD;
        ByteBuffer[] exact = {ByteBuffer.allocate(60), ByteBuffer.allocate(40)};
        assertTrue(pair.client.hasRoomToReceive(recordLength, exact, 0, 2));
        assertFalse(pair.client.hasRoomToReceive(recordLength, exact, 0, 1));
        // However much padding a record has, its content is at most 2^14 (RFC 8446 §5.4).
        assertTrue(pair.client.hasRoomToReceive(TlsConnection.MAX_RECORD_LENGTH,
                new ByteBuffer[] {ByteBuffer.allocate(1 << 14)}, 0, 1));
    }

    @Test
    void sealedLengthIsWhatSealWritesAndCapsAtOneRecord() {
        ConnectionPair pair = pair();
        assertThrows(IllegalStateException.class, () -> pair.client.sealedLength(10), "no keys before the handshake");
        pair.handshake();
        for (int available : new int[] {0, 1, 1000, 1 << 14, (1 << 14) + 1, 1 << 20}) {
            ByteBuffer dst = ByteBuffer.allocate(TlsConnection.MAX_RECORD_LENGTH);
            int expected = pair.client.sealedLength(available);
            assertEquals(Math.min(available, 1 << 14) + TLS13_OVERHEAD, expected, available + " bytes offered");
            pair.client.seal(new ByteBuffer[] {ByteBuffer.allocate(available)}, 0, 1, dst);
            assertEquals(expected, dst.position(), available + " bytes offered");
        }
    }

    @Test
    void recordStreamHandsOverTheRecordsOfAByteStreamInAnyChunks() {
        ConnectionPair pair = pair();
        pair.client.start();
        pair.server.start();
        ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        pair.client.drainOutbound(wire);
        wire.flip();
        RecordStream stream = new RecordStream();
        List<Integer> lengths = new ArrayList<>();
        while (wire.hasRemaining() || stream.hasRecord()) {
            if (stream.hasRecord()) {
                ByteBuffer record = stream.nextRecord();
                lengths.add(record.remaining());
                pair.server.receive(record, new ByteBuffer[] {ByteBuffer.allocate(0)}, 0, 1);
            } else {
                ByteBuffer chunk = wire.duplicate().limit(Math.min(wire.limit(), wire.position() + 7));
                wire.position(wire.position() + stream.offer(chunk));
            }
        }
        assertEquals(1, lengths.size(), "one ClientHello record");
        assertEquals(0, stream.pendingBytes());
        assertTrue(pair.server.hasOutbound(), "the server answered the ClientHello");
    }

    @Test
    void installedKeysAreDestroyedOnceTheRecordCipherHoldsThem() {
        TlsConnection connection = new TlsConnection(Config.of(Hostile.clientConfig()), Hostile.session());
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        byte[] psk = new byte[32];
        var early = EarlySecret.withPsk(suite, PreSharedKey.copyOf(psk, 0, psk.length));
        Tls13RecordKeys read = Tls13RecordKeys.of(early.clientEarlyTrafficSecret(new byte[32]));
        Tls13RecordKeys write = Tls13RecordKeys.of(early.clientEarlyTrafficSecret(new byte[32]));
        connection.installReadKeys(read);
        connection.installWriteKeys(write);
        assertTrue(read.isDestroyed());
        assertTrue(write.isDestroyed());
        assertFalse(read.secret().isDestroyed(), "the traffic secret stays the handshake's to erase");
    }

    @Test
    void theCompletionSummaryNamesTheVersionTheHandshakeNegotiated() {
        List<String> summaries = new ArrayList<>();
        ConnectionObserver observer = new ConnectionObserver() {
            @Override
            public void handshakeComplete(String summary) {
                summaries.add(summary);
            }
        };
        TlsConnection client = new TlsConnection(Config.of(Hostile.clientConfig(), observer), Hostile.session());
        TlsConnection server = new TlsConnection(Config.of(Hostile.serverConfig(KeyKind.EC_P256,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE)), Hostile.session());
        client.start();
        server.start();
        while (ConnectionPair.transfer(client, server, b -> b) | ConnectionPair.transfer(server, client, b -> b)) {
            // until nothing moves
        }
        assertEquals(1, summaries.size());
        assertTrue(summaries.get(0).startsWith("TLSv1.3 TLS_"), summaries.get(0));
        assertEquals("TLSv1_3", client.session().protocolVersion().name());
        assertEquals("TLSv1.3", server.session().protocolVersion().standardName());
    }

    private static ConnectionPair pair() {
        return new ConnectionPair(Hostile.clientConfig(), Hostile.serverConfig(KeyKind.EC_P256,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE));
    }
}
