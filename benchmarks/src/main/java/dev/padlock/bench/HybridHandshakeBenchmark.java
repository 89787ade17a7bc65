package dev.padlock.bench;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
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
 * {@link HandshakeBenchmark}'s full handshake (EC P-256 certificate, TLS_AES_128_GCM_SHA256),
 * Padlock on both sides, with one key exchange group: x25519 or the post-quantum hybrid
 * X25519MLKEM768. SunJSSE (up to JDK 25) has no hybrid group, so it is not a parameter here. The
 * group is set as {@code jdk.tls.namedGroups} before the context is made: Padlock reads it then,
 * so client and server each have the one group and the client sends exactly one key share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class HybridHandshakeBenchmark {
    @Param({"x25519", "X25519MLKEM768"})
    public String group;

    private SSLContext context;
    private Tls.Buffers buffers;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        System.setProperty("jdk.tls.namedGroups", group);
        context = Tls.context(Tls.PADLOCK, BenchPki.generate("EC"));
        SSLEngine client = Tls.client(context, HandshakeBenchmark.SUITE);
        SSLEngine server = Tls.server(context);
        buffers = new Tls.Buffers(client, false);
        Tls.handshake(client, server, buffers);
        Tls.checkNegotiated(client, server, HandshakeBenchmark.SUITE);
        String negotiated = dev.padlock.Padlock.negotiatedGroup(client.getSession()).orElseThrow();
        if (!negotiated.equals(group)) {
            throw new IllegalStateException("negotiated " + negotiated + ", not " + group);
        }
    }

    @Benchmark
    public SSLEngine fullHandshake() throws SSLException {
        SSLEngine client = Tls.client(context, HandshakeBenchmark.SUITE);
        SSLEngine server = Tls.server(context);
        Tls.handshake(client, server, buffers);
        return client;
    }
}
