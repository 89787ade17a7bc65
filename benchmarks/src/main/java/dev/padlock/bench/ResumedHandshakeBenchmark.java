package dev.padlock.bench;

import dev.padlock.Padlock;
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
 * One resumed handshake per operation: TLS 1.3 (PSK with a fresh x25519 exchange, RFC 8446
 * §2.2) or TLS 1.2 (an abbreviated handshake from a session ticket, RFC 5077 §3.1, or a session
 * id: no key exchange at all). The client engine knows its peer ("localhost", 443), so the client
 * session context offers a ticket from an earlier handshake; each handshake brings new tickets
 * for the next.
 * Set-up proves it resumes: a resumed server flight carries no Certificate and no
 * CertificateVerify, so the server sends at least 300 bytes fewer than in the full handshake
 * (the self-signed P-256 certificate alone is about 400), and for Padlock
 * {@code Padlock.isResumed} says so too; a benchmark that silently did full handshakes would
 * fail there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djdk.tls.namedGroups=x25519")
public class ResumedHandshakeBenchmark {
    private static final String HOST = "localhost";
    private static final int PORT = 443;

    @Param({"Padlock", "SunJSSE"})
    public String provider;

    @Param({"TLSv1.3", "TLSv1.2"})
    public String protocol;

    private String suite;
    private SSLContext context;
    private Tls.Buffers buffers;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Tls.groupsFor(protocol);
        context = Tls.context(provider, BenchPki.generate("EC"));
        suite = Tls.suite(protocol, HandshakeBenchmark.SUITE, "EC");
        SSLEngine client = Tls.client(context, protocol, suite, HOST, PORT);
        SSLEngine server = Tls.server(context);
        buffers = new Tls.Buffers(client, false);
        long full = Tls.handshake(client, server, buffers);
        Tls.checkNegotiated(client, server, protocol, suite);
        for (int i = 0; i < 3; i++) {
            SSLEngine c = Tls.client(context, protocol, suite, HOST, PORT);
            SSLEngine s = Tls.server(context);
            long resumed = Tls.handshake(c, s, buffers);
            Tls.checkNegotiated(c, s, protocol, suite);
            boolean padlockSaysResumed = !"Padlock".equals(provider) || Padlock.isResumed(c.getSession());
            if (full - resumed < 300 || !padlockSaysResumed) {
                throw new IllegalStateException(provider + " did not resume: the server sent " + resumed
                        + " bytes, against " + full + " in a full handshake");
            }
        }
    }

    @Benchmark
    public long resumedHandshake() throws SSLException {
        return Tls.handshake(Tls.client(context, protocol, suite, HOST, PORT), Tls.server(context), buffers);
    }
}
