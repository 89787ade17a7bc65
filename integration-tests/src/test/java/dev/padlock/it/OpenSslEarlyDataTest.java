package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8446 §4.2.10 with a real 0-RTT client: {@code openssl s_client -early_data} resumes a
 * session that {@code s_server -early_data} issued (so it may send up to 16 KiB of early data)
 * against a Padlock server, which cannot open that ticket. The client sends its ClientHello with
 * early_data and then its request as 0-RTT records under the early traffic key; Padlock must
 * skip them (trial decryption under the handshake key; after a HelloRetryRequest, every
 * protected record until the second ClientHello), finish a full handshake, and serve the
 * request the client sends again after it.
 */
class OpenSslEarlyDataTest {
    private static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";

    @TempDir
    static Path dir;
    private static PeerPki pki;
    private static Path session;
    private static Path earlyData;

    @BeforeAll
    static void sessionThatAllowsEarlyData() throws Exception {
        pki = PeerPki.create(dir);
        session = dir.resolve("early-data-session.pem");
        earlyData = dir.resolve("early-data.txt");
        Files.writeString(earlyData, REQUEST);
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_3", "-early_data", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                "-key", pki.keyPem(Kind.ECDSA_P256).toString()), "ACCEPT");
                Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                        "-tls1_3", "-CAfile", pki.caPem().toString(), "-servername", "localhost",
                        "-sess_out", session.toString()))) {
            // s_client writes the session when the server's NewSessionTicket arrives.
            long deadline = System.nanoTime() + Peer.TIMEOUT_SECONDS * 1_000_000_000L;
            while (!Files.exists(session) || Files.size(session) == 0) {
                if (!client.isAlive() || System.nanoTime() > deadline) {
                    fail("s_client wrote no session\n" + client.transcript() + "\n" + server.transcript());
                }
                Thread.sleep(20);
            }
            client.closeInput();
            client.awaitExit();
            assertPrinted(client, "Max Early Data: 16384");
        }
    }

    private static Peer zeroRttClient(int port) {
        Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-tls1_3", "-CAfile", pki.caPem().toString(), "-servername", "localhost", "-verify_return_error",
                "-sess_in", session.toString(), "-early_data", earlyData.toString(), "-ign_eof",
                "-ignore_unexpected_eof"));
        try {
            client.send(REQUEST);
            client.closeInput();
            client.awaitExit();
        } finally {
            client.close();
        }
        return client;
    }

    @Test
    void serverSkipsTheEarlyDataItRejectsAndServesTheRequestAfterTheHandshake() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context)) {
            Peer client = zeroRttClient(server.port());
            assertEquals(0, client.exitCode(), client.transcript());
            assertPrinted(client, "Early data was rejected");
            assertPrinted(client, "New, TLSv1.3");
            assertPrinted(client, Padlock.bodyFor("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        }
    }

    /** s_client's only key share is x25519; a server enabling only secp384r1 asks for another. */
    @Test
    void afterAHelloRetryRequestTheServerSkipsEarlyDataUntilTheSecondClientHello() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), "secp384r1");
        try (Padlock.Server server = new Padlock.Server(context)) {
            Peer client = zeroRttClient(server.port());
            assertEquals(0, client.exitCode(), client.transcript());
            assertPrinted(client, "Early data was rejected");
            assertPrinted(client, "Server Temp Key: ECDH, secp384r1");
            assertPrinted(client, Padlock.bodyFor("TLSv1.3", "TLS_AES_128_GCM_SHA256"));
        }
    }
}
