/**
 * Padlock: a pure-Java TLS 1.3 provider for the JDK.
 *
 * <p>Only {@code dev.padlock} is exported: the provider class and the small API for what
 * JSSE has no words for. Everything else is internal.
 */
module dev.padlock {
    exports dev.padlock;

    provides java.security.Provider with dev.padlock.PadlockProvider;
}
