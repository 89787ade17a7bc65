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
    static final String TLS12 = "TLSv1.2";

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

    /** As {@link #client(SSLContext, String)}, enabling only {@code protocol} (TLSv1.3 or TLSv1.2). */
    static SSLEngine client(SSLContext context, String protocol, String suite) {
        SSLEngine client = client(context, suite);
        client.setEnabledProtocols(new String[] {protocol});
        return client;
    }

    /**
     * The suite a benchmark runs under {@code protocol}, named by its TLS 1.3 suite: for TLSv1.2
     * the ECDHE suite with the same AEAD and hash, authenticated as the certificate's key allows
     * (ECDHE_RSA for RSA; ECDHE_ECDSA for EC P-256 and, by RFC 8422 §5.1.1, Ed25519).
     */
    static String suite(String protocol, String tls13Suite, String keyType) {
        if (TLS13.equals(protocol)) {
            return tls13Suite;
        }
        if (!TLS12.equals(protocol)) {
            throw new IllegalArgumentException("unknown protocol " + protocol);
        }
        String aead = tls13Suite.substring("TLS_".length());
        return "TLS_ECDHE_" + ("RSA".equals(keyType) ? "RSA" : "ECDSA") + "_WITH_" + aead;
    }

    /**
     * For the handshake benchmarks, whose forks run with {@code -Djdk.tls.namedGroups=x25519}: under
     * TLS 1.2 the client's supported_groups also names the curves it accepts in ECDSA certificates
     * (RFC 8422 §5.3), so without secp256r1 no server may use the P-256 certificate. TLS 1.2 has no
     * key shares, so the second group costs the client nothing and x25519 is still the one agreed
     * on (first in both providers' lists). Runs before the fork's first context: SunJSSE reads the
     * property once, and JMH gives each parameter combination its own fork.
     */
    static void groupsFor(String protocol) {
        if (TLS12.equals(protocol)) {
            System.setProperty("jdk.tls.namedGroups", "x25519,secp256r1");
        }
    }

    /** A client engine that knows its peer, so the context's session cache can resume with it. */
    static SSLEngine client(SSLContext context, String protocol, String suite, String host, int port) {
        SSLEngine client = context.createSSLEngine(host, port);
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {protocol});
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
        checkNegotiated(client, server, TLS13, suite);
    }

    /** Fails unless both sides agree on {@code protocol} and, when given, on {@code suite}. */
    static void checkNegotiated(SSLEngine client, SSLEngine server, String protocol, String suite) {
        String cp = client.getSession().getProtocol();
        String sp = server.getSession().getProtocol();
        if (!protocol.equals(cp) || !protocol.equals(sp)) {
            throw new IllegalStateException("negotiated " + cp + " / " + sp + ", not " + protocol);
        }
        String cs = client.getSession().getCipherSuite();
        if (!cs.equals(server.getSession().getCipherSuite()) || (suite != null && !suite.equals(cs))) {
            throw new IllegalStateException("negotiated suite " + cs + " / " + server.getSession().getCipherSuite()
                    + ", expected " + suite);
        }
    }
}
