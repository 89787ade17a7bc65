package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SSLEngine buffer contract, in the manner of the JDK's SSLEngine template test: input
 * arriving one byte at a time, destinations too small, buffer arrays with offsets, heap and
 * direct buffers, data longer than a record, several records in one input. Every assertion is
 * about a Padlock engine; the peer is Padlock or SunJSSE.
 */
class EngineBufferContractTest {
    private static final int MAX_PLAINTEXT = 1 << 14;

    @ParameterizedTest
    @EnumSource(Peers.class)
    void handshakeAndDataFedOneByteAtATime(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.client.beginHandshake();
        pair.server.beginHandshake();
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);
        for (int round = 0; ; round++) {
            assertTrue(round < 50, "handshake did not finish");
            boolean progress = wrapAll(pair.client, toServer) | wrapAll(pair.server, toClient);
            progress |= feed(pair.server, toServer, peers.serverIsPadlock());
            progress |= feed(pair.client, toClient, peers.clientIsPadlock());
            if (!handshaking(pair.client) && !handshaking(pair.server) && toServer.position() == 0
                    && toClient.position() == 0) {
                break;
            }
            assertTrue(progress, "stalled: " + pair.client.getHandshakeStatus() + " " + pair.server.getHandshakeStatus());
        }
        for (boolean fromClient : new boolean[] {true, false}) {
            SSLEngine from = fromClient ? pair.client : pair.server;
            SSLEngine to = fromClient ? pair.server : pair.client;
            byte[] data = random(40_000, fromClient ? 1 : 2);
            ByteBuffer src = ByteBuffer.wrap(data);
            ByteBuffer wire = ByteBuffer.allocate(1 << 16);
            while (src.hasRemaining()) {
                assertEquals(Status.OK, from.wrap(src, wire).getStatus());
            }
            ByteBuffer received = ByteBuffer.allocate(data.length + to.getSession().getApplicationBufferSize());
            feedInto(to, wire, received, fromClient ? peers.serverIsPadlock() : peers.clientIsPadlock());
            assertEquals(0, wire.position(), "every byte was taken");
            assertArrayEquals(data, Arrays.copyOf(received.array(), received.position()));
        }
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void wrapIntoTooSmallBufferOverflowsAndConsumesNothing(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        if (peers.clientIsPadlock()) {
            ByteBuffer tiny = ByteBuffer.allocate(10);
            SSLEngineResult r = pair.client.wrap(ByteBuffer.allocate(0), tiny);
            assertResult(r, Status.BUFFER_OVERFLOW, 0, 0);
            assertEquals(0, tiny.position());
            assertEquals(HandshakeStatus.NEED_WRAP, pair.client.getHandshakeStatus(), "the ClientHello still waits");
        }
        pair.handshake();
        SSLEngine padlock = peers.clientIsPadlock() ? pair.client : pair.server;
        ByteBuffer src = ByteBuffer.wrap(random(1000, 3));
        ByteBuffer small = ByteBuffer.allocate(100);
        assertResult(padlock.wrap(src, small), Status.BUFFER_OVERFLOW, 0, 0);
        assertEquals(0, src.position());
        assertEquals(0, small.position());
        // RFC 8446 §5.2: header, data, inner content type, 16-byte tag
        ByteBuffer exact = ByteBuffer.allocate(5 + 1000 + 1 + 16);
        assertResult(padlock.wrap(src, exact), Status.OK, 1000, exact.capacity());
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void unwrapIntoTooSmallBufferOverflowsThenSucceedsWithABiggerOne(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine padlock = peers.serverIsPadlock() ? pair.server : pair.client;
        SSLEngine peer = padlock == pair.server ? pair.client : pair.server;
        byte[] data = random(1000, 4);
        ByteBuffer net = ByteBuffer.allocate(peer.getSession().getPacketBufferSize());
        peer.wrap(ByteBuffer.wrap(data), net);
        net.flip();
        int length = net.remaining();
        ByteBuffer small = ByteBuffer.allocate(100);
        assertResult(padlock.unwrap(net, small), Status.BUFFER_OVERFLOW, 0, 0);
        assertEquals(0, net.position(), "the record stays in the input");
        assertEquals(0, small.position());
        ByteBuffer big = ByteBuffer.allocate(padlock.getSession().getApplicationBufferSize());
        assertResult(padlock.unwrap(net, big), Status.OK, length, 1000);
        assertArrayEquals(data, Arrays.copyOf(big.array(), 1000));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void wrapGathersOnlyFromTheGivenSliceOfTheArray(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine padlock = peers.clientIsPadlock() ? pair.client : pair.server;
        SSLEngine peer = padlock == pair.client ? pair.server : pair.client;
        byte[] data = random(3 * 8000, 5);
        ByteBuffer[] srcs = {ByteBuffer.wrap(random(100, 6)), ByteBuffer.wrap(data, 0, 8000).slice(),
            ByteBuffer.wrap(data, 8000, 8000).slice(), ByteBuffer.wrap(data, 16000, 8000).slice(),
            ByteBuffer.wrap(random(100, 7))};
        ByteBuffer net = ByteBuffer.allocate(2 * padlock.getSession().getPacketBufferSize());
        assertResult(padlock.wrap(srcs, 1, 3, net), Status.OK, MAX_PLAINTEXT, -1);
        assertEquals(8000, srcs[1].position());
        assertEquals(8000, srcs[2].position());
        assertEquals(MAX_PLAINTEXT - 16000, srcs[3].position());
        assertResult(padlock.wrap(srcs, 1, 3, net), Status.OK, data.length - MAX_PLAINTEXT, -1);
        assertEquals(0, srcs[0].position(), "before the slice: untouched");
        assertEquals(0, srcs[4].position(), "after the slice: untouched");
        ByteBuffer received = ByteBuffer.allocate(data.length + peer.getSession().getApplicationBufferSize());
        feedInto(peer, net, received, false);
        assertEquals(0, net.position(), "every byte was taken");
        assertArrayEquals(data, Arrays.copyOf(received.array(), received.position()));
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void unwrapScattersOnlyIntoTheGivenSliceOfTheArray(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLEngine padlock = peers.serverIsPadlock() ? pair.server : pair.client;
        SSLEngine peer = padlock == pair.server ? pair.client : pair.server;
        byte[] data = random(15_000, 8);
        ByteBuffer net = ByteBuffer.allocate(peer.getSession().getPacketBufferSize());
        peer.wrap(ByteBuffer.wrap(data), net);
        net.flip();
        ByteBuffer[] dsts = {filled(50), filled(1000), filled(2000), filled(20_000), filled(50)};
        dsts[3].position(5).limit(19_000);
        SSLEngineResult r = padlock.unwrap(net, dsts, 1, 3);
        assertResult(r, Status.OK, net.limit(), data.length);
        assertEquals(1000, dsts[1].position());
        assertEquals(2000, dsts[2].position());
        assertEquals(5 + 12_000, dsts[3].position());
        byte[] got = new byte[data.length];
        System.arraycopy(dsts[1].array(), 0, got, 0, 1000);
        System.arraycopy(dsts[2].array(), 0, got, 1000, 2000);
        System.arraycopy(dsts[3].array(), 5, got, 3000, 12_000);
        assertArrayEquals(data, got);
        for (int i : new int[] {0, 4}) {
            assertEquals(0, dsts[i].position());
            assertTrue(untouched(dsts[i].array(), 0, 50), "buffer " + i);
        }
        assertTrue(untouched(dsts[3].array(), 0, 5), "before the position");
        assertTrue(untouched(dsts[3].array(), 5 + 12_000, 20_000), "after what was written");
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void directBuffersCarryDataLongerThanARecord(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        for (boolean fromClient : new boolean[] {true, false}) {
            SSLEngine from = fromClient ? pair.client : pair.server;
            SSLEngine to = fromClient ? pair.server : pair.client;
            boolean padlockSends = fromClient ? peers.clientIsPadlock() : peers.serverIsPadlock();
            for (IntFunction<ByteBuffer> alloc : List.<IntFunction<ByteBuffer>>of(ByteBuffer::allocate,
                    ByteBuffer::allocateDirect)) {
                byte[] data = random(40_000, 9);
                ByteBuffer src = alloc.apply(data.length).put(data).flip();
                ByteBuffer net = alloc.apply(3 * from.getSession().getPacketBufferSize());
                int[] expected = {MAX_PLAINTEXT, MAX_PLAINTEXT, data.length - 2 * MAX_PLAINTEXT};
                int[] lengths = new int[3];
                for (int i = 0; i < 3; i++) {
                    int before = net.position();
                    SSLEngineResult r = from.wrap(src, net);
                    if (padlockSends) {
                        assertResult(r, Status.OK, expected[i], expected[i] + 5 + 1 + 16);
                    }
                    lengths[i] = net.position() - before;
                }
                assertEquals(0, src.remaining());
                net.flip();
                ByteBuffer app = alloc.apply(data.length + to.getSession().getApplicationBufferSize());
                boolean padlockReceives = !padlockSends || peers == Peers.PADLOCK_BOTH;
                for (int i = 0; i < 3; i++) {
                    int before = net.position();
                    SSLEngineResult r = to.unwrap(net, app);
                    if (padlockReceives) {
                        // several records in one input: exactly one is consumed per call
                        assertResult(r, Status.OK, lengths[i], r.bytesProduced());
                        assertEquals(before + lengths[i], net.position());
                    }
                }
                assertEquals(0, net.remaining());
                byte[] got = new byte[app.flip().remaining()];
                app.get(got);
                assertArrayEquals(data, got);
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static boolean handshaking(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs != HandshakeStatus.NOT_HANDSHAKING && hs != HandshakeStatus.FINISHED;
    }

    private static boolean wrapAll(SSLEngine from, ByteBuffer wire) throws Exception {
        boolean progress = false;
        while (from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult r = from.wrap(ByteBuffer.allocate(0), wire);
            runTasks(from);
            if (r.bytesProduced() == 0) {
                break;
            }
            progress = true;
        }
        return progress;
    }

    private static boolean feed(SSLEngine to, ByteBuffer wire, boolean oneByteAtATime) throws Exception {
        int before = wire.position();
        feedInto(to, wire, ByteBuffer.allocate(1 << 16), oneByteAtATime);
        return wire.position() != before;
    }

    /**
     * Unwraps what it can of {@code wire} (write mode, compacted after) into {@code app}. One byte
     * at a time: until a record is whole every unwrap must report BUFFER_UNDERFLOW and take
     * nothing; the call that completes it must take exactly that record.
     */
    private static void feedInto(SSLEngine to, ByteBuffer wire, ByteBuffer app, boolean oneByteAtATime)
            throws Exception {
        wire.flip();
        if (!oneByteAtATime) {
            while (wire.hasRemaining()) {
                SSLEngineResult r = to.unwrap(wire, app);
                runTasks(to);
                if (r.bytesConsumed() == 0) {
                    break; // SunJSSE may want to wrap first; the rest waits
                }
            }
            wire.compact();
            return;
        }
        ByteBuffer in = ByteBuffer.allocate(wire.remaining());
        in.limit(0);
        while (wire.hasRemaining()) {
            in.limit(in.limit() + 1);
            in.put(in.limit() - 1, wire.get());
            int start = in.position();
            int available = in.limit() - start;
            int recordLength = available >= 5 ? 5 + (in.getShort(start + 3) & 0xFFFF) : Integer.MAX_VALUE;
            SSLEngineResult r = to.unwrap(in, app);
            assertEquals(null, to.getDelegatedTask());
            if (available < recordLength) {
                assertResult(r, Status.BUFFER_UNDERFLOW, 0, 0);
                assertEquals(start, in.position(), "nothing consumed from an incomplete record");
            } else {
                assertEquals(Status.OK, r.getStatus(), r.toString());
                assertEquals(recordLength, r.bytesConsumed());
                assertEquals(in.limit(), in.position());
            }
        }
        wire.clear();
    }

    private static void runTasks(SSLEngine e) {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** {@code produced} of -1: any positive number. */
    private static void assertResult(SSLEngineResult r, Status status, int consumed, int produced) {
        assertEquals(status, r.getStatus(), r.toString());
        assertEquals(consumed, r.bytesConsumed(), r.toString());
        if (produced < 0) {
            assertTrue(r.bytesProduced() > 0, r.toString());
        } else {
            assertEquals(produced, r.bytesProduced(), r.toString());
        }
    }

    private static ByteBuffer filled(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0x55);
        return ByteBuffer.wrap(b);
    }

    private static boolean untouched(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0x55) {
                return false;
            }
        }
        return true;
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
