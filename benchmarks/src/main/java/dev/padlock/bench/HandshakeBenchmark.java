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
 * One full handshake per operation: a new client and server engine from the same provider,
 * driven in memory until both are done. Key exchange is x25519 only (the fork sets
 * {@code jdk.tls.namedGroups}, which both providers read: otherwise Padlock's client would also
 * generate a P-256 share). The client enables only {@code protocol} and offers one suite,
 * TLS_AES_128_GCM_SHA256 or, under TLS 1.2, TLS_ECDHE_{ECDSA,RSA}_WITH_AES_128_GCM_SHA256 for
 * the key type, so both providers run the same suite; it has no peer host, so no session is
 * ever resumed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519")
public class HandshakeBenchmark {
    static final String SUITE = "TLS_AES_128_GCM_SHA256";

    @Param({"Padlock", "SunJSSE"})
    public String provider;

    /** EC = ECDSA P-256, RSA = RSA 2048 (rsa_pss_rsae_sha256), Ed25519. */
    @Param({"EC", "RSA", "Ed25519"})
    public String keyType;

    @Param({"TLSv1.3", "TLSv1.2"})
    public String protocol;

    private String suite;
    private SSLContext context;
    private Tls.Buffers buffers;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Tls.groupsFor(protocol);
        context = Tls.context(provider, BenchPki.generate(keyType));
        suite = Tls.suite(protocol, SUITE, keyType);
        SSLEngine client = Tls.client(context, protocol, suite);
        SSLEngine server = Tls.server(context);
        buffers = new Tls.Buffers(client, false);
        Tls.handshake(client, server, buffers);
        Tls.checkNegotiated(client, server, protocol, suite);
    }

    @Benchmark
    public SSLEngine fullHandshake() throws SSLException {
        SSLEngine client = Tls.client(context, protocol, suite);
        SSLEngine server = Tls.server(context);
        Tls.handshake(client, server, buffers);
        return client;
    }
}
