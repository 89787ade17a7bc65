package dev.padlock.it.dropin;

import static dev.padlock.it.dropin.FrameworkRuns.assertBodies;
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
 * OkHttp 5, unmodified ({@link OkHttpMain}), in a child JVM whose only Padlock setting is the
 * {@code java.security} template: its socket and session are Padlock's, TLS 1.3, and it speaks
 * HTTP/1.1 to the JDK's {@code HttpsServer} and HTTP/2 (ALPN {@code h2}) to Jetty 12 and to
 * Netty 4.1, both of which run on Padlock too.
 */
@Timeout(120)
class OkHttpTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static Result run(String server) throws IOException, InterruptedException {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, OkHttpMain.class, server);
        assertEquals("dev.padlock.jsse.PadlockSocket", r.fact("client.socket.class"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        assertEquals("TLSv1.3", r.fact("client.handshake.tlsVersion"), r::toString);
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
        assertBodies(r);
        return r;
    }

    @Test
    void okHttpSpeaksHttp11ToHttpsServerOverPadlock() throws Exception {
        Result r = run("jdk");
        // HttpsServer answers no ALPN: the standard API reports the empty string, OkHttp takes HTTP/1.1.
        assertEquals("", r.fact("client.alpn"), r::toString);
        assertEquals("http/1.1", r.fact("client.http.version"), r::toString);
        assertEquals("http/1.1", r.fact("client.big.http.version"), r::toString);
    }

    @Test
    void okHttpNegotiatesH2WithJettyOverPadlock() throws Exception {
        Result r = run("jetty");
        assertEquals("h2", r.fact("client.alpn"), r::toString);
        assertEquals("h2", r.fact("client.http.version"), r::toString);
        assertEquals("h2", r.fact("client.big.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
    }

    @Test
    void okHttpNegotiatesH2WithNettyOverPadlock() throws Exception {
        Result r = run("netty");
        assertEquals("h2", r.fact("client.alpn"), r::toString);
        assertEquals("h2", r.fact("server.alpn"), r::toString);
        assertEquals("h2", r.fact("client.http.version"), r::toString);
        assertEquals("h2", r.fact("server.http.version"), r::toString);
    }
}
