package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertContains;
import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFC 7919 groups against OpenSSL, both ways: a completed handshake means both sides hold the
 * same prime and pad the public value and the secret alike (RFC 8446 §4.2.8.1, §7.4.1).
 */
class FfdheOpenSslTest {
    private static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";
    private static final String HELLO_SENT = ">>> TLS 1.3, Handshake \\[length [0-9a-f]+\\], ClientHello";
    private static final String HELLO_RECEIVED = "<<< TLS 1.3, Handshake \\[length [0-9a-f]+\\], ClientHello";

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    /**
     * Padlock's client on its defaults sends shares for x25519 and secp256r1 only; s_server on an
     * FFDHE group asks for it by HelloRetryRequest. Naming the group alone needs no retry.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ffdhe2048 |           | 2",
            "ffdhe3072 |           | 2",
            "ffdhe2048 | ffdhe2048 | 1"})
    void padlockClientAgreesWithOpenSslServer(String group, String padlockGroups, long clientHellos)
            throws Exception {
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_3", "-www", "-msg", "-groups", group,
                "-cert", pki.certPem(Kind.ECDSA_P256).toString(), "-key", pki.keyPem(Kind.ECDSA_P256).toString()),
                "ACCEPT")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), padlockGroups);
            Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
            assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
            assertContains(page.body(), "Shared groups: " + group + "\n", server.peer());
            assertEquals(clientHellos, count(server.peer(), HELLO_RECEIVED), server.transcript());
            assertEquals("TLSv1.3", page.session().getProtocol());
        }
    }

    /** s_client on one FFDHE group sends its share at once; the Padlock server, on its defaults, takes it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ffdhe2048 | DH, 2048 bits",
            "ffdhe4096 | DH, 4096 bits"})
    void openSslClientAgreesWithPadlockServer(String group, String tempKey) throws Exception {
        Peer client = sClient(null, group);
        assertPrinted(client, "Server Temp Key: " + tempKey);
        assertPrinted(client, "HTTP/1.1 200 OK");
        assertEquals(1, count(client, HELLO_SENT), "one ClientHello, no HelloRetryRequest\n" + client.transcript());
    }

    /** s_client offering x25519 after an FFDHE group it sends a share for: the Padlock server takes x25519. */
    @Test
    void padlockServerPrefersAnEcGroupTheClientOffers() throws Exception {
        Peer client = sClient(null, "ffdhe2048:X25519");
        assertPrinted(client, "Server Temp Key: X25519, 253 bits");
        assertPrinted(client, "HTTP/1.1 200 OK");
    }

    private static Peer sClient(String serverGroups, String clientGroups) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), serverGroups);
        try (Padlock.Server server = new Padlock.Server(context)) {
            Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                    "-tls1_3", "-groups", clientGroups, "-CAfile", pki.caPem().toString(),
                    "-servername", "localhost", "-verify_return_error", "-ign_eof", "-msg",
                    // HttpsServer closes the TCP connection without close_notify, on SunJSSE too.
                    "-ignore_unexpected_eof"));
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
    }
}
