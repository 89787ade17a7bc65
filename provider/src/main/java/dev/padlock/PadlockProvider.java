package dev.padlock;

import java.security.Provider;

/**
 * The Padlock JSSE provider.
 *
 * <p>Install it first in {@code java.security} (see {@code META-INF-templates/}) or add it
 * with {@link java.security.Security#insertProviderAt(Provider, int)}.
 */
public final class PadlockProvider extends Provider {
    private static final long serialVersionUID = 1L;

    public static final String NAME = "Padlock";

    public PadlockProvider() {
        super(NAME, "0.1", "Padlock TLS 1.3 provider");
    }
}
