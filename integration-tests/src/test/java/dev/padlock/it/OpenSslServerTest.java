package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertContains;
import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.awaitPrinted;
import static dev.padlock.it.Transcripts.count;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java.net.http.HttpClient} on Padlock against {@code openssl s_server -www}, whose
 * status page reports what OpenSSL negotiated and {@code -msg} logs the handshake messages.
 */
class OpenSslServerTest {
    private static final String TYPED_ANSWER = "typed answer\n";
    private static final String HELLO_RECEIVED = "<<< TLS 1.3, Handshake \\[length [0-9a-f]+\\], ClientHello";

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void negotiatesEachCipherSuite(String suite) throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-ciphersuites", suite)) {
            Padlock.Page page = get(server, null);
            assertNegotiated(server, page, suite);
        }
    }

    /**
     * Padlock's client sends key shares for X25519MLKEM768 (which OpenSSL 3.0 does not have) and
     * x25519 (RFC 8446 §4.2.8); a server that supports only another group answers with a
     * HelloRetryRequest (§4.1.4), and
     * s_server then receives a second ClientHello.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "X25519 | x25519    | 1",
            "P-256  | secp256r1 | 2",
            "P-384  | secp384r1 | 2",
            "X448   | x448      | 2",
            "P-521  | secp521r1 | 2"})
    void agreesOnEachGroup(String group, String sharedGroup, long clientHellos) throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-groups", group)) {
            Padlock.Page page = get(server, null);
            assertNegotiated(server, page, "TLS_AES_128_GCM_SHA256");
            assertContains(page.body(), "Shared groups: " + sharedGroup + "\n", server.peer());
            assertEquals(clientHellos, count(server.peer(), HELLO_RECEIVED), server.transcript());
        }
    }

    /**
     * RFC 8446 §4.2.2: {@code s_server -stateless} answers the first ClientHello with a
     * HelloRetryRequest carrying a cookie, and accepts only a second ClientHello echoing it.
     * (s_server's stateless mode rejects the change_cipher_spec a middlebox-compatible client
     * sends before its second ClientHello, OpenSSL's own s_client included, so Padlock runs
     * with {@code jdk.tls.client.useCompatibilityMode=false} here.)
     */
    @Test
    void echoesTheCookieOfAHelloRetryRequest() throws Exception {
        try (PeerServer server = typingServer("-stateless")) {
            SSLContext context = Padlock.contextWith(null, pki.trustManagers(),
                    Map.of("jdk.tls.client.useCompatibilityMode", "false"));
            Padlock.Page page = typedAnswer(server, context, null, null);
            assertEquals(TYPED_ANSWER, page.body());
            assertEquals(2, count(server.peer(), HELLO_RECEIVED), server.transcript());
            assertEquals("TLSv1.3", page.session().getProtocol());
        }
    }

    /**
     * RFC 8446 §4.6.3: s_server's "K" command sends KeyUpdate(update_requested); Padlock
     * answers with its own KeyUpdate, and the answer that follows is read on the new keys.
     */
    @Test
    void answersKeyUpdateRequested() throws Exception {
        try (PeerServer server = typingServer()) {
            Padlock.Page page = typedAnswer(server, Padlock.context(null, pki.trustManagers(), null), "K",
                    "SSL_do_handshake -> 1");
            assertEquals(TYPED_ANSWER, page.body());
            awaitPrinted(server.peer(), "<<< TLS 1.3, Handshake [length 0005], KeyUpdate");
            String out = server.peer().stdout();
            assertTrue(out.indexOf(">>> TLS 1.3, Handshake [length 0005], KeyUpdate")
                    < out.indexOf("<<< TLS 1.3, Handshake [length 0005], KeyUpdate"), server.transcript());
        }
    }

    /** s_server without -www: it prints what it receives and sends what is typed on its stdin. */
    private static PeerServer typingServer(String... options) {
        return PeerServer.start(dir, port -> {
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-tls1_3", "-msg", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                    "-key", pki.keyPem(Kind.ECDSA_P256).toString()));
            command.addAll(List.of(options));
            return command;
        }, "ACCEPT");
    }

    /**
     * Sends a GET with HttpClient; once s_server has printed it, types {@code command} (when
     * not null, waiting for {@code commandDone}) and then an HTTP answer on s_server's stdin.
     */
    private static Padlock.Page typedAnswer(PeerServer server, SSLContext context, String command,
            String commandDone) throws Exception {
        CompletableFuture<Padlock.Page> page = CompletableFuture.supplyAsync(() -> {
            try {
                return Padlock.get(context, server.port(), TYPED_ANSWER);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        awaitPrinted(server.peer(), "GET / HTTP/1.1");
        if (command != null) {
            server.peer().send(command + "\n");
            awaitPrinted(server.peer(), commandDone);
        }
        server.peer().send("HTTP/1.1 200 OK\r\nContent-Length: " + TYPED_ANSWER.length() + "\r\n\r\n" + TYPED_ANSWER);
        return page.get(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * RFC 8446 §5.1: handshake messages may span records. With 512-byte records the RSA
     * Certificate, its CertificateVerify and the page arrive in many fragments.
     */
    @Test
    void reassemblesHandshakeMessagesSpanningRecords() throws Exception {
        try (PeerServer server = sServer(Kind.RSA_2048, "-max_send_frag", "512", "-no_middlebox",
                "-num_tickets", "3")) {
            Padlock.Page page = get(server, null);
            assertNegotiated(server, page, "TLS_AES_128_GCM_SHA256");
            assertEquals(pki.certificate(Kind.RSA_2048), page.session().getPeerCertificates()[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Kind.class, names = {"RSA_2048", "ECDSA_P256", "ED25519"})
    void verifiesEachCertificateType(Kind kind) throws Exception {
        try (PeerServer server = sServer(kind)) {
            Padlock.Page page = get(server, null);
            assertNegotiated(server, page, "TLS_AES_128_GCM_SHA256");
            SSLSession session = page.session();
            assertEquals(pki.certificate(kind), session.getPeerCertificates()[0]);
        }
    }

    /**
     * RFC 7301 §3.1: HttpClient asking for HTTP/2 offers ALPN "h2", "http/1.1"; s_server
     * selects http/1.1 in EncryptedExtensions and the exchange runs as HTTP/1.1.
     */
    @Test
    void acceptsTheServersApplicationProtocol() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-alpn", "http/1.1")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            Padlock.Page page = Padlock.get(context, server.port(), "</HTML>", HttpClient.Version.HTTP_2);
            assertEquals(200, page.statusCode(), server.transcript());
            assertEquals(HttpClient.Version.HTTP_1_1, page.version());
            assertPrinted(server.peer(), "ALPN protocols advertised by the client: h2, http/1.1");
            assertNegotiated(server, page, "TLS_AES_128_GCM_SHA256");
        }
    }

    /** RFC 8446 §4.4.2: the client answers a CertificateRequest with its certificate and proves the key. */
    @Test
    void authenticatesTheClientWhenAsked() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-Verify", "1", "-CAfile", pki.caPem().toString())) {
            Padlock.Page page = get(server, pki.keyManagers(Kind.CLIENT_ECDSA_P384));
            assertNegotiated(server, page, "TLS_AES_128_GCM_SHA256");
            assertPrinted(server.peer(), "depth=0 CN = padlock-client");
            String body = page.body();
            int at = body.indexOf("Client certificate");
            assertContains(body, "Client certificate", server.peer());
            String pem = body.substring(at);
            int begin = pem.indexOf("-----BEGIN CERTIFICATE-----") + "-----BEGIN CERTIFICATE-----".length();
            int end = pem.indexOf("-----END CERTIFICATE-----");
            assertArrayEquals(pki.certificate(Kind.CLIENT_ECDSA_P384).getEncoded(),
                    Base64.getMimeDecoder().decode(pem.substring(begin, end)), body);
        }
    }

    /**
     * RFC 8446 §4.4.2.4: without a client certificate s_server aborts with certificate_required,
     * and the client application learns it from the alert.
     */
    @Test
    void reportsCertificateRequiredFromTheServer() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-Verify", "1", "-CAfile", pki.caPem().toString())) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> Padlock.get(context, server.port(), "</HTML>"));
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SSLException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause, () -> "no SSLException in " + stackOf(e) + "\n" + server.transcript());
            assertEquals(SSLHandshakeException.class.getName()
                    + ": (certificate_required) Received fatal alert: certificate_required",
                    cause.toString(), () -> stackOf(e) + "\n" + server.transcript());
            assertPrinted(server.peer(), ">>> TLS 1.3, Alert [length 0002], fatal certificate_required");
        }
    }

    /**
     * A server certificate that chains to no trusted CA fails the handshake with an
     * SSLHandshakeException naming the alert, the CertificateException as its cause. (HttpClient
     * closes the connection without wrapping the pending alert, on SunJSSE too, so s_server sees
     * only the end of the stream.)
     */
    @Test
    void rejectsAnUntrustedServerCertificate() throws Exception {
        Peer.runOk(dir, List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "self.key", "-out", "self.pem", "-subj", "/CN=localhost", "-days", "30",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_3", "-www", "-msg", "-cert", "self.pem", "-key", "self.key"),
                "ACCEPT")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> Padlock.get(context, server.port(), "</HTML>"));
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SSLException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause, () -> "no SSLException in " + stackOf(e) + "\n" + server.transcript());
            String trace = stackOf(e);
            assertEquals(SSLHandshakeException.class, cause.getClass(), trace);
            assertTrue(cause.getMessage().startsWith("(certificate_unknown) the server's certificate is not trusted: "),
                    trace);
            assertTrue(cause.getCause() instanceof CertificateException, trace);
        }
    }

    private static String stackOf(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /**
     * The opt-in key log: for the same connection, Padlock writes exactly the NSS key log lines
     * OpenSSL writes (same labels, client random and secrets), so Wireshark can decrypt it.
     */
    @Test
    void keyLogLinesAreExactlyThoseOpenSslLogs() throws Exception {
        Path opensslLog = dir.resolve("openssl-keylog.txt");
        Path padlockLog = dir.resolve("padlock-keylog.txt");
        try (PeerServer server = sServer(Kind.ECDSA_P256, "-keylogfile", opensslLog.toString())) {
            SSLContext context = Padlock.contextWith(null, pki.trustManagers(),
                    Map.of("dev.padlock.keyLogFile", padlockLog.toString()));
            Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
            assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
            Set<String> ours = keyLogLines(padlockLog);
            assertEquals(Set.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                    "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"),
                    ours.stream().map(l -> l.split(" ")[0]).collect(Collectors.toSet()), ours::toString);
            assertEquals(keyLogLines(opensslLog), ours, server::transcript);
        }
    }

    private static Set<String> keyLogLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
    }

    private static PeerServer sServer(Kind kind, String... options) {
        return PeerServer.start(dir, port -> {
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-tls1_3", "-www", "-msg", "-cert", pki.certPem(kind).toString(),
                    "-key", pki.keyPem(kind).toString()));
            command.addAll(List.of(options));
            return command;
        }, "ACCEPT");
    }

    private static Padlock.Page get(PeerServer server, KeyManager[] keys) throws Exception {
        SSLContext context = Padlock.context(keys, pki.trustManagers(), null);
        Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
        assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
        return page;
    }

    private static void assertNegotiated(PeerServer server, Padlock.Page page, String suite) {
        assertContains(page.body(), "New, TLSv1.3, Cipher is " + suite + "\n", server.peer());
        SSLSession session = page.session();
        assertEquals("TLSv1.3", session.getProtocol());
        assertEquals(suite, session.getCipherSuite());
    }
}
