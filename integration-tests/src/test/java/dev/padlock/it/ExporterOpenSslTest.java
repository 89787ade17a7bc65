package dev.padlock.it;

import static dev.padlock.it.Transcripts.awaitPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.padlock.it.PeerPki.Kind;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keying material exporters (RFC 8446 §7.5) against OpenSSL: for one connection, what
 * {@code -keymatexport} prints equals {@code dev.padlock.Padlock.exportKeyingMaterial} on the
 * Padlock side. OpenSSL exports with no context there, which TLS 1.3 treats as the empty one,
 * so Padlock passes null.
 */
class ExporterOpenSslTest {
    private static final int TIMEOUT_MS = 30_000;
    private static final String LABEL = "EXPORTER-padlock-interop";
    private static final int LENGTH = 32;
    private static final Pattern KEYING_MATERIAL = Pattern.compile("Keying material: ([0-9A-Fa-f]+)");

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

    /** s_client exports from a Padlock server socket's connection, for a SHA-256 and a SHA-384 suite. */
    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"})
    void sClientAndAPadlockServerExportTheSameBytes(String suite) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledCipherSuites(new String[] {suite});
            Future<byte[]> exported = pool.submit(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    // Exported before the close erases the connection's secrets.
                    byte[] ekm = dev.padlock.Padlock.exportKeyingMaterial(s.getSession(), LABEL, null, LENGTH);
                    // s_client (-ign_eof) ends when we close, once its line is in.
                    InputStream in = s.getInputStream();
                    int c;
                    while ((c = in.read()) >= 0 && c != '\n') {
                        // the line is not needed
                    }
                    return ekm;
                }
            });
            List<String> command = List.of("openssl", "s_client", "-connect", "127.0.0.1:" + listener.getLocalPort(),
                    "-tls1_3", "-ciphersuites", suite, "-CAfile", pki.caPem().toString(), "-servername", "localhost",
                    "-verify_return_error", "-ign_eof", "-keymatexport", LABEL, "-keymatexportlen",
                    String.valueOf(LENGTH));
            try (Peer client = Peer.start(dir, command)) {
                client.send("hello\n");
                client.closeInput();
                client.awaitExit();
                assertEquals(hex(exported.get(TIMEOUT_MS, TimeUnit.MILLISECONDS)), keyingMaterial(client),
                        client::transcript);
            }
        }
    }

    /** A Padlock client socket exports from its connection to s_server. */
    @Test
    void aPadlockClientAndSServerExportTheSameBytes() throws Exception {
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_3", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                "-key", pki.keyPem(Kind.ECDSA_P256).toString(), "-keymatexport", LABEL, "-keymatexportlen",
                String.valueOf(LENGTH)), "ACCEPT")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            byte[] ekm;
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
                socket.setSoTimeout(TIMEOUT_MS);
                socket.startHandshake();
                ekm = dev.padlock.Padlock.exportKeyingMaterial(socket.getSession(), LABEL, new byte[0], LENGTH);
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            awaitPrinted(server.peer(), "hello");
            assertEquals(hex(ekm), keyingMaterial(server.peer()), server::transcript);
        }
    }

    private static String keyingMaterial(Peer peer) {
        Matcher m = KEYING_MATERIAL.matcher(peer.stdout());
        if (!m.find()) {
            fail("expected the peer to print \"Keying material: ...\"\n" + peer.transcript());
        }
        return m.group(1).toUpperCase(Locale.ROOT);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
