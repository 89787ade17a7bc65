package dev.padlock.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
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

/**
 * One operation = 1 MiB of application data from client to server: 64 client {@code wrap}s of
 * 16 KiB and the server's {@code unwrap}s, so ops/s is MiB/s. {@code suite} names a TLS 1.3
 * suite; under {@code protocol=TLSv1.2} the ECDHE_ECDSA suite with the same AEAD runs instead
 * (the certificate is EC P-256), whose records carry an explicit 8-byte nonce for AES-GCM
 * (RFC 5288 §3) and none for ChaCha20-Poly1305 (RFC 7905 §2). The connection is made once per
 * trial and replaced between iterations after {@value #REHANDSHAKE_BYTES} bytes, far below
 * either provider's key-usage limit, so no KeyUpdate happens inside a measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class BulkBenchmark {
    static final int RECORD = 16 * 1024;
    static final int TOTAL = 1024 * 1024;
    static final long REHANDSHAKE_BYTES = 4L << 30;

    @Param({"Padlock", "SunJSSE"})
    public String provider;

    @Param({"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    public String suite;

    @Param({"heap", "direct"})
    public String buffers;

    @Param({"TLSv1.3", "TLSv1.2"})
    public String protocol;

    private SSLContext context;
    private SSLEngine client;
    private SSLEngine server;
    private ByteBuffer source;
    private ByteBuffer net;
    private ByteBuffer app;
    private long bytesSinceHandshake;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = Tls.context(provider, BenchPki.generate("EC"));
        boolean direct = "direct".equals(buffers);
        connect();
        source = Tls.allocate(TOTAL, direct);
        for (int i = 0; i < TOTAL; i++) {
            source.put(i, (byte) i);
        }
        net = Tls.allocate(Math.max(client.getSession().getPacketBufferSize(), RECORD + 256), direct);
        app = Tls.allocate(Math.max(server.getSession().getApplicationBufferSize(), RECORD), direct);
        bulk();
        if (bytesSinceHandshake != TOTAL) {
            throw new IllegalStateException("server received " + bytesSinceHandshake + " bytes, not " + TOTAL);
        }
    }

    @Setup(Level.Iteration)
    public void renewIfNeeded() throws SSLException {
        if (bytesSinceHandshake > REHANDSHAKE_BYTES) {
            connect();
        }
    }

    private void connect() throws SSLException {
        String negotiated = Tls.suite(protocol, suite, "EC");
        client = Tls.client(context, protocol, negotiated);
        server = Tls.server(context);
        Tls.Buffers hb = new Tls.Buffers(client, false);
        Tls.handshake(client, server, hb);
        Tls.checkNegotiated(client, server, protocol, negotiated);
        bytesSinceHandshake = 0;
    }

    /**
     * Each 16 KiB slice is offered to one {@code wrap}; whatever record that produced goes to
     * the server before the next {@code wrap}, because an engine may take less than 16 KiB per
     * record (SunJSSE on JDK 17 seals 16367 bytes, then the 17 left over in a second record).
     */
    @Benchmark
    public int bulk() throws SSLException {
        int received = 0;
        for (int offset = 0; offset < TOTAL; offset += RECORD) {
            source.limit(offset + RECORD).position(offset);
            while (source.hasRemaining()) {
                net.clear();
                SSLEngineResult w = client.wrap(source, net);
                check(w, "wrap");
                if (w.bytesConsumed() == 0) {
                    throw new IllegalStateException("wrap consumed nothing: " + w);
                }
                net.flip();
                while (net.hasRemaining()) {
                    app.clear();
                    SSLEngineResult r = server.unwrap(net, app);
                    check(r, "unwrap");
                    if (r.bytesConsumed() == 0) {
                        throw new IllegalStateException("unwrap consumed nothing: " + r);
                    }
                    received += r.bytesProduced();
                }
            }
        }
        bytesSinceHandshake += received;
        return received;
    }

    static void check(SSLEngineResult r, String what) {
        if (r.getStatus() != Status.OK) {
            throw new IllegalStateException(what + ": " + r);
        }
    }
}
