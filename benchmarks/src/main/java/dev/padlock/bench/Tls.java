package dev.padlock.bench;

import dev.padlock.PadlockProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/** Contexts of either provider, and an in-memory handshake between two engines (no sockets). */
final class Tls {
    static final String PADLOCK = "Padlock";
    static final String SUN = "SunJSSE";
    static final String TLS13 = "TLSv1.3";

    /** Generous: a TLS 1.3 handshake takes a handful of flights, each a few wrap/unwrap calls. */
    private static final int MAX_ROUNDS = 64;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private Tls() {
    }

    static SSLContext context(String provider, BenchPki pki) throws GeneralSecurityException {
        SSLContext context;
        if (PADLOCK.equals(provider)) {
            context = SSLContext.getInstance(TLS13, new PadlockProvider());
        } else if (SUN.equals(provider)) {
            context = SSLContext.getInstance(TLS13, SUN);
        } else {
            throw new IllegalArgumentException("unknown provider " + provider);
        }
        context.init(pki.keyManagers, pki.trustManagers, null);
        return context;
    }

    /**
     * A client engine with no peer host: neither provider can then offer a cached session, so
     * every handshake is a full one.
     */
    static SSLEngine client(SSLContext context, String suite) {
        SSLEngine client = context.createSSLEngine();
        client.setUseClientMode(true);
        if (suite != null) {
            client.setEnabledCipherSuites(new String[] {suite});
        }
        return client;
    }

    /** A client engine that knows its peer, so the context's session cache can resume with it. */
    static SSLEngine client(SSLContext context, String suite, String host, int port) {
        SSLEngine client = context.createSSLEngine(host, port);
        client.setUseClientMode(true);
        client.setEnabledCipherSuites(new String[] {suite});
        return client;
    }

    static SSLEngine server(SSLContext context) {
        SSLEngine server = context.createSSLEngine();
        server.setUseClientMode(false);
        return server;
    }

    /** Buffers a handshake needs, sized for either provider and reused across handshakes. */
    static final class Buffers {
        final ByteBuffer toServer;
        final ByteBuffer toClient;
        final ByteBuffer clientApp;
        final ByteBuffer serverApp;

        Buffers(SSLEngine sample, boolean direct) {
            int packet = sample.getSession().getPacketBufferSize() * 4;
            int app = sample.getSession().getApplicationBufferSize() * 2;
            toServer = allocate(packet, direct);
            toClient = allocate(packet, direct);
            clientApp = allocate(app, direct);
            serverApp = allocate(app, direct);
        }
    }

    static ByteBuffer allocate(int size, boolean direct) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    /**
     * Runs the handshake until both engines are done and no byte is in flight (a SunJSSE server
     * sends its NewSessionTicket right after the handshake; the client reads it here too).
     * Throws if the engines stop making progress or take more than {@value #MAX_ROUNDS} rounds.
     */
    /** Runs a whole handshake; returns how many bytes the server sent (a resumed one sends no certificate). */
    static long handshake(SSLEngine client, SSLEngine server, Buffers b) throws SSLException {
        b.toServer.clear();
        b.toClient.clear();
        client.beginHandshake();
        server.beginHandshake();
        long serverBytes = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean progress = wrapAll(client, b.toServer);
            progress |= unwrapAll(server, b.toServer, b.serverApp);
            int before = b.toClient.position();
            progress |= wrapAll(server, b.toClient);
            serverBytes += b.toClient.position() - before;
            progress |= unwrapAll(client, b.toClient, b.clientApp);
            if (done(client) && done(server) && b.toServer.position() == 0 && b.toClient.position() == 0) {
                return serverBytes;
            }
            if (!progress) {
                throw new IllegalStateException("handshake stalled: client " + client.getHandshakeStatus()
                        + ", server " + server.getHandshakeStatus());
            }
        }
        throw new IllegalStateException("handshake did not finish in " + MAX_ROUNDS + " rounds");
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    /** Wraps while the engine asks to; {@code net} stays in write mode. */
    private static boolean wrapAll(SSLEngine engine, ByteBuffer net) throws SSLException {
        boolean progress = false;
        while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            SSLEngineResult r = engine.wrap(EMPTY, net);
            runTasks(engine);
            if (r.getStatus() != Status.OK && r.getStatus() != Status.CLOSED) {
                throw new IllegalStateException("handshake wrap: " + r);
            }
            if (r.bytesProduced() == 0) {
                break;
            }
            progress = true;
        }
        return progress;
    }

    /** Unwraps what {@code net} (write mode) holds; leaves the rest in write mode. */
    private static boolean unwrapAll(SSLEngine engine, ByteBuffer net, ByteBuffer app) throws SSLException {
        boolean progress = false;
        net.flip();
        try {
            while (net.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(net, app);
                runTasks(engine);
                app.clear();
                if (r.getStatus() == Status.BUFFER_OVERFLOW || r.getStatus() == Status.CLOSED) {
                    throw new IllegalStateException("handshake unwrap: " + r);
                }
                if (r.getStatus() == Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                    break;
                }
                progress = true;
            }
        } finally {
            net.compact();
        }
        runTasks(engine);
        return progress;
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Fails unless both sides agree on TLS 1.3 and, when given, on {@code suite}. */
    static void checkNegotiated(SSLEngine client, SSLEngine server, String suite) {
        String cp = client.getSession().getProtocol();
        String sp = server.getSession().getProtocol();
        if (!TLS13.equals(cp) || !TLS13.equals(sp)) {
            throw new IllegalStateException("negotiated " + cp + " / " + sp + ", not TLSv1.3");
        }
        String cs = client.getSession().getCipherSuite();
        if (!cs.equals(server.getSession().getCipherSuite()) || (suite != null && !suite.equals(cs))) {
            throw new IllegalStateException("negotiated suite " + cs + " / " + server.getSession().getCipherSuite()
                    + ", expected " + suite);
        }
    }
}
