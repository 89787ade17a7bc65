package dev.padlock.it.dropin;

import com.sun.net.httpserver.HttpsServer;
import java.net.http.HttpClient;
import org.eclipse.jetty.server.Server;

/**
 * Scenario 2, an unmodified program: {@code java.net.http.HttpClient} with its defaults (the
 * default {@code SSLContext}, host name verification on). {@code h1}: HTTP/1.1 to the JDK's
 * {@code HttpsServer}; {@code h2}: HTTP/2 negotiated by ALPN with an embedded Jetty.
 */
public final class JdkHttpClientMain {
    private JdkHttpClientMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        boolean h2 = args[0].equals("h2");
        HttpsServer jdkServer = h2 ? null : HttpsServers.start();
        Server jetty = h2 ? JettyServers.start() : null;
        try {
            int port = h2 ? JettyServers.port(jetty) : jdkServer.getAddress().getPort();
            JdkClients.fetch(port, h2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        } finally {
            if (jdkServer != null) {
                jdkServer.stop(0);
            }
            if (jetty != null) {
                jetty.stop();
            }
        }
    }
}
