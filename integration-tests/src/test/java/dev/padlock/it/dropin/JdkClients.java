package dev.padlock.it.dropin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Child-JVM side: {@code java.net.http.HttpClient} with its defaults (the default
 * {@code SSLContext}, host name verification on) as the client of a framework's server: the
 * facts page, then {@link Payload#PATH}, on one client. Over TLS the client speaks HTTP/2 only
 * when ALPN chose {@code h2}, so {@code client.http.version=HTTP_2} is the ALPN result.
 */
final class JdkClients {
    private JdkClients() {}

    static void fetch(int port, HttpClient.Version version) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = client.send(request(port, "/"), HttpResponse.BodyHandlers.ofString());
        Facts.print("client.status", response.statusCode());
        Facts.print("client.http.version", response.version());
        Facts.printSession("client", response.sslSession().orElseThrow());
        System.out.print(response.body());
        HttpResponse<byte[]> big = client.send(request(port, Payload.PATH), HttpResponse.BodyHandlers.ofByteArray());
        Facts.print("client.big.status", big.statusCode());
        Facts.print("client.big.http.version", big.version());
        Payload.check(big.body());
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .build();
    }
}
