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

    /** Sees every wrap and unwrap result of {@link #handshake()}, in order. */
    public interface Observer {
        void onResult(SSLEngine engine, boolean wrap, SSLEngineResult result);
    }

    private Observer observer = (engine, wrap, result) -> { };

    public EnginePair observe(Observer observer) {
        this.observer = observer;
        return this;
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

    /** What one engine threw while {@link #handshakeUntilStopped()} drove a failing handshake. */
    public static final class Failed {
        /** The first exception the engine threw, or null. */
        public SSLException exception;
        /** The handshake status right after the exception. */
        public HandshakeStatus statusAfterException;
        /** The first wrap after the exception (the one that should carry the alert), or null. */
        public SSLEngineResult alertWrap;
        /** A further wrap after {@link #alertWrap}, which should have nothing left to send. */
        public SSLEngineResult wrapAfterAlert;
        /** isOutboundDone() right after {@link #alertWrap}. */
        public boolean outboundDoneAfterAlert;
    }

    /** Each side's part in a handshake driven by {@link #handshakeUntilStopped()}. */
    public record Outcome(Failed client, Failed server) {
    }

    /**
     * Drives a handshake expected to fail: an engine's exception is recorded instead of
     * thrown, and the pumping goes on (the failing side wraps its alert, the peer unwraps it)
     * until neither side has anything more to do.
     */
    public Outcome handshakeUntilStopped() {
        Outcome outcome = new Outcome(new Failed(), new Failed());
        begin(client, outcome.client);
        begin(server, outcome.server);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = step(client, server, true, outcome);
            progress |= step(server, client, false, outcome);
            if (!progress) {
                return outcome;
            }
        }
        throw new AssertionError("failing handshake did not stop in " + MAX_ROUNDS + " rounds");
    }

    private static void begin(SSLEngine engine, Failed failed) {
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            recordException(engine, failed, e);
        }
    }

    private static void recordException(SSLEngine engine, Failed failed, SSLException e) {
        if (failed.exception == null) {
            failed.exception = e;
            failed.statusAfterException = engine.getHandshakeStatus();
        }
    }

    private boolean step(SSLEngine from, SSLEngine to, boolean fromClient, Outcome outcome) {
        Failed fromFailed = fromClient ? outcome.client : outcome.server;
        Failed toFailed = fromClient ? outcome.server : outcome.client;
        ByteBuffer wire = fromClient ? toServer : toClient;
        ByteBuffer chunk = ByteBuffer.allocate(wire.capacity());
        boolean progress = false;
        for (int i = 0; i < MAX_ROUNDS && from.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
            SSLEngineResult r;
            try {
                r = from.wrap(ByteBuffer.allocate(0), chunk);
                runTasks(from);
            } catch (SSLException e) {
                recordException(from, fromFailed, e);
                progress = true;
                continue;
            }
            if (fromFailed.exception != null && fromFailed.alertWrap == null) {
                fromFailed.alertWrap = r;
                fromFailed.outboundDoneAfterAlert = from.isOutboundDone();
                try {
                    fromFailed.wrapAfterAlert = from.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(wire.capacity()));
                } catch (SSLException e) {
                    throw new AssertionError("wrap after the alert threw", e);
                }
            }
            if (r.bytesProduced() == 0) {
                break;
            }
            progress = true;
        }
        chunk.flip();
        if (chunk.hasRemaining()) {
            wire.put(fromClient ? clientToServerTap.apply(chunk) : serverToClientTap.apply(chunk));
        }
        wire.flip();
        ByteBuffer app = fromClient ? serverApp : clientApp;
        while (wire.hasRemaining()) {
            if (toFailed.exception != null) {
                // a failed engine reads nothing more
                wire.position(wire.limit());
                break;
            }
            try {
                SSLEngineResult r = to.unwrap(wire, app);
                runTasks(to);
                if (r.getStatus() == Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                    break;
                }
            } catch (SSLException e) {
                recordException(to, toFailed, e);
            }
            progress = true;
        }
        wire.compact();
        return progress;
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
            observer.onResult(from, true, r);
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
            observer.onResult(to, false, r);
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
