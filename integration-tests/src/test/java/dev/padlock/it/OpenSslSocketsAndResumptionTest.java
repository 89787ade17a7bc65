package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Padlock's blocking sockets against OpenSSL, and PSK resumption (RFC 8446 §2.2) with OpenSSL in
 * both directions, read from OpenSSL's own output ("Reused" rather than "New").
 */
class OpenSslSocketsAndResumptionTest {
    private static final int TIMEOUT_MS = 30_000;
    private static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";

    @TempDir
    static Path dir;
    private static PeerPki pki;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A Padlock SSLServerSocket echoes one line to s_client. */
    @Test
    void sClientTalksToAPadlockServerSocket() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<String> served = pool.submit(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    InputStream in = s.getInputStream();
                    StringBuilder line = new StringBuilder();
                    int c;
                    while ((c = in.read()) >= 0 && c != '\n') {
                        line.append((char) c);
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("echo: " + line + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
                }
            });
            List<String> command = List.of("openssl", "s_client", "-connect", "127.0.0.1:" + listener.getLocalPort(),
                    "-tls1_3", "-CAfile", pki.caPem().toString(), "-servername", "localhost",
                    "-verify_return_error", "-ign_eof");
            try (Peer client = Peer.start(dir, command)) {
                client.send("hello from openssl\n");
                // The Padlock server chooses by its own order (AES-128 first), not s_client's.
                assertEquals("TLSv1.3 TLS_AES_128_GCM_SHA256", served.get(TIMEOUT_MS, TimeUnit.MILLISECONDS),
                        client::transcript);
                client.closeInput();
                client.awaitExit();
                assertPrinted(client, "New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256");
                assertPrinted(client, "echo: hello from openssl");
            }
        }
    }

    /** A raw Padlock SSLSocket fetches s_server's status page. */
    @Test
    void padlockSslSocketTalksToSServer() throws Exception {
        try (PeerServer server = sServer()) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            String page = fetchWithSocket(context, server.port());
            // s_server takes the client's order, whose first suite is Padlock's default AES-128.
            assertTrue(page.contains("New, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256"), page);
        }
    }

    /** The second connection of one Padlock client context resumes the session s_server issued. */
    @Test
    void padlockClientResumesWithSServer() throws Exception {
        try (PeerServer server = sServer()) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            String first = fetchWithSocket(context, server.port());
            assertTrue(first.contains("New, TLSv1.3"), first);
            String second = fetchWithSocket(context, server.port());
            assertTrue(second.contains("Reused, TLSv1.3"), second + "\n" + server.transcript());
        }
    }

    /** s_client stores the ticket from a Padlock server and resumes with it (-sess_out, -sess_in). */
    @Test
    void sClientResumesWithAPadlockServer() throws Exception {
        Path session = dir.resolve("padlock-session.pem");
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context)) {
            Peer first = sClient(server.port(), "-sess_out", session.toString());
            assertPrinted(first, "New, TLSv1.3");
            Peer second = sClient(server.port(), "-sess_in", session.toString());
            assertPrinted(second, "Reused, TLSv1.3");
        }
    }

    private static Peer sClient(int port, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3", "-CAfile", pki.caPem().toString(), "-servername", "localhost", "-verify_return_error",
                "-ign_eof", "-ignore_unexpected_eof"));
        command.addAll(List.of(options));
        Peer client = Peer.start(dir, command);
        try {
            client.send(REQUEST);
            client.closeInput();
            client.awaitExit();
        } finally {
            client.close();
        }
        assertEquals(0, client.exitCode(), client.transcript());
        return client;
    }

    private static PeerServer sServer() {
        return PeerServer.start(dir, port -> List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-tls1_3", "-www", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                "-key", pki.keyPem(Kind.ECDSA_P256).toString()), "ACCEPT");
    }

    private static String fetchWithSocket(SSLContext context, int port) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // s_server -www answers HTTP/1.0 and closes; read to the end of its page.
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            return page;
        }
    }
}
