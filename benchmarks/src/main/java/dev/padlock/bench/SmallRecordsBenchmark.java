package dev.padlock.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
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
 * One operation = one client {@code wrap} of {@code size} bytes and the server's {@code unwrap}
 * of that record: the per-record overhead that dominates request/response traffic. Heap
 * buffers, TLS_AES_128_GCM_SHA256 on both providers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class SmallRecordsBenchmark {
    static final String SUITE = "TLS_AES_128_GCM_SHA256";
    /** Renew the connection between iterations well before any key-usage limit. */
    static final long REHANDSHAKE_RECORDS = 1L << 22;

    @Param({"Padlock", "SunJSSE"})
    public String provider;

    @Param({"64", "1024"})
    public int size;

    private SSLContext context;
    private SSLEngine client;
    private SSLEngine server;
    private ByteBuffer source;
    private ByteBuffer net;
    private ByteBuffer app;
    private long records;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        context = Tls.context(provider, BenchPki.generate("EC"));
        connect();
        source = ByteBuffer.allocate(size);
        net = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        app = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        if (write() != size) {
            throw new IllegalStateException("server did not receive " + size + " bytes");
        }
    }

    @Setup(Level.Iteration)
    public void renewIfNeeded() throws SSLException {
        if (records > REHANDSHAKE_RECORDS) {
            connect();
        }
    }

    private void connect() throws SSLException {
        client = Tls.client(context, SUITE);
        server = Tls.server(context);
        Tls.handshake(client, server, new Tls.Buffers(client, false));
        Tls.checkNegotiated(client, server, SUITE);
        records = 0;
    }

    @Benchmark
    public int write() throws SSLException {
        source.clear();
        net.clear();
        BulkBenchmark.check(client.wrap(source, net), "wrap");
        net.flip();
        app.clear();
        SSLEngineResult r = server.unwrap(net, app);
        BulkBenchmark.check(r, "unwrap");
        records++;
        return r.bytesProduced();
    }
}
