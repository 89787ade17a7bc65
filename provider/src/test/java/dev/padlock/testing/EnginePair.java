package dev.padlock.testing;

import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * Two engines joined in memory, no sockets: whatever one wraps, the other unwraps. The loops
 * are bounded so a stuck handshake fails the test instead of hanging it.
 */
public final class EnginePair {
    private static final int MAX_ROUNDS = 200;

    public final SSLEngine client;
    public final SSLEngine server;
    /** Bytes on their way from the client to the server (read mode after each round). */
    private ByteBuffer toServer;
    private ByteBuffer toClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;
    /** Lets a test see and change every chunk of bytes on the wire (client to server). */
    private UnaryOperator<ByteBuffer> clientToServerTap = UnaryOperator.identity();
    private UnaryOperator<ByteBuffer> serverToClientTap = UnaryOperator.identity();

    public EnginePair(SSLEngine client, SSLEngine server) {
        this.client = client;
        this.server = server;
        client.setUseClientMode(true);
        server.setUseClientMode(false);
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        toServer = ByteBuffer.allocate(packet * 4);
        toClient = ByteBuffer.allocate(packet * 4);
        clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize() * 4);
        serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize() * 4);
    }

    public EnginePair tapClientToServer(UnaryOperator<ByteBuffer> tap) {
        this.clientToServerTap = tap;
        return this;
    }

    public EnginePair tapServerToClient(UnaryOperator<ByteBuffer> tap) {
        this.serverToClientTap = tap;
        return this;
    }

    /** Runs the handshake to completion on both sides, or throws what an engine threw. */
    public void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = pump(client, server, clientToServerTap, true);
            progress |= pump(server, client, serverToClientTap, false);
            if (done(client) && done(server) && toServer.position() == 0 && toClient.position() == 0) {
                return;
            }
            if (!progress) {
                throw new AssertionError("handshake stalled: client " + client.getHandshakeStatus()
                        + ", server " + server.getHandshakeStatus());
            }
        }
        throw new AssertionError("handshake did not finish in " + MAX_ROUNDS + " rounds");
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus hs = e.getHandshakeStatus();
        return hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED;
    }

    /** One step: {@code from} wraps whatever it must, {@code to} unwraps whatever arrived. */
    private boolean pump(SSLEngine from, SSLEngine to, UnaryOperator<ByteBuffer> tap, boolean fromClient)
            throws SSLException {
        ByteBuffer wire = fromClient ? toServer : toClient;
        boolean progress = false;
        ByteBuffer chunk = ByteBuffer.allocate(wire.capacity());
        while (from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult r = from.wrap(ByteBuffer.allocate(0), chunk);
            runTasks(from);
            if (r.bytesProduced() == 0 && r.getStatus() != Status.OK) {
                break;
            }
            progress |= r.bytesProduced() > 0;
            if (r.bytesProduced() == 0) {
                break;
            }
        }
        chunk.flip();
        if (chunk.hasRemaining()) {
            wire.put(tap.apply(chunk));
        }
        wire.flip();
        ByteBuffer app = fromClient ? serverApp : clientApp;
        while (wire.hasRemaining()) {
            SSLEngineResult r = to.unwrap(wire, app);
            runTasks(to);
            if (r.getStatus() == Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                break;
            }
            progress = true;
        }
        wire.compact();
        while (to.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            runTasks(to);
        }
        return progress;
    }

    private static void runTasks(SSLEngine e) {
        Runnable task;
        while ((task = e.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /**
     * Sends {@code data} from one engine to the other through wrap and unwrap with generous
     * buffers and returns what the receiver's unwraps delivered.
     */
    public byte[] send(byte[] data, boolean fromClient) throws SSLException {
        SSLEngine from = fromClient ? client : server;
        SSLEngine to = fromClient ? server : client;
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer net = ByteBuffer.allocate(from.getSession().getPacketBufferSize());
        ByteBuffer received = ByteBuffer.allocate(data.length + to.getSession().getApplicationBufferSize());
        int guard = 0;
        while ((src.hasRemaining() || from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) && guard++ < 100_000) {
            net.clear();
            SSLEngineResult w = from.wrap(src, net);
            if (w.getStatus() != Status.OK) {
                throw new AssertionError("wrap: " + w);
            }
            net.flip();
            deliver(to, net, received);
            // a KeyUpdate answer may be waiting on the receiving side
            drainWraps(to, from, fromClient ? clientApp : serverApp);
        }
        received.flip();
        byte[] out = new byte[received.remaining()];
        received.get(out);
        return out;
    }

    private static void deliver(SSLEngine to, ByteBuffer net, ByteBuffer received) throws SSLException {
        while (net.hasRemaining()) {
            SSLEngineResult r = to.unwrap(net, received);
            if (r.getStatus() != Status.OK) {
                throw new AssertionError("unwrap: " + r);
            }
        }
    }

    private void drainWraps(SSLEngine from, SSLEngine to, ByteBuffer sink) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(from.getSession().getPacketBufferSize());
        int guard = 0;
        while (from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && guard++ < 100) {
            net.clear();
            from.wrap(ByteBuffer.allocate(0), net);
            net.flip();
            deliver(to, net, sink);
        }
    }
}
