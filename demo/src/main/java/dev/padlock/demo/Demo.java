package dev.padlock.demo;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;

/**
 * An ordinary JSSE program: an {@code HttpsServer} and a {@code java.net.http.HttpClient} on
 * 127.0.0.1 with a certificate made on the spot. It never names a TLS provider; whichever is
 * first in java.security does the TLS, and the demo prints who that was.
 */
public final class Demo {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("padlock-demo");
        Path keystore = dir.resolve("localhost.p12");
        makeCertificate(keystore);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("localhost", ks.getCertificate("localhost"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);

        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext) {
            @Override
            public void configure(HttpsParameters params) {
                params.setSSLParameters(serverContext.getDefaultSSLParameters());
            }
        });
        server.createContext("/", exchange -> {
            SSLSession s = ((HttpsExchange) exchange).getSSLSession();
            // The server's own session object: HttpClient hands its caller a copy, on which only
            // standard JSSE methods work, so the Padlock-only facts are read here.
            String body0 = "hello over " + s.getProtocol() + "\n"
                    + padlockFact("negotiatedGroup", s).orElse("(not reported by this provider)") + "\n"
                    + padlockFact("isResumed", s).orElse("(not reported by this provider)") + "\n";
            byte[] body = body0.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            System.out.println("server  https://localhost:" + port + "/  TLS by " + serverContext.getProvider().getName());
            System.out.println("client  java.net.http.HttpClient       TLS by " + clientContext.getProvider().getName());
            HttpClient client = HttpClient.newBuilder().sslContext(clientContext)
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 1; i <= 2; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                        .timeout(Duration.ofSeconds(10)).build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                report(i, response);
            }
        } finally {
            server.stop(0);
        }
    }

    private static void report(int n, HttpResponse<String> response) throws Exception {
        SSLSession s = response.sslSession().orElseThrow();
        X509Certificate peer = (X509Certificate) s.getPeerCertificates()[0];
        System.out.println();
        String[] facts = response.body().split("\n");
        System.out.println("fetch " + n + ": HTTP " + response.statusCode() + "  \"" + facts[0] + "\"");
        System.out.println("  provider     " + SSLContext.getDefault().getProvider().getName());
        System.out.println("  protocol     " + s.getProtocol());
        System.out.println("  cipher suite " + s.getCipherSuite());
        System.out.println("  group        " + facts[1] + "  (as the server's session reports it)");
        System.out.println("  resumed      " + facts[2]);
        System.out.println("  ALPN         " + (response.version() == HttpClient.Version.HTTP_2 ? "h2"
                : "(none: HttpsServer speaks HTTP/1.1 and negotiates no ALPN)"));
        System.out.println("  server cert  " + peer.getSubjectX500Principal());
    }

    /** The Padlock API, if Padlock is on the class path; the demo stays a plain JSSE program. */
    private static Optional<String> padlockFact(String method, SSLSession s) {
        try {
            Class<?> api = Class.forName("dev.padlock.Padlock");
            Method m = api.getMethod(method, SSLSession.class);
            Object value = m.invoke(null, s);
            return Optional.of(value instanceof Optional<?> o ? o.map(Object::toString).orElse("?") : value.toString());
        } catch (ReflectiveOperationException e) {
            return Optional.empty();
        }
    }

    private static void makeCertificate(Path keystore) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "localhost", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(p.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
