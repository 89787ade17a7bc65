package dev.padlock.it.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Padlock as a drop-in: unmodified programs (the {@code *Main} classes never name Padlock) run
 * in a child JVM whose only Padlock setting is the {@code java.security} template, and the
 * TLS they get is Padlock's TLS 1.3 on both ends.
 */
@Timeout(120)
class DropInTest {
    private static final Set<String> TLS13_SUITES =
            Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static List<String> stores(Path keyStore) {
        return List.of(
                "-Djavax.net.ssl.keyStore=" + keyStore, "-Djavax.net.ssl.keyStorePassword=" + Keytool.PASSWORD,
                "-Djavax.net.ssl.trustStore=" + pki.trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + Keytool.PASSWORD);
    }

    private static Result run(Install install, Path keyStore, Class<?> main, String... args)
            throws IOException, InterruptedException {
        return ChildJvm.run(install, dir, stores(keyStore), main, args);
    }

    /** The second request's 4 MiB body arrived whole and byte for byte. */
    private static void assertBigBodyArrived(Result r) {
        assertEquals(Integer.toString(Payload.SIZE), r.fact("client.big.bytes"), r::toString);
        assertEquals("true", r.fact("client.big.matches"), r::toString);
    }

    /** The default context is Padlock's, and the named side's session is a Padlock TLS 1.3 session. */
    private static void assertPadlockTls13(Result r, String side) {
        assertEquals("Padlock", r.fact("context.provider"), r::toString);
        assertTrue(r.fact(side + ".session.class").startsWith("dev.padlock."), r::toString);
        assertEquals("TLSv1.3", r.fact(side + ".protocol"), r::toString);
        assertTrue(TLS13_SUITES.contains(r.fact(side + ".suite")), r::toString);
    }

    /** A client session the JDK may wrap (java.net.http does): TLS 1.3, and not SunJSSE's. */
    private static void assertClientNotSunJsse(Result r) {
        assertFalse(r.fact("client.session.class").startsWith("sun.security.ssl."), r::toString);
        assertEquals("TLSv1.3", r.fact("client.protocol"), r::toString);
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
    }

