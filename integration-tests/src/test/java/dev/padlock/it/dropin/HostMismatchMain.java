package dev.padlock.it.dropin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * Scenario 5, an unmodified program: a client connects to "localhost" while the server's
 * (trusted) certificate names only wrong.example. The client is {@code urlconnection}
 * ({@code HttpsURLConnection}), {@code httpclient} ({@code java.net.http}), {@code apache}
 * (Apache HttpClient 5 classic, its default host name verification) or {@code sslsocket} (an
 * {@code SSLSocket} with the HTTPS endpoint identification algorithm). Prints the failure.
 */
public final class HostMismatchMain {
    private HostMismatchMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        try (SSLServerSocket listener = (SSLServerSocket) SSLServerSocketFactory.getDefault()
                .createServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(20_000);
            CompletableFuture<IOException> serverFailure = new CompletableFuture<>();
            Thread server = new Thread(() -> serve(listener, serverFailure), "server");
            server.setDaemon(true);
            server.start();
            String host = "localhost";
            int port = listener.getLocalPort();
            try {
                switch (args[0]) {
                    case "urlconnection" -> urlConnection(host, port);
                    case "httpclient" -> httpClient(host, port);
                    case "sslsocket" -> sslSocket(host, port);
                    case "apache" -> apache(host, port);
                    default -> throw new IllegalArgumentException(args[0]);
                }
                Facts.print("error.class", "none");
            } catch (IOException | InterruptedException e) {
                Facts.printFailure(e);
            }
            IOException seen = serverFailure.get(20, TimeUnit.SECONDS);
            Facts.print("server.error.class", seen.getClass().getName());
            Facts.print("server.error.message", Facts.oneLine(seen.getMessage()));
        }
    }

    private static void urlConnection(String host, int port) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) new URL("https://" + host + ":" + port + "/").openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(20_000);
        connection.getResponseCode();
    }

    private static void httpClient(String host, int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        client.send(HttpRequest.newBuilder(URI.create("https://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void apache(String host, int port) throws IOException {
        ConnectionConfig timeouts = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(20)).build();
        try (CloseableHttpClient client = HttpClients.custom()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .useSystemProperties()
                        .setDefaultConnectionConfig(timeouts)
                        .build())
                .build()) {
            client.execute(new HttpGet("https://" + host + ":" + port + "/"), response -> response.getCode());
        }
    }

    private static void sslSocket(String host, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket(host, port)) {
            socket.setSoTimeout(20_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        }
    }

    /**
     * Accepts and handshakes until the listener is closed; the client's rejection is expected
     * and the first failure the server sees is reported.
     */
    private static void serve(SSLServerSocket listener, CompletableFuture<IOException> failure) {
        while (!listener.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                socket.setSoTimeout(20_000);
                socket.startHandshake();
                socket.getInputStream().read();
            } catch (IOException e) {
                failure.complete(e);
                System.err.println("server: " + e);
            }
        }
    }
}
