package dev.padlock;

import dev.padlock.jsse.PadlockContextSpi;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * The Padlock JSSE provider.
 *
 * <p>Install it first in {@code java.security} (see {@code META-INF-templates/}) or add it
 * with {@link java.security.Security#insertProviderAt(Provider, int)}.
 *
 * <p>Registers {@code SSLContext} {@code TLSv1.3}, {@code TLSv1.2}, {@code TLS} (the same: TLS 1.3 and 1.2) and
 * {@code Default}. Services create their SPI directly rather than by reflection on a class
 * name, so that the provider works alike on the module path and the class path.
 */
public final class PadlockProvider extends Provider {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "Padlock";

    public PadlockProvider() {
        super(NAME, "0.1", "Padlock TLS 1.3 and 1.2 provider");
        putService(new ContextService(this, "TLSv1.3"));
        // As with TLSv1.3, the context enables both versions by default; setEnabledProtocols and
        // jdk.tls.client.protocols narrow it.
        putService(new ContextService(this, "TLSv1.2"));
        putService(new ContextService(this, "TLS"));
        putService(new DefaultContextService(this));
    }

    private static final class ContextService extends Service {
        ContextService(Provider provider, String algorithm) {
            super(provider, "SSLContext", algorithm, PadlockContextSpi.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            try {
                return new PadlockContextSpi();
            } catch (IllegalArgumentException badProperty) {
                throw new NoSuchAlgorithmException("Padlock SSLContext." + getAlgorithm()
                        + ": " + badProperty.getMessage(), badProperty);
            }
        }
    }

    /** One default context per provider instance, made on first use: its properties are read once. */
    private static final class DefaultContextService extends Service {
        private PadlockContextSpi instance;

        DefaultContextService(Provider provider) {
            super(provider, "SSLContext", "Default", PadlockContextSpi.class.getName(), List.of(), Map.of());
        }

        @Override
        public synchronized Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
            if (instance == null) {
                try {
                    instance = PadlockContextSpi.newDefault();
                } catch (KeyManagementException | IllegalArgumentException e) {
                    throw new NoSuchAlgorithmException("Padlock SSLContext.Default: " + e.getMessage(), e);
                }
            }
            return instance;
        }
    }
}
