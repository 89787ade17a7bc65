package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.padlock.it.PeerPki.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the TLS 1.2 interop tests share: the six ECDHE + AEAD suites of issue 13 under their
 * JSSE, OpenSSL and GnuTLS names, the certificate types each may use, and a way to make an
 * OpenSSL peer leave out the extended master secret (RFC 7627).
 */
final class Tls12 {
    static final String TLS12 = "TLSv1.2";
    static final String TLS13 = "TLSv1.3";
    static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";
    static final int TIMEOUT_MS = (int) (Peer.TIMEOUT_SECONDS * 1000);

    private Tls12() {}

    /** The six suites of issue 13. */
    enum Suite {
        ECDHE_ECDSA_AES_256_GCM("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384",
                "AES-256-GCM", true),
        ECDHE_ECDSA_AES_128_GCM("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256",
                "AES-128-GCM", true),
        ECDHE_ECDSA_CHACHA20("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305",
                "CHACHA20-POLY1305", true),
        ECDHE_RSA_AES_256_GCM("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
                "AES-256-GCM", false),
        ECDHE_RSA_AES_128_GCM("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
                "AES-128-GCM", false),
        ECDHE_RSA_CHACHA20("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305",
                "CHACHA20-POLY1305", false);

        final String jsse;
        final String openssl;
        final String gnutlsCipher;
        final boolean ecdsa;

        Suite(String jsse, String openssl, String gnutlsCipher, boolean ecdsa) {
            this.jsse = jsse;
            this.openssl = openssl;
            this.gnutlsCipher = gnutlsCipher;
            this.ecdsa = ecdsa;
        }

        /** RFC 8422 §5.3 / RFC 5246 §7.4.2: the certificate's key must suit the suite's signature. */
        List<Kind> certificates() {
            return ecdsa ? List.of(Kind.ECDSA_P256, Kind.ECDSA_P384) : List.of(Kind.RSA_2048);
        }
    }

    /** Which of Padlock's adapters a test drives. */
    enum Transport { ENGINE, SOCKET }

    /** Every suite with every certificate type it allows, over both transports. */
    static Stream<Arguments> suitesByCertificate() {
        return Arrays.stream(Suite.values()).flatMap(suite -> suite.certificates().stream()
                .flatMap(kind -> Arrays.stream(Transport.values()).map(t -> Arguments.of(suite, kind, t))));
    }

    /**
     * The environment under which an OpenSSL 3.0 program neither offers nor accepts the
     * extended master secret. OpenSSL 3.0's {@code s_client}/{@code s_server} have no
     * {@code -no_ems} switch; the option is reachable only through the configuration file's
     * {@code Options = -ExtendedMasterSecret} (SSL_OP_NO_EXTENDED_MASTER_SECRET).
     */
    static Map<String, String> withoutExtendedMasterSecret(Path dir) {
        Path conf = dir.resolve("openssl-no-ems.cnf");
        try {
            Files.writeString(conf, "openssl_conf = padlock_it\n[padlock_it]\nssl_conf = padlock_it_ssl\n"
                    + "[padlock_it_ssl]\nsystem_default = padlock_it_no_ems\n"
                    + "[padlock_it_no_ems]\nOptions = -ExtendedMasterSecret\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("OPENSSL_CONF", conf.toString());
    }

    /** What a socket client read, and its session. */
    record Fetched(String page, SSLSession session) {}

    /**
     * Sends {@link #REQUEST} over a client {@code SSLSocket} to localhost:{@code port} and reads
     * to the end of the connection ({@code s_server -www} answers HTTP/1.0 and closes).
     */
    static Fetched fetch(SSLContext context, int port, Consumer<SSLSocket> tune) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            tune.accept(socket);
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return new Fetched(page, socket.getSession());
        }
    }

    /** A client socket's handshake, expected to fail; returns the exception. */
    static SSLException failedHandshake(SSLContext context, int port, Consumer<SSLSocket> tune) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            tune.accept(socket);
            socket.startHandshake();
            return fail("the handshake succeeded with " + socket.getSession().getProtocol() + " "
                    + socket.getSession().getCipherSuite());
        } catch (SSLException e) {
            return e;
        }
    }

    /**
     * The handshake failed on our side with {@code alert}: an {@code SSLHandshakeException}
     * whose message, under Padlock, starts with the alert's name in parentheses, as all of
     * Padlock's failure messages do (SunJSSE's messages name no alert).
     */
    static void assertSentAlert(Exception e, String alert, Peer peer) {
        assertEquals(SSLHandshakeException.class, e == null ? null : e.getClass(), () -> e + "\n" + peer.transcript());
        if (Padlock.UNDER_TEST.equals("Padlock")) {
            assertTrue(String.valueOf(e.getMessage()).startsWith("(" + alert + ") "), () -> e + "\n" + peer.transcript());
        }
    }

    static void assertSession(SSLSession session, String protocol, String suite) {
        assertEquals(protocol + " " + suite, session.getProtocol() + " " + session.getCipherSuite());
    }

    static Consumer<SSLSocket> protocols(String... names) {
        return socket -> socket.setEnabledProtocols(names);
    }
}
