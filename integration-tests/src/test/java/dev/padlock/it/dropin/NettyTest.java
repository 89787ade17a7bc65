package dev.padlock.it.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Netty 4.1 with {@code SslProvider.JDK}, unmodified ({@link NettyMain} never names Padlock),
 * in a child JVM whose only Padlock setting is the {@code java.security} template: the
 * {@code SSLEngine} under Netty's handlers at both ends is Padlock's, the sessions are TLS 1.3,
 * and real HTTP/1.1 and HTTP/2 requests (one of them 4 MiB) complete, then close cleanly;
 * also with a client certificate the server requires.
 */
@Timeout(120)
class NettyTest {
    private static final Set<String> TLS13_SUITES =
            Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    private static final String PADLOCK_ENGINE = "dev.padlock.jsse.PadlockEngine";

    @TempDir
    static Path dir;
    static Keytool pki;

    @BeforeAll
    static void makeKeys() throws IOException, InterruptedException {
        pki = Keytool.create(dir);
    }

    private static Result run(Install install, String... mode) throws IOException, InterruptedException {
        List<String> stores = List.of(
                "-Djavax.net.ssl.keyStore=" + pki.goodKeyStore,
                "-Djavax.net.ssl.keyStorePassword=" + Keytool.PASSWORD,
                "-Djavax.net.ssl.trustStore=" + pki.trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + Keytool.PASSWORD);
        return ChildJvm.run(install, dir, stores, NettyMain.class, mode).assertSucceeded();
    }

    /** Netty's own SSLContext and the engine it wraps are Padlock's; the session is Padlock TLS 1.3. */
    private static void assertPadlockTls13(Result r, String side) {
        assertEquals("Padlock", r.fact(side + ".netty.context.provider"), r::toString);
        String chain = r.fact(side + ".engine.chain");
        assertTrue(chain.endsWith(PADLOCK_ENGINE), () -> "engine chain " + chain + "\n" + r);
        assertTrue(r.fact(side + ".session.class").startsWith("dev.padlock."), r::toString);
        assertEquals("TLSv1.3", r.fact(side + ".protocol"), r::toString);
        assertTrue(TLS13_SUITES.contains(r.fact(side + ".suite")), r::toString);
    }

    private static void assertRequestsAndCloseCompleted(Result r) {
        assertEquals("Padlock", r.fact("context.provider"), r::toString);
        assertEquals("200", r.fact("client.status"), r::toString);
        assertEquals("200", r.fact("client.big.status"), r::toString);
        assertEquals(Integer.toString(Payload.SIZE), r.fact("client.big.bytes"), r::toString);
        assertEquals("true", r.fact("client.big.matches"), r::toString);
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
        assertPadlockTls13(r, "client");
        assertPadlockTls13(r, "server");
        // The client's close_notify reached the server's SslHandler before the socket closed.
        assertEquals("close_notify", r.fact("server.close"), r::toString);
    }

    @Test
    void nettyHttp11ClientAndServerRunOnPadlockEngines() throws Exception {
        Result r = run(Install.CLASS_PATH, "h1");
        assertRequestsAndCloseCompleted(r);
        assertEquals("http/1.1", r.fact("client.http.version"), r::toString);
        assertEquals("http/1.1", r.fact("server.http.version"), r::toString);
        // The client offered no ALPN, so none was negotiated, and its engine is Padlock's, unwrapped.
        assertEquals("null", r.fact("client.alpn"), r::toString);
        assertEquals("null", r.fact("server.alpn"), r::toString);
        assertEquals(PADLOCK_ENGINE, r.fact("client.engine.chain"), r::toString);
    }

    @Test
    void nettyNegotiatesH2ThroughAlpnOnPadlockEngines() throws Exception {
        Result r = run(Install.CLASS_PATH, "h2");
        assertRequestsAndCloseCompleted(r);
        assertEquals("h2", r.fact("client.alpn"), r::toString);
        assertEquals("h2", r.fact("server.alpn"), r::toString);
        assertEquals("h2", r.fact("client.http.version"), r::toString);
        assertEquals("h2", r.fact("server.http.version"), r::toString);
        assertEquals("none", r.fact("server.client.principal"), r::toString);
    }

    /** Netty's ClientAuth.REQUIRE sets need-client-auth on Padlock's engine; the client's key manager answers. */
    @Test
    void nettyServerRequiringAClientCertificateGetsItOverH2() throws Exception {
        Result r = run(Install.CLASS_PATH, "h2", "mtls");
        assertRequestsAndCloseCompleted(r);
        assertEquals("h2", r.fact("server.alpn"), r::toString);
        assertEquals("CN=localhost", r.fact("server.client.principal"), r::toString);
    }

    /** The control: the same program without the template runs on SunJSSE, and the facts say so. */
    @Test
    void withoutTheTemplateNettyRunsOnSunJsse() throws Exception {
        Result r = run(Install.NONE, "h2");
        assertEquals("SunJSSE", r.fact("client.netty.context.provider"), r::toString);
        assertTrue(r.fact("client.engine.chain").endsWith("sun.security.ssl.SSLEngineImpl"), r::toString);
        assertTrue(r.fact("server.session.class").startsWith("sun.security.ssl."), r::toString);
        assertEquals("h2", r.fact("client.alpn"), r::toString);
        assertEquals("true", r.fact("client.big.matches"), r::toString);
    }
}
