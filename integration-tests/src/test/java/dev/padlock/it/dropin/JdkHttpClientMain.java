package dev.padlock.it.dropin;

import com.sun.net.httpserver.HttpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
            HttpClient client = HttpClient.newBuilder()
                    .version(h2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                    .timeout(Duration.ofSeconds(20))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Facts.print("client.status", response.statusCode());
            Facts.print("client.http.version", response.version());
            Facts.printSession("client", response.sslSession().orElseThrow());
            System.out.print(response.body());
            HttpResponse<byte[]> big = client.send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + port + Payload.PATH))
                            .timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Payload.check(big.body());
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
