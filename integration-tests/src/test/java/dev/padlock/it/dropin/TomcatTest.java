package dev.padlock.it.dropin;

import static dev.padlock.it.dropin.FrameworkRuns.assertBodies;
import static dev.padlock.it.dropin.FrameworkRuns.assertJdkClientOnPadlock;
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
 * Embedded Tomcat 11 with its JSSE connector, unmodified ({@link TomcatMain}), in a child JVM
 * whose only Padlock setting is the {@code java.security} template: Tomcat's engines are
 * Padlock's, its sessions TLS 1.3, and HTTP/1.1 and HTTP/2 (ALPN {@code h2}, Tomcat's
 * {@code Http2Protocol}) serve the facts page and a 4 MiB body to {@code java.net.http}.
 */
@Timeout(120)
class TomcatTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static void assertTomcatOnPadlock(Result r) {
        assertEquals(FrameworkRuns.PADLOCK_ENGINE, r.fact("server.engine.class"), r::toString);
        assertPadlockTls13(r, "server");
        assertJdkClientOnPadlock(r);
        assertBodies(r);
    }

    @Test
    void tomcatServesHttp11OverPadlock() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, TomcatMain.class, "h1");
        assertTomcatOnPadlock(r);
        assertEquals("HTTP_1_1", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/1.1", r.fact("server.http.version"), r::toString);
    }

    @Test
    void tomcatNegotiatesH2ThroughAlpnOverPadlock() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, TomcatMain.class, "h2");
        assertTomcatOnPadlock(r);
        assertEquals("HTTP_2", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP_2", r.fact("client.big.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
    }
}
