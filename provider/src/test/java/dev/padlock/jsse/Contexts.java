package dev.padlock.jsse;

import dev.padlock.PadlockProvider;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** SSLContexts for tests: Padlock with chosen jdk.tls.* properties, and SunJSSE. */
final class Contexts {
    private static final PadlockProvider PROVIDER = new PadlockProvider();

    private Contexts() {
    }

    /** A Padlock TLSv1.3 context whose defaults read {@code properties} instead of the system's. */
    static SSLContext padlock(KeyKind kind, Map<String, String> properties) throws GeneralSecurityException {
        return padlock(TestPki.keyManagers(kind), TestPki.trustManagers(), properties);
    }

    static SSLContext padlock(KeyManager[] keys, TrustManager[] trust, Map<String, String> properties)
            throws GeneralSecurityException {
        return padlock(keys, trust, properties, Diagnostics.NONE);
    }

    /** With a key log or debug log of the test's choosing. */
    static SSLContext padlock(KeyManager[] keys, TrustManager[] trust, Map<String, String> properties,
            Diagnostics diagnostics) throws GeneralSecurityException {
        PadlockContextSpi spi = new PadlockContextSpi(ContextDefaults.from(properties::get), Clock.systemUTC(), false);
        spi.engineInit(keys, trust, null);
        spi.diagnostics(diagnostics);
        return new SSLContext(spi, PROVIDER, "TLSv1.3") {
        };
    }

    static SSLContext sun(KeyKind kind) throws GeneralSecurityException {
        return sun(TestPki.keyManagers(kind), TestPki.trustManagers());
    }

    static SSLContext sun(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLSv1.3", "SunJSSE");
        context.init(keys, trust, null);
        return context;
    }
}
