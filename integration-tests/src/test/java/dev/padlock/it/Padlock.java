package dev.padlock.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.padlock.PadlockProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

/**
 * Padlock contexts, and the JDK's engine-based HTTPS server and client running on them.
 *
 * <p>{@code -Dpadlock.it.provider=SunJSSE} puts SunJSSE in Padlock's seat: every context made
 * here is then SunJSSE's, which is how tests written ahead of a Padlock feature are checked
 * against a known-good implementation. The default, and what CI runs, is Padlock.
 */
final class Padlock {
    /** The provider under test: "Padlock" (default) or "SunJSSE". */
    static final String UNDER_TEST = System.getProperty("padlock.it.provider", "Padlock");
    private static final Duration TIMEOUT = Duration.ofSeconds(Peer.TIMEOUT_SECONDS);
    private static final Object PROPERTIES_LOCK = new Object();

    private Padlock() {}

    /**
     * A Padlock "TLSv1.3" context. {@code namedGroups}, when not null, is the value of
     * {@code jdk.tls.namedGroups} while the context is created.
     */
    static SSLContext context(KeyManager[] keys, TrustManager[] trust, String namedGroups)
            throws GeneralSecurityException {
        return contextWith(keys, trust,
                namedGroups == null ? Map.of() : Map.of("jdk.tls.namedGroups", namedGroups));
    }

    /**
     * A Padlock "TLSv1.3" context created while the system properties {@code properties} are
     * set (Padlock reads its {@code jdk.tls.*} properties then); they are restored afterwards.
     */
    static SSLContext contextWith(KeyManager[] keys, TrustManager[] trust, Map<String, String> properties)
            throws GeneralSecurityException {
        synchronized (PROPERTIES_LOCK) {
            Map<String, String> saved = new HashMap<>();
            for (String name : properties.keySet()) {
                saved.put(name, System.getProperty(name));
            }
            try {
                properties.forEach(System::setProperty);
                SSLContext context = switch (UNDER_TEST) {
                    case "Padlock" -> SSLContext.getInstance("TLSv1.3", new PadlockProvider());
                    // SunJSSE reads its jdk.tls.* properties once per JVM, so the map has no effect on it
                    case "SunJSSE" -> SSLContext.getInstance("TLSv1.3", "SunJSSE");
                    default -> throw new IllegalArgumentException("padlock.it.provider=" + UNDER_TEST
                            + ": expected Padlock or SunJSSE");
                };
                context.init(keys, trust, null);
                return context;
            } finally {
                saved.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }

    /** The body {@link Server} answers with: what Padlock itself negotiated. */
    static String bodyFor(String protocol, String cipherSuite) {
        return "Padlock says " + protocol + " " + cipherSuite + "\n";
    }

    /** The line the body ends with when the server required a client certificate. */
    static String clientLine(String subject) {
        return "client " + subject + "\n";
    }

    /** The body of {@code /big}: about 300 KB, many full 16 KB records, every line distinct. */
    static String bigBody() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            b.append(String.format("line %06d\n", i));
        }
        return b.toString();
    }

    /** {@code com.sun.net.httpserver.HttpsServer} on 127.0.0.1, port from the OS, over Padlock. */
    static final class Server implements AutoCloseable {
        private final HttpsServer server;

        Server(SSLContext context) {
            this(context, false);
        }

        /** @param needClientAuth whether the server requires a client certificate (RFC 8446 §4.3.2) */
        Server(SSLContext context, boolean needClientAuth) {
            this(context, needClientAuth, parameters -> { });
        }

