package dev.padlock.it.dropin;

import static dev.padlock.it.dropin.FrameworkRuns.assertBodies;
import static dev.padlock.it.dropin.FrameworkRuns.assertJdkClientOnPadlock;
import static dev.padlock.it.dropin.FrameworkRuns.assertPadlockTls13;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undertow 2.3 with HTTP/2 enabled, unmodified ({@link UndertowMain}), in a child JVM whose
 * only Padlock setting is the {@code java.security} template: its {@code SSLContext.getInstance("TLS")}
 * is Padlock's, Undertow's own SSL conduit drives Padlock's engine to TLS 1.3, and HTTP/1.1
 * serves the facts page and a 4 MiB body to {@code java.net.http}, and so does h2 (below).
 */
@Timeout(120)
class UndertowTest {
    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static void assertUndertowOnPadlock(Result r) {
        assertEquals("Padlock", r.fact("server.context.provider"), r::toString);
        assertPadlockTls13(r, "server");
        assertJdkClientOnPadlock(r);
        assertBodies(r);
    }

    @Test
    void undertowServesHttp11OverPadlock() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, UndertowMain.class, "h1");
        assertUndertowOnPadlock(r);
        assertEquals("HTTP_1_1", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/1.1", r.fact("server.http.version"), r::toString);
    }

    /**
     * Undertow offers h2 by ALPN only when {@code AlpnOpenListener.engineSupportsHTTP2} passes:
     * TLSv1.2 or TLSv1.3 enabled, and TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 7540 §9.2.2's
     * TLS 1.2 suite) among the enabled suites. Padlock enables that suite since it speaks TLS 1.2
     * (issue 13), so the run negotiates h2 (over TLS 1.3), as on SunJSSE.
     */
    @Test
    void undertowWithHttp2EnabledServesH2() throws Exception {
        Result r = FrameworkRuns.run(Install.CLASS_PATH, dir, pki, UndertowMain.class, "h2");
        assertUndertowOnPadlock(r);
        assertEquals("true", r.fact("server.engine.http2Capable"), r::toString);
        assertTrue(List.of(r.fact("server.engine.suites").split(","))
                .contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), r::toString);
        assertEquals("HTTP_2", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP_2", r.fact("client.big.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
    }

    /** The control: the same program on SunJSSE (TLS 1.2 suites enabled) negotiates h2. */
    @Test
    void withoutTheTemplateUndertowNegotiatesH2OnSunJsse() throws Exception {
        Result r = FrameworkRuns.run(Install.NONE, dir, pki, UndertowMain.class, "h2");
        assertEquals("SunJSSE", r.fact("server.context.provider"), r::toString);
        assertEquals("true", r.fact("server.engine.http2Capable"), r::toString);
        assertEquals("HTTP_2", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
        assertTrue(r.fact("server.session.class").startsWith("sun.security.ssl."), r::toString);
    }
}
