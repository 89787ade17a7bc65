package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * close_notify (RFC 8446 §6.1) and half-close. In TLS 1.3 a close_notify closes only its
 * sender's direction: SunJSSE's receiver reports CLOSED and isInboundDone() but does not
 * answer with its own close_notify, and may keep sending until it closes too. Padlock must
 * behave the same, whichever side closes first.
 */
class EngineCloseTest {

    static Stream<Arguments> closers() {
        List<Arguments> args = new ArrayList<>();
        for (Peers peers : Peers.values()) {
            args.add(Arguments.of(peers, true));
            args.add(Arguments.of(peers, false));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} client closes first: {1}")
    @MethodSource("closers")
    void halfCloseThenTheOtherSideSendsAndCloses(Peers peers, boolean clientFirst) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine first = clientFirst ? pair.client : pair.server;
        SSLEngine second = clientFirst ? pair.server : pair.client;

        first.closeOutbound();
        assertEquals(HandshakeStatus.NEED_WRAP, first.getHandshakeStatus(), "close_notify waits to be wrapped");
        assertFalse(first.isOutboundDone(), "not done until close_notify is out");
        ByteBuffer closeNotify = ByteBuffer.allocate(first.getSession().getPacketBufferSize());
        SSLEngineResult r = first.wrap(ByteBuffer.wrap(new byte[10]), closeNotify);
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(0, r.bytesConsumed(), "no data after closeOutbound");
        assertTrue(r.bytesProduced() > 0, "the close_notify record");
        assertTrue(first.isOutboundDone());
        assertFalse(first.isInboundDone(), "the closer still reads");

        SSLEngineResult after = first.wrap(ByteBuffer.wrap(new byte[10]), ByteBuffer.allocate(1 << 15));
        assertEquals(Status.CLOSED, after.getStatus());
        assertEquals(0, after.bytesConsumed());
        assertEquals(0, after.bytesProduced());

        closeNotify.flip();
        ByteBuffer app = ByteBuffer.allocate(second.getSession().getApplicationBufferSize());
        SSLEngineResult u = second.unwrap(closeNotify, app);
        assertEquals(Status.CLOSED, u.getStatus());
        assertEquals(0, u.bytesProduced());
        assertTrue(second.isInboundDone());
        assertFalse(second.isOutboundDone(), "TLS 1.3: receiving close_notify closes only that direction");
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, second.getHandshakeStatus(), "no close_notify in answer");
        second.closeInbound();

        byte[] reply = new byte[30_000];
        new Random(7).nextBytes(reply);
        assertArrayEquals(reply, pair.send(reply, !clientFirst), "the other side still sends");

        second.closeOutbound();
        ByteBuffer secondNotify = ByteBuffer.allocate(second.getSession().getPacketBufferSize());
        SSLEngineResult r2 = second.wrap(ByteBuffer.allocate(0), secondNotify);
        assertEquals(Status.CLOSED, r2.getStatus());
        assertTrue(r2.bytesProduced() > 0);
        assertTrue(second.isOutboundDone());
        secondNotify.flip();
        SSLEngineResult u2 = first.unwrap(secondNotify, ByteBuffer.allocate(first.getSession().getApplicationBufferSize()));
        assertEquals(Status.CLOSED, u2.getStatus());
        assertTrue(first.isInboundDone());
        first.closeInbound();

        for (SSLEngine e : List.of(first, second)) {
            assertTrue(e.isInboundDone() && e.isOutboundDone(), e.toString());
            assertEquals(HandshakeStatus.NOT_HANDSHAKING, e.getHandshakeStatus());
            SSLEngineResult unwrap = e.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(100));
            assertEquals(Status.CLOSED, unwrap.getStatus());
        }
    }

    @ParameterizedTest(name = "{0} client closes first: {1}")
    @MethodSource("closers")
    void closeInboundBeforeThePeersCloseNotifyIsAPossibleTruncation(Peers peers, boolean clientFirst)
            throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine engine = clientFirst ? pair.client : pair.server;
        SSLException e = assertThrows(SSLException.class, engine::closeInbound);
        assertTrue(e.getMessage().contains("before receiving peer's close_notify"), e.getMessage());
        assertTrue(engine.isInboundDone());
        // Neither provider hands out an alert for it: the engine has nothing to wrap, and a
        // closeOutbound afterwards still sends a plain close_notify.
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, engine.getHandshakeStatus());
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        assertEquals(0, engine.wrap(ByteBuffer.allocate(0), out).bytesProduced());
        engine.closeOutbound();
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), out);
        assertEquals(Status.CLOSED, r.getStatus());
        assertTrue(r.bytesProduced() > 0);
        out.flip();
        SSLEngine peer = clientFirst ? pair.server : pair.client;
        SSLEngineResult closed = peer.unwrap(out, ByteBuffer.allocate(peer.getSession().getApplicationBufferSize()));
        assertEquals(Status.CLOSED, closed.getStatus());
        assertTrue(peer.isInboundDone());
    }

    /** RFC 8446 §6.1: nothing follows close_notify, not even a KeyUpdate. */
    @ParameterizedTest(name = "{0} client closes first: {1}")
    @MethodSource("closers")
    void noKeyUpdateAfterCloseNotify(Peers peers, boolean clientFirst) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine engine = clientFirst ? pair.client : pair.server;
        engine.closeOutbound();
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        assertEquals(Status.CLOSED, engine.wrap(ByteBuffer.allocate(0), net).getStatus());
        int closeNotifyLength = net.position();
        assertThrows(SSLException.class, engine::beginHandshake);
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), net);
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(0, r.bytesProduced(), "nothing after close_notify");
        assertEquals(closeNotifyLength, net.position());
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, engine.getHandshakeStatus());
    }

    @ParameterizedTest(name = "{0} client closes first: {1}")
    @MethodSource("closers")
    void closeOutboundBeforeTheHandshakeSendsNothing(Peers peers, boolean client) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        SSLEngine engine = client ? pair.client : pair.server;
        engine.closeOutbound();
        assertTrue(engine.isOutboundDone());
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(1 << 15));
        assertEquals(Status.CLOSED, r.getStatus());
        assertEquals(0, r.bytesProduced());
    }
}
