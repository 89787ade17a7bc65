package dev.padlock.it.dropin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;

/**
 * Scenario for issue 13, an unmodified program: {@code HttpsURLConnection} or
 * {@code java.net.http.HttpClient} with the default context fetches https://localhost:port/
 * from a server that speaks only TLS 1.2 (the test runs {@code openssl s_server -tls1_2 -www}).
 * Args: {@code urlconnection|httpclient} and the port. s_server's page is HTTP/1.0 without a
 * length and its end is the end of the connection, so the page is read up to its last tag.
 */
public final class Tls12ServerMain {
    private static final String END_OF_PAGE = "</HTML>";

    private Tls12ServerMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        URI uri = URI.create("https://localhost:" + Integer.parseInt(args[1]) + "/");
        String page;
        SSLSession session;
        if (args[0].equals("urlconnection")) {
            HttpsURLConnection connection = (HttpsURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(20_000);
            Facts.print("client.status", connection.getResponseCode());
            // before the body: an HTTP/1.0 connection is gone once its body has been read
            session = connection.getSSLSession().orElseThrow();
            try (InputStream in = connection.getInputStream()) {
                page = readPage(in);
            }
        } else {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofInputStream());
            Facts.print("client.status", response.statusCode());
            try (InputStream in = response.body()) {
                page = readPage(in);
            }
            session = response.sslSession().orElseThrow();
        }
        Facts.printSession("client", session);
        // what OpenSSL says it negotiated, from its status page
        page.lines().filter(line -> line.startsWith("New, ") || line.startsWith("Reused, "))
                .findFirst().ifPresent(line -> Facts.print("server.said", line));
    }

    private static String readPage(InputStream in) throws IOException {
        StringBuilder page = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            page.append((char) b);
            if (page.length() >= END_OF_PAGE.length()
                    && page.indexOf(END_OF_PAGE, page.length() - END_OF_PAGE.length()) >= 0) {
                return page.toString();
            }
        }
        throw new IOException("the page ended before " + END_OF_PAGE + ":\n" + page);
    }
}
