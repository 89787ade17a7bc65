package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SSLEngine allows wrap and unwrap on different threads at once. Each engine here has one
 * thread wrapping its outgoing data while another unwraps the peer's, both directions at once,
 * through records of every size; what arrives must be exactly what was sent.
 */
class ConcurrencyEngineTest {
    enum Server { PADLOCK, SUNJSSE }

    private static final int MEGABYTES = 3;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every engine thread ended");
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void oneThreadWrapsWhileAnotherUnwrapsOnEachEngineAndBothDirectionsArriveIntact(Server kind) throws Exception {
        SSLContext padlock = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLEngine client = padlock.createSSLEngine("localhost", 443);
        SSLEngine server = (kind == Server.PADLOCK ? padlock : Contexts.sun(KeyKind.EC_P256)).createSSLEngine();
        new EnginePair(client, server).handshake();

        byte[] up = new byte[MEGABYTES << 20];
        byte[] down = new byte[MEGABYTES << 20];
        new Random(1).nextBytes(up);
        new Random(2).nextBytes(down);
        BlockingQueue<ByteBuffer> toServer = new LinkedBlockingQueue<>();
        BlockingQueue<ByteBuffer> toClient = new LinkedBlockingQueue<>();

        Future<?> clientWrites = pool.submit(() -> wrapAll(client, up, toServer, 3));
        Future<?> serverWrites = pool.submit(() -> wrapAll(server, down, toClient, 4));
        Future<byte[]> serverReads = pool.submit(() -> unwrapAll(server, toServer));
        Future<byte[]> clientReads = pool.submit(() -> unwrapAll(client, toClient));

        clientWrites.get(120, TimeUnit.SECONDS);
        serverWrites.get(120, TimeUnit.SECONDS);
        assertArrayEquals(up, serverReads.get(120, TimeUnit.SECONDS), "client to server");
        assertArrayEquals(down, clientReads.get(120, TimeUnit.SECONDS), "server to client");
        assertTrue(client.isInboundDone() && client.isOutboundDone(), "client closed both ways");
        assertTrue(server.isInboundDone() && server.isOutboundDone(), "server closed both ways");
    }

    /** Wraps {@code data} in slices of random size, then close_notify; each record goes to {@code wire}. */
    private static Void wrapAll(SSLEngine engine, byte[] data, BlockingQueue<ByteBuffer> wire, long seed)
            throws Exception {
        Random sizes = new Random(seed);
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        int off = 0;
        while (off < data.length) {
            ByteBuffer src = ByteBuffer.wrap(data, off, Math.min(data.length - off, 1 + sizes.nextInt(40_000)));
            while (src.hasRemaining()) {
                net.clear();
                SSLEngineResult r = engine.wrap(src, net);
                assertEquals(Status.OK, r.getStatus(), "wrap");
                send(net, wire);
            }
            off = src.position();
        }
        engine.closeOutbound();
        while (!engine.isOutboundDone()) {
            net.clear();
            engine.wrap(ByteBuffer.allocate(0), net);
            send(net, wire);
        }
        return null;
    }

    private static void send(ByteBuffer net, BlockingQueue<ByteBuffer> wire) {
        net.flip();
        if (net.hasRemaining()) {
            wire.add(ByteBuffer.allocate(net.remaining()).put(net).flip());
        }
    }

    /** Unwraps whatever arrives until the peer's close_notify; returns the application bytes. */
    private static byte[] unwrapAll(SSLEngine engine, BlockingQueue<ByteBuffer> wire) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(4 * engine.getSession().getPacketBufferSize()).flip();
        ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        while (true) {
            app.clear();
            SSLEngineResult r = engine.unwrap(net, app);
            received.write(app.array(), 0, app.position());
            if (r.getStatus() == Status.CLOSED) {
                return received.toByteArray();
            }
            if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                ByteBuffer more = wire.poll(60, TimeUnit.SECONDS);
                assertTrue(more != null, "the peer's records stopped before its close_notify");
                net.compact().put(more).flip();
            } else {
                assertEquals(Status.OK, r.getStatus(), "unwrap");
            }
        }
    }
}
