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
 * Vert.x 5 HTTPS server and client with ALPN on the JDK SSL engine, unmodified
 * ({@link VertxMain}), in a child JVM whose only Padlock setting is the {@code java.security}
 * template: both sessions are Padlock TLS 1.3, ALPN gives the version the client asked for
 * (Vert.x speaks HTTP/2 over TLS only when ALPN chose {@code h2}), and both bodies arrive.
 */
@Timeout(120)
class VertxTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static Result run(String version) throws IOException, InterruptedException {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, VertxMain.class, version);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
        assertBodies(r);
        return r;
    }

    @Test
    void vertxNegotiatesH2ThroughAlpnOverPadlock() throws Exception {
        Result r = run("h2");
        assertEquals("HTTP_2", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP_2", r.fact("client.big.http.version"), r::toString);
        assertEquals("HTTP_2", r.fact("server.http.version"), r::toString);
    }

    @Test
    void vertxClientOfferingOnlyHttp11GetsItOverPadlock() throws Exception {
        Result r = run("h1");
        assertEquals("HTTP_1_1", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP_1_1", r.fact("server.http.version"), r::toString);
    }
}
