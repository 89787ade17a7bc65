package dev.padlock.it.dropin;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;

/**
 * Child-JVM side: the JDK's {@code HttpsServer} on 127.0.0.1, port 0, with the default
 * {@code SSLContext} (key material from {@code javax.net.ssl.keyStore}). A response body is
 * the server's view of the TLS session as facts, or {@link Payload#big()} for its path.
 */
final class HttpsServers {
    private HttpsServers() {}

    static HttpsServer start() throws IOException, NoSuchAlgorithmException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(SSLContext.getDefault()));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals(Payload.PATH) ? Payload.big()
                    : Facts.describe("server", ((HttpsExchange) exchange).getSSLSession())
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            // Closing the body stream ends the exchange.
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
