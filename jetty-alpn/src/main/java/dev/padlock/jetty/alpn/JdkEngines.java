package dev.padlock.jetty.alpn;

import javax.net.ssl.SSLEngine;

/** Which engines Jetty's own JDK ALPN processors already serve, so these leave them alone. */
final class JdkEngines {
    private JdkEngines() {}

    /** The test Jetty's {@code JDK9*ALPNProcessor.appliesTo} makes: the engine's class is in {@code java.base}. */
    static boolean isJdkOwn(SSLEngine engine) {
        Module module = engine.getClass().getModule();
        return module.isNamed() && module.getName().equals("java.base");
    }
}
