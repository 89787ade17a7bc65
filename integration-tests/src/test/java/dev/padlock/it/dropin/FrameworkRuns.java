package dev.padlock.it.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Test side, for the framework tests: runs a scenario with the key and trust stores as system
 * properties (the only other setting is the {@code java.security} template), and asserts the
 * facts every such scenario must show.
 */
final class FrameworkRuns {
    static final Set<String> TLS13_SUITES =
            Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    static final String PADLOCK_ENGINE = "dev.padlock.jsse.PadlockEngine";

    private FrameworkRuns() {}

    static Result run(Install install, Path dir, Keytool pki, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> stores = List.of(
                "-Djavax.net.ssl.keyStore=" + pki.goodKeyStore,
                "-Djavax.net.ssl.keyStorePassword=" + Keytool.PASSWORD,
                "-Djavax.net.ssl.trustStore=" + pki.trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + Keytool.PASSWORD);
        return ChildJvm.run(install, dir, stores, main, args).assertSucceeded();
    }

    /** The named side's session is a Padlock session of TLS 1.3 with a TLS 1.3 suite. */
    static void assertPadlockTls13(Result r, String side) {
        assertEquals("Padlock", r.fact("context.provider"), r::toString);
        String sessionClass = r.fact(side + ".session.class");
        assertTrue(sessionClass.startsWith("dev.padlock."), () -> side + " session " + sessionClass + "\n" + r);
        assertTls13(r, side);
    }

    static void assertTls13(Result r, String side) {
        assertEquals("TLSv1.3", r.fact(side + ".protocol"), r::toString);
        assertTrue(TLS13_SUITES.contains(r.fact(side + ".suite")), r::toString);
    }

    /**
     * java.net.http wraps the session it reports in its own class: the client session is TLS 1.3
     * and not SunJSSE's, on the default context, which is Padlock's.
     */
    static void assertJdkClientOnPadlock(Result r) {
        assertEquals("Padlock", r.fact("context.provider"), r::toString);
        assertFalse(r.fact("client.session.class").startsWith("sun.security.ssl."), r::toString);
        assertTls13(r, "client");
        assertEquals(r.fact("server.suite"), r.fact("client.suite"), r::toString);
    }

    /** The facts page and the 4 MiB payload both arrived, the payload byte for byte. */
    static void assertBodies(Result r) {
        assertEquals("200", r.fact("client.status"), r::toString);
        assertEquals("200", r.fact("client.big.status"), r::toString);
        assertEquals(Integer.toString(Payload.SIZE), r.fact("client.big.bytes"), r::toString);
        assertEquals("true", r.fact("client.big.matches"), r::toString);
    }
}