    @Test
    void httpsUrlConnectionToHttpsServerRunsOnPadlockAtBothEnds() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, UrlConnectionMain.class).assertSucceeded();
        assertEquals("null", r.fact("context.provider.module"), r::toString);
        assertEquals("200", r.fact("client.status"), r::toString);
        assertBigBodyArrived(r);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
    }

    /** The control: the facts do tell the providers apart, and only the template switches. */
    @Test
    void withoutTheTemplateTheSameProgramRunsOnSunJsse() throws Exception {
        Result r = run(Install.NONE, pki.goodKeyStore, UrlConnectionMain.class).assertSucceeded();
        assertEquals("200", r.fact("client.status"), r::toString);
        assertEquals("SunJSSE", r.fact("context.provider"), r::toString);
        assertTrue(r.fact("client.session.class").startsWith("sun.security.ssl."), r::toString);
        assertTrue(r.fact("server.session.class").startsWith("sun.security.ssl."), r::toString);
    }

    @Test
    void theSameProgramRunsOnPadlockFromTheModulePath() throws Exception {
        Result r = run(Install.MODULE_PATH, pki.goodKeyStore, UrlConnectionMain.class).assertSucceeded();
        assertEquals("dev.padlock", r.fact("context.provider.module"), r::toString);
        assertEquals("200", r.fact("client.status"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
    }

    @Test
    void jdkHttpClientSpeaksHttp11ToHttpsServerOverPadlock() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, JdkHttpClientMain.class, "h1").assertSucceeded();
        assertEquals("200", r.fact("client.status"), r::toString);
        assertBigBodyArrived(r);
        assertEquals("HTTP_1_1", r.fact("client.http.version"), r::toString);
        assertPadlockTls13(r, "server");
        assertClientNotSunJsse(r);
    }

    @Test
    void jdkHttpClientNegotiatesH2WithJettyOverPadlock() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, JdkHttpClientMain.class, "h2").assertSucceeded();
        assertEquals("200", r.fact("client.status"), r::toString);
        assertBigBodyArrived(r);
        assertEquals("HTTP_2", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
        assertPadlockTls13(r, "server");
        assertClientNotSunJsse(r);
    }

    @Test
    void apacheClassicClientGetsFromJettyOverPadlockSockets() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, ApacheClientMain.class, "classic").assertSucceeded();
        assertEquals("200", r.fact("client.status"), r::toString);
        assertBigBodyArrived(r);
        assertEquals("HTTP/1.1", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/1.1", r.fact("server.http.version"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
    }

    @Test
    void apacheAsyncClientNegotiatesH2WithJettyOverPadlockEngines() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, ApacheClientMain.class, "async").assertSucceeded();
        assertEquals("200", r.fact("client.status"), r::toString);
        assertBigBodyArrived(r);
        assertEquals("HTTP/2.0", r.fact("client.http.version"), r::toString);
        assertEquals("HTTP/2.0", r.fact("server.http.version"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
    }

    @Test
    void sslSocketEchoMoves64MiBThroughHalfClosesAndAReadTimeout() throws Exception {
        Result r = run(Install.CLASS_PATH, pki.goodKeyStore, EchoMain.class).assertSucceeded();
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        String total = Long.toString(EchoMain.TOTAL);
        assertEquals(total, r.fact("client.sent"), r::toString);
        assertEquals(total, r.fact("client.received"), r::toString);
        assertEquals("true", r.fact("client.echoMatches"), r::toString);
        // The client shortens its read timeout only until the first expiry: exactly one.
        assertEquals("1", r.fact("client.readTimeouts"), r::toString);
        // The server read exactly what was sent, then the client's half-close ...
        assertEquals(total, r.fact("server.echoed"), r::toString);
        assertEquals("true", r.fact("server.readAfterEndStillEnded"), r::toString);
        // ... and could still write after it; the client read that, then the server's half-close.
        assertEquals(total, r.fact("client.serverCountedBytes"), r::toString);
        assertEquals("-1", r.fact("client.readAfterServerHalfClose"), r::toString);
        assertEquals("true", r.fact("client.outputShutdown"), r::toString);
        assertEquals("true", r.fact("server.outputShutdown"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urlconnection", "httpclient", "apache", "sslsocket"})
    void wrongHostFailsWithSunJssesExceptionClassAndNamesTheHost(String client) throws Exception {
        Result sun = run(Install.NONE, pki.wrongKeyStore, HostMismatchMain.class, client).assertSucceeded();
        Result padlock = run(Install.CLASS_PATH, pki.wrongKeyStore, HostMismatchMain.class, client).assertSucceeded();
        String both = "--- SunJSSE run\n" + sun + "\n--- Padlock run\n" + padlock;
        assertEquals("SunJSSE", sun.fact("context.provider"), both);
        assertEquals("Padlock", padlock.fact("context.provider"), both);
        assertNotEquals("none", sun.fact("error.class"), both);
        assertEquals(sun.fact("error.class"), padlock.fact("error.class"), both);
        assertEquals(sun.fact("error.cause.class"), padlock.fact("error.cause.class"), both);
        assertTrue(padlock.fact("error.message").contains("localhost"), both);
        // What the server saw: the same exception class, and the same alert (if any) on the wire.
        assertEquals(sun.fact("server.error.class"), padlock.fact("server.error.class"), both);
        assertEquals(alertIn(sun.fact("server.error.message")), alertIn(padlock.fact("server.error.message")), both);
    }

    private static String alertIn(String message) {
        Matcher m = Pattern.compile("fatal alert: ([a-z_]+)").matcher(message);
        return m.find() ? m.group(1) : "no alert";
    }
}
