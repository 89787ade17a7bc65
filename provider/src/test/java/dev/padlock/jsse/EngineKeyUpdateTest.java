package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * KeyUpdate (RFC 8446 §4.6.3) in the middle of a mebibyte flowing each way. beginHandshake()
 * after the handshake sends a KeyUpdate with update_requested (SunJSSE's behaviour), the peer
 * answers with its own, and every byte before and after arrives intact: a side that failed
 * to switch keys at the right record would fail the next record with bad_record_mac.
 */
class EngineKeyUpdateTest {
    private static final int MIB = 1 << 20;
    /** RFC 8446 §5.2: header, KeyUpdate (4 + 1 bytes), inner content type, 16-byte AEAD tag. */
    private static final int KEY_UPDATE_RECORD = 5 + 5 + 1 + 16;

    static Stream<Arguments> initiators() {
        List<Arguments> args = new ArrayList<>();
        for (Peers peers : Peers.values()) {
            for (String suite : EngineInteropTest.SUITES) {
                args.add(Arguments.of(peers, suite, true));
                args.add(Arguments.of(peers, suite, false));
            }
        }
        return args.stream();
    }

    /** Records each side's wraps that carried no application data: post-handshake messages. */
    private static final class Side {
        final SSLEngine engine;
        final ByteBuffer src;
        final ByteBuffer received;
        final List<Integer> messageRecords = new ArrayList<>();

        Side(SSLEngine engine, byte[] toSend) {
            this.engine = engine;
            this.src = ByteBuffer.wrap(toSend);
            this.received = ByteBuffer.allocate(MIB + engine.getSession().getApplicationBufferSize());
        }
    }

    @ParameterizedTest(name = "{0} {1} client initiates: {2}")
    @MethodSource("initiators")
    void keyUpdateBothWaysInTheMiddleOfAMebibyteEachWay(Peers peers, String suite, boolean clientInitiates)
            throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.client.setEnabledCipherSuites(new String[] {suite});
        pair.handshake();
        // flush whatever follows the handshake (SunJSSE's NewSessionTicket) before counting
        pair.send(new byte[] {1}, true);
        pair.send(new byte[] {2}, false);

        byte[] clientData = random(1);
        byte[] serverData = random(2);
        Side client = new Side(pair.client, clientData);
        Side server = new Side(pair.server, serverData);
        Side initiator = clientInitiates ? client : server;
        Side responder = clientInitiates ? server : client;
        boolean updated = false;
        int rounds = 0;
        while (client.src.hasRemaining() || server.src.hasRemaining() || needsWrap(client) || needsWrap(server)) {
            assertTrue(rounds++ < 1000, "transfer did not finish");
            if (!updated && initiator.src.position() >= MIB / 2) {
                initiator.engine.beginHandshake();
                assertEquals(HandshakeStatus.NEED_WRAP, initiator.engine.getHandshakeStatus(), "the KeyUpdate waits");
                updated = true;
            }
            leg(client, server);
            leg(server, client);
        }
        assertTrue(updated);
        assertArrayEquals(clientData, received(server), "client to server, byte for byte");
        assertArrayEquals(serverData, received(client), "server to client, byte for byte");
        boolean initiatorIsPadlock = clientInitiates ? peers.clientIsPadlock() : peers.serverIsPadlock();
        boolean responderIsPadlock = clientInitiates ? peers.serverIsPadlock() : peers.clientIsPadlock();
        assertKeyUpdate(initiator, initiatorIsPadlock, "one KeyUpdate from the initiator");
        assertKeyUpdate(responder, responderIsPadlock, "one KeyUpdate in answer");
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, pair.client.getHandshakeStatus());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, pair.server.getHandshakeStatus());
    }

    /** The answer to update_requested is update_not_requested: no third KeyUpdate follows. */
    @ParameterizedTest(name = "{0} {1} client initiates: {2}")
    @MethodSource("initiators")
    void repeatedKeyUpdatesKeepBothDirectionsInStep(Peers peers, String suite, boolean clientInitiates)
            throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.client.setEnabledCipherSuites(new String[] {suite});
        pair.handshake();
        SSLEngine initiator = clientInitiates ? pair.client : pair.server;
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            initiator.beginHandshake();
            byte[] data = new byte[1000 + i];
            random.nextBytes(data);
            assertArrayEquals(data, pair.send(data, clientInitiates));
            assertArrayEquals(data, pair.send(data, !clientInitiates));
        }
    }

    /** Padlock's KeyUpdate record is unpadded; SunJSSE pads its own, but it is still one short record. */
    private static void assertKeyUpdate(Side side, boolean padlock, String what) {
        assertEquals(1, side.messageRecords.size(), what + ": " + side.messageRecords);
        if (padlock) {
            assertEquals(KEY_UPDATE_RECORD, side.messageRecords.get(0), what);
        } else {
            assertTrue(side.messageRecords.get(0) < 64, what + ": " + side.messageRecords);
        }
    }

    private static boolean needsWrap(Side side) {
        return side.engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP;
    }

    /** One wrap on {@code from} (a record of data or a KeyUpdate), unwrapped by {@code to}. */
    private static void leg(Side from, Side to) throws Exception {
        if (!from.src.hasRemaining() && !needsWrap(from)) {
            return;
        }
        ByteBuffer net = ByteBuffer.allocate(from.engine.getSession().getPacketBufferSize());
        SSLEngineResult w = from.engine.wrap(from.src, net);
        assertEquals(Status.OK, w.getStatus());
        if (w.bytesConsumed() == 0) {
            from.messageRecords.add(w.bytesProduced());
        }
        net.flip();
        while (net.hasRemaining()) {
            SSLEngineResult u = to.engine.unwrap(net, to.received);
            assertEquals(Status.OK, u.getStatus(), u.toString());
        }
    }

    private static byte[] received(Side side) {
        ByteBuffer b = side.received.duplicate().flip();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static byte[] random(long seed) {
        byte[] data = new byte[MIB];
        new Random(seed).nextBytes(data);
        return data;
    }
}
