package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gnutls-cli} against {@code HttpsServer} on Padlock. */
class GnuTlsClientTest {
    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "AES-128-GCM       | X25519    | ECDSA_P256 | TLS_AES_128_GCM_SHA256       | ECDSA-SECP256R1-SHA256",
            "AES-256-GCM       | X25519    | ECDSA_P256 | TLS_AES_256_GCM_SHA384       | ECDSA-SECP256R1-SHA256",
            "CHACHA20-POLY1305 | X25519    | ECDSA_P256 | TLS_CHACHA20_POLY1305_SHA256 | ECDSA-SECP256R1-SHA256",
            "AES-128-GCM       | SECP384R1 | RSA_2048   | TLS_AES_128_GCM_SHA256       | RSA-PSS-RSAE-SHA256",
            "AES-256-GCM       | X448      | ED25519    | TLS_AES_256_GCM_SHA384       | EdDSA-Ed25519"})
    void negotiates(String cipher, String group, Kind kind, String suite, String signature) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context);
                Peer client = Peer.start(dir, List.of("gnutls-cli",
                        "--priority", "NORMAL:-VERS-ALL:+VERS-TLS1.3:-CIPHER-ALL:+" + cipher
                                + ":-GROUP-ALL:+GROUP-" + group,
                        "--x509cafile", pki.caPem().toString(), "--verify-hostname", "localhost",
                        "--port", Integer.toString(server.port()), "127.0.0.1"))) {
            client.send("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
            // stdin stays open: gnutls-cli ends when the server closes the connection after its answer
            client.awaitExit();
            assertCleanExit(client);
            assertPrinted(client, "- Description: (TLS1.3-X.509)-(ECDHE-" + group + ")-(" + signature + ")-("
                    + cipher + ")");
            assertPrinted(client, "- Status: The certificate is trusted.");
            assertPrinted(client, "HTTP/1.1 200 OK");
            assertPrinted(client, Padlock.bodyFor("TLSv1.3", suite));
        }
    }

    /**
     * RFC 8449 §4: {@code gnutls-cli --recordsize 512} advertises record_size_limit 513 under
     * TLS 1.3 (512 bytes of content plus the content type byte), so every protected record
     * Padlock sends may hold at most 513 bytes of TLSInnerPlaintext. A 300 KB body must arrive
     * intact in records no larger than that.
     */
    @Test
    void respectsTheClientsRecordSizeLimit() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context);
                Peer client = Peer.start(dir, List.of("gnutls-cli", "-d", "5", "--recordsize", "512",
                        "--priority", "NORMAL:-VERS-ALL:+VERS-TLS1.3", "--x509cafile", pki.caPem().toString(),
                        "--verify-hostname", "localhost", "--port", Integer.toString(server.port()), "127.0.0.1"))) {
            client.send("GET /big HTTP/1.0\r\nHost: localhost\r\n\r\n");
            client.awaitExit();
            assertCleanExit(client);
            assertPrinted(client, "- Description: (TLS1.3-X.509)-");
            assertPrinted(client, "HTTP/1.1 200 OK");
            assertTrue(client.stdout().contains(Padlock.bigBody()), () -> "the whole body\n" + client.transcript());
            // Padlock's EncryptedExtensions carried its own limit, so the extension was negotiated
            assertTrue(Pattern.compile("record_size_limit \\d+ negotiated").matcher(client.stderr()).find(),
                    client::transcript);
            // gnutls -d 5 logs every protected record it receives with its length
            Matcher m = Pattern.compile("Received Packet Application Data\\(23\\) with length: (\\d+)")
                    .matcher(client.stderr());
            List<Integer> lengths = new ArrayList<>();
            while (m.find()) {
                lengths.add(Integer.parseInt(m.group(1)));
            }
            int largest = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
            // 513 bytes of TLSInnerPlaintext (content, type, padding) and the 16-byte AEAD tag
            assertTrue(largest <= 513 + 16 && lengths.size() > Padlock.bigBody().length() / 512,
                    () -> "largest record " + largest + " of " + lengths.size() + "\n" + client.transcript());
        }
    }

    /**
     * gnutls-cli exits 1 when the connection ends without close_notify, and HttpsServer closes
     * its connections that way (on SunJSSE as on Padlock); that is the only failure accepted.
     */
    private static void assertCleanExit(Peer client) {
        if (client.exitCode() != 0) {
            assertEquals(1, client.exitCode(), client.transcript());
            assertEquals("*** Fatal error: The TLS connection was non-properly terminated.",
                    client.stderr().lines().filter(l -> l.startsWith("*** Fatal error")).findFirst().orElse(""),
                    client.transcript());
        }
    }
}
