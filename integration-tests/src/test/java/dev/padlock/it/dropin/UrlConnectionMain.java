package dev.padlock.it.dropin;

import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;

/**
 * Scenario 1, an unmodified program: {@code HttpsURLConnection} with the default context and
 * the default host name verifier, against {@code HttpsServer} in the same JVM.
 */
public final class UrlConnectionMain {
    private UrlConnectionMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        HttpsServer server = HttpsServers.start();
        try {
            URL url = new URL("https://localhost:" + server.getAddress().getPort() + "/");
            HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(20_000);
            Facts.print("client.status", connection.getResponseCode());
            Facts.printSession("client", connection.getSSLSession().orElseThrow());
            try (InputStream in = connection.getInputStream()) {
                System.out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            // A second request: the same keep-alive connection, four MiB back.
            HttpsURLConnection big = (HttpsURLConnection) new URL(url, Payload.PATH).openConnection();
            big.setConnectTimeout(10_000);
            big.setReadTimeout(20_000);
            try (InputStream in = big.getInputStream()) {
                Payload.check(in.readAllBytes());
            }
        } finally {
            server.stop(0);
        }
    }
}