        /** @param tune adjusts the server's parameters (protocols, suites) after the client-auth setting */
        Server(SSLContext context, boolean needClientAuth, Consumer<SSLParameters> tune) {
            try {
                server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the HttpsServer", e);
            }
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(needClientAuth);
                    tune.accept(parameters);
                    params.setSSLParameters(parameters);
                }
            });
            server.createContext("/", exchange -> {
                SSLSession session = ((HttpsExchange) exchange).getSSLSession();
                String text = bodyFor(session.getProtocol(), session.getCipherSuite());
                if (needClientAuth) {
                    text += clientLine(session.getPeerPrincipal().getName());
                }
                byte[] body = text.getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/big", exchange -> {
                byte[] body = bigBody().getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** What the client saw: the status, the page and Padlock's session. */
    record Page(int statusCode, HttpClient.Version version, String body, SSLSession session) {}

    /**
     * A GET of https://localhost:{@code port}/ with {@code java.net.http.HttpClient} over
     * {@code context}, the body read up to and including {@code endOfPage}.
     *
     * <p>Status pages of {@code s_server -www} and {@code gnutls-serv --http} are HTTP/1.0
     * without Content-Length, so their end is the end of the connection; JDK 17's HttpClient
     * never completes such a body over TLS when the server sends close_notify but keeps the
     * TCP connection open (SunJSSE and Padlock alike), so the page is read up to its known
     * last line instead.
     */
    static Page get(SSLContext context, int port, String endOfPage) throws Exception {
        return get(context, port, endOfPage, HttpClient.Version.HTTP_1_1);
    }

    /** As {@link #get(SSLContext, int, String)}; HTTP_2 makes HttpClient offer ALPN h2 and http/1.1. */
    static Page get(SSLContext context, int port, String endOfPage, HttpClient.Version version) throws Exception {
        return get(context, port, endOfPage, version, context.getDefaultSSLParameters());
    }

    /** As {@link #get(SSLContext, int, String, HttpClient.Version)}, with the client's SSL parameters. */
    static Page get(SSLContext context, int port, String endOfPage, HttpClient.Version version,
            SSLParameters parameters) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters).version(version)
                .connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                .timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        CompletableFuture<String> body = CompletableFuture.supplyAsync(() -> readUpTo(response.body(), endOfPage));
        try {
            return new Page(response.statusCode(), response.version(), body.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    response.sslSession().orElseThrow());
        } finally {
            response.body().close();
        }
    }

    /**
     * Whether {@code session} resumed {@code original}, as the provider under test sees it:
     * {@link dev.padlock.Padlock#isResumed} for Padlock. SunJSSE has no such method; its resumed
     * session keeps the original's creation time (a ticket-resumed server session gets a new id,
     * so the id cannot tell), which is good enough to check these tests against SunJSSE.
     */
    static boolean isResumed(SSLSession original, SSLSession session) {
        if (isPadlocks(session)) {
            return dev.padlock.Padlock.isResumed(session);
        }
        return original.getCreationTime() == session.getCreationTime();
    }

    /**
     * The session's keying material for {@code label} without a context, which is what OpenSSL's
     * {@code -keymatexport} asks for. In TLS 1.2 "no context" and "empty context" differ (RFC
     * 5705 §4: the context length is part of the PRF seed only when a context is given), so this
     * passes null. SunJSSE exports only on JDK 25 and later ({@code ExtendedSSLSession}).
     */
    static byte[] exportKeyingMaterial(SSLSession session, String label, int length) throws Exception {
        if (isPadlocks(session)) {
            return dev.padlock.Padlock.exportKeyingMaterial(session, label, null, length);
        }
        Method export;
        try {
            export = ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
                    int.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(session.getClass().getName() + " cannot export keying material on JDK "
                    + Runtime.version() + " (SunJSSE needs JDK 25)", e);
        }
        try {
            return (byte[]) export.invoke(session, label, null, length);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The facts {@link #isResumed} judges by, for an assertion message. */
    static String resumptionFacts(SSLSession original, SSLSession session) {
        return "original id " + HexFormat.of().formatHex(original.getId()) + " created " + original.getCreationTime()
                + ", later id " + HexFormat.of().formatHex(session.getId()) + " created " + session.getCreationTime()
                + " (" + session.getClass().getName() + ")";
    }

    private static boolean isPadlocks(SSLSession session) {
        return session.getClass().getName().startsWith("dev.padlock.");
    }

    private static String readUpTo(InputStream in, String endOfPage) {
        StringBuilder page = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                page.append((char) b);
                if (page.length() >= endOfPage.length()
                        && page.indexOf(endOfPage, page.length() - endOfPage.length()) >= 0) {
                    return page.toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the page failed after:\n" + page, e);
        }
        throw new IllegalStateException("the page ended before \"" + endOfPage + "\":\n" + page);
    }
}
