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
 * {@code padlock-jetty-alpn} (module {@code jetty-alpn}) at both ends of Jetty 12: an unmodified
 * Jetty {@code HttpClient} over HTTP/2 ({@link JettyClientMain}) and an unmodified Jetty server,
 * in a child JVM whose class path carries the module's jar (its service entries) and whose only
 * Padlock setting is the {@code java.security} template. Without the module Jetty refuses
 * Padlock's engines ("No ALPN Processor"), so h2 at both ends is the module's doing; the
 * server half is also what the {@code java.net.http} and Apache async h2 runs in DropInTest use.
 */
@Timeout(120)
class JettyAlpnTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    @Test
    void jettyClientAndServerNegotiateH2OnPadlockEnginesThroughTheModule() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, JettyClientMain.class);
        assertEquals("true", r.fact("client.sslSessionData"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
        assertEquals("HTTP/2.0", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("client.big.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
        assertBodies(r);
    }
}
