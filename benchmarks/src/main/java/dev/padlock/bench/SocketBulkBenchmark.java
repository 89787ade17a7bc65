package dev.padlock.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One operation = 1 MiB of application data from client to server over a loopback
 * {@link SSLSocket} pair, then a 1-byte acknowledgement back: the client writes 64 × 16 KiB
 * through its {@code OutputStream}; a server thread reads into a 16 KiB array until it has
 * counted exactly 1 MiB and answers with one byte over the same TLS connection, which the
 * client reads before the operation ends. ops/s is therefore MiB/s of a ping-pong (1 MiB out,
 * one small record back, one round trip per MiB), not of an open-ended stream, and it
 * includes the kernel's loopback TCP and two threads handing over on 2 CPUs.
 *
 * <p>The connection is made once per trial: server socket bound to 127.0.0.1 on an ephemeral
 * port, client from {@code getSocketFactory().createSocket("127.0.0.1", port)} with no
 * endpoint identification (the client trusts exactly the self-signed {@link BenchPki}
 * certificate), client and server from the same provider, the client offering only
 * {@link #suite}. Set-up fails unless both sides negotiated TLSv1.3 and that suite, and unless
 * a first operation delivers exactly 1 MiB. 1 MiB per operation stays far below either
 * provider's key-usage limit within any reasonable run, so the connection is not replaced.
 *
 * <p>Nothing waits without bound: accept and every socket read have a
 * {@value #TIMEOUT_MILLIS} ms timeout, and the server thread closes its socket on any failure,
 * which also fails a client blocked in {@code write} (TCP writes have no timeout of their own).
 * Both sockets set {@code TCP_NODELAY}, so Nagle's algorithm cannot hold back the last record
 * of a MiB or the acknowledgement while the peer delays its TCP ACK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class SocketBulkBenchmark {
    /** The same write size and MiB as {@link BulkBenchmark}, so the two are read side by side. */
    static final int RECORD = BulkBenchmark.RECORD;
    static final int TOTAL = BulkBenchmark.TOTAL;
    static final int TIMEOUT_MILLIS = 30_000;
    private static final int ACK = 0x5A;

    @Param({"Padlock", "SunJSSE"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    private SSLServerSocket listener;
    private SSLSocket client;
    private OutputStream clientOut;
    private InputStream clientIn;
    private final byte[] source = new byte[TOTAL];
    private final byte[] ack = new byte[1];
    private final CompletableFuture<SSLSocket> accepted = new CompletableFuture<>();
    private Thread serverThread;

    /** Bytes the server thread has read over the whole trial; only that thread writes it. */
    private volatile long serverReceived;
    /** Why the server thread stopped, if it stopped for anything but an orderly close. */
    private volatile Throwable serverFailure;
    private volatile boolean closing;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SSLContext context = Tls.context(provider, BenchPki.generate("EC"));
        for (int i = 0; i < TOTAL; i++) {
            source[i] = (byte) i;
        }
        listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        listener.setSoTimeout(TIMEOUT_MILLIS);
        serverThread = new Thread(this::serve, "SocketBulkBenchmark-server");
        serverThread.setDaemon(true);
        serverThread.start();

        client = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort());
        client.setSoTimeout(TIMEOUT_MILLIS);
        client.setTcpNoDelay(true);
        client.setEnabledCipherSuites(new String[] {suite});
        client.startHandshake();
        SSLSocket server = awaitServer();
        check("client", client.getSession());
        check("server", server.getSession());
        clientOut = client.getOutputStream();
        clientIn = client.getInputStream();

        socketBulk();
        if (serverReceived != TOTAL) {
            throw new IllegalStateException("server received " + serverReceived + " bytes, not " + TOTAL);
        }
    }

    private SSLSocket awaitServer() throws Exception {
        try {
            return accepted.get(2L * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("server side of the handshake failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("server side of the handshake did not finish", e);
        }
    }

    private void check(String side, SSLSession session) {
        if (!Tls.TLS13.equals(session.getProtocol()) || !suite.equals(session.getCipherSuite())) {
            throw new IllegalStateException(side + " negotiated " + session.getProtocol() + " "
                    + session.getCipherSuite() + ", expected " + Tls.TLS13 + " " + suite);
        }
    }

    /**
     * The server thread: accepts one connection, completes its handshake, then for every MiB
     * it reads answers with one byte. It stops at end of stream or on any exception, closing
     * its socket; an exception is kept in {@link #serverFailure} unless the trial is closing.
     */
    private void serve() {
        SSLSocket server = null;
        try {
            server = (SSLSocket) listener.accept();
            server.setSoTimeout(TIMEOUT_MILLIS);
            server.setTcpNoDelay(true);
            server.startHandshake();
            accepted.complete(server);
            InputStream in = server.getInputStream();
            OutputStream out = server.getOutputStream();
            byte[] buffer = new byte[RECORD];
            long inOp = 0;
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                inOp += n;
                serverReceived += n;
                if (inOp > TOTAL) {
                    throw new IllegalStateException("server read " + inOp + " bytes before acknowledging " + TOTAL);
                }
                if (inOp == TOTAL) {
                    inOp = 0;
                    out.write(ACK);
                    out.flush();
                }
            }
        } catch (Throwable t) {
            accepted.completeExceptionally(t);
            if (!closing) {
                serverFailure = t;
            }
        } finally {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    // Closing after a failure or at the end of the trial: nothing left to report.
                }
            }
        }
    }

    /** Writes 1 MiB as 64 writes of 16 KiB, then waits for the server's 1-byte acknowledgement. */
    @Benchmark
    public int socketBulk() throws IOException {
        for (int offset = 0; offset < TOTAL; offset += RECORD) {
            clientOut.write(source, offset, RECORD);
        }
        clientOut.flush();
        if (clientIn.read(ack, 0, 1) != 1 || ack[0] != ACK) {
            EOFException e = new EOFException("no acknowledgement from the server");
            Throwable cause = serverFailure;
            if (cause != null) {
                e.initCause(cause);
            }
            throw e;
        }
        return ack[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        closing = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            listener.close();
            if (!accepted.isDone()) {
                accepted.completeExceptionally(new IllegalStateException("trial ended"));
            }
            if (!accepted.isCompletedExceptionally()) {
                accepted.join().close();
            }
            serverThread.join(TIMEOUT_MILLIS);
        }
        if (serverThread.isAlive()) {
            throw new IllegalStateException("server thread still running " + TIMEOUT_MILLIS + " ms after close");
        }
    }
}
