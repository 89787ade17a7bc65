package dev.padlock.it.dropin;

import static dev.padlock.it.dropin.FrameworkRuns.assertPadlockTls13;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * gRPC-java over TLS (grpc-netty-shaded with a Netty {@code SslProvider.JDK} context), unmodified
 * ({@link GrpcMain}), in a child JVM whose only Padlock setting is the {@code java.security}
 * template: gRPC's SSLContexts at both ends are Padlock's, both sessions Padlock TLS 1.3, and a
 * unary and a server-streaming call complete. gRPC's Netty transport fails any TLS connection
 * whose ALPN result is not {@code h2} ("Failed ALPN negotiation"), so a completed call is ALPN
 * {@code h2}.
 */
@Timeout(120)
class GrpcTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    @Test
    void grpcUnaryAndServerStreamingCallsRunOnPadlockAtBothEnds() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, GrpcMain.class);
        assertEquals("Padlock", r.fact("server.netty.context.provider"), r::toString);
        assertEquals("Padlock", r.fact("client.netty.context.provider"), r::toString);
        // The documented gap (README): gRPC's GrpcSslContexts picks SunJSSE by name, whatever the provider order.
        assertEquals("SunJSSE", r.fact("grpc.sslcontexts.jdk.provider"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
        assertEquals("OK", r.fact("client.unary.status"), r::toString);
        assertEquals(Integer.toString(GrpcService.PAYLOAD_MESSAGES), r.fact("client.stream.messages"), r::toString);
        assertEquals(Integer.toString(Payload.SIZE), r.fact("client.big.bytes"), r::toString);
        assertEquals("true", r.fact("client.big.matches"), r::toString);
    }
}
