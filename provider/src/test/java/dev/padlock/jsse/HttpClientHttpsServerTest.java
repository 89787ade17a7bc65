package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.padlock.testing.TestPki.KeyKind;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/**
 * The JDK's own HTTP client and HTTPS server, unmodified, both on Padlock SSLEngines over
 * real sockets on 127.0.0.1: the server's handler sees a Padlock TLSv1.3 session, the
 * client gets the page and a TLSv1.3 session.
 */
class HttpClientHttpsServerTest {
    private static final String BODY = "hello from a Padlock HttpsServer";

    @Test
    void httpClientFetchesAPageFromHttpsServerBothOnPadlock() throws Exception {
        SSLContext serverContext = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLContext clientContext = Contexts.padlock(KeyKind.EC_P256, Map.of());
        AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
        AtomicReference<String> serverSaw = new AtomicReference<>();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        try {
            server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
            server.setExecutor(executor);
            server.createContext("/", exchange -> {
                try (exchange) {
                    SSLSession session = ((HttpsExchange) exchange).getSSLSession();
                    serverSaw.set(session.getClass().getName() + " " + session.getProtocol() + " "
                            + session.getCipherSuite());
                    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (Throwable t) {
                    handlerFailure.set(t);
                    throw t;
                }
            });
            server.start();
            int port = server.getAddress().getPort();

            HttpClient client = HttpClient.newBuilder()
                    .sslContext(clientContext)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertNull(handlerFailure.get());
            assertEquals(200, response.statusCode());
            assertEquals(BODY, response.body());
            assertEquals(HttpClient.Version.HTTP_1_1, response.version(), "HttpsServer speaks HTTP/1.1 only");
            SSLSession clientSession = response.sslSession().orElseThrow();
            assertEquals("TLSv1.3", clientSession.getProtocol());
            // HttpClient hands out an immutable copy; its session context is still the engine's
            assertSame(clientContext.getClientSessionContext(), clientSession.getSessionContext(),
                    "the client ran on the Padlock context");
            assertEquals(PadlockSessionContext.class, clientSession.getSessionContext().getClass());
            String saw = serverSaw.get();
            assertTrue(saw != null && saw.startsWith(PadlockSession.class.getName() + " TLSv1.3 TLS_"), saw);
            assertTrue(saw.endsWith(clientSession.getCipherSuite()), saw + " vs " + clientSession.getCipherSuite());
        } finally {
            server.stop(0);
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
