package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertContains;
import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.awaitPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.padlock.it.PeerPki.Kind;
import dev.padlock.it.Tls12.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GnuTLS limited to TLS 1.2 by its priority string, both ways, one suite per certificate type
 * (issue 13): {@code gnutls-cli} against {@code HttpsServer} on Padlock, and
 * {@code java.net.http.HttpClient} on Padlock against {@code gnutls-serv --http}. GnuTLS
 * describes a session as (version-X.509)-(key exchange)-(signature)-(cipher); x25519 comes first
 * in both sides' groups, so the description is exact up to the signature scheme, which is the
 * server's choice among several that TLS 1.2 allows for one key (RFC 5246 §7.4.1.4.1).
 */
class Tls12GnuTlsTest {
    /**
     * The certificates' curves stay in the client's groups: in TLS 1.2 they also name the curves
     * it accepts in ECDSA certificates (RFC 8422 §5.1.1), and a server without a matching
     * certificate must refuse.
     */
    private static final String TLS12_ONLY =
            "NORMAL:-VERS-ALL:+VERS-TLS1.2:-GROUP-ALL:+GROUP-X25519:+GROUP-SECP256R1:+GROUP-SECP384R1";
    /** RFC 7627 is on by default in GnuTLS; this priority keyword leaves it out. */
    private static final String NO_EMS = ":%NO_SESSION_HASH";

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ECDSA_P256 | ECDHE_ECDSA_AES_128_GCM | ECDSA-",
            "ECDSA_P384 | ECDHE_ECDSA_AES_256_GCM | ECDSA-",
            "RSA_2048   | ECDHE_RSA_CHACHA20      | RSA-"})
    void gnutlsCliGetsThePageFromAPadlockServer(Kind kind, Suite suite, String signature) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context);
                Peer client = gnutlsCli(server.port(), TLS12_ONLY + ":-CIPHER-ALL:+" + suite.gnutlsCipher)) {
            client.awaitExit();
            assertCleanExit(client);
            assertDescription(client.stdout(), suite, signature, client);
            assertPrinted(client, "- Status: The certificate is trusted.");
            assertPrinted(client, Padlock.bodyFor(Tls12.TLS12, suite.jsse));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ECDSA_P256 | ECDHE_ECDSA_CHACHA20    | ECDSA-",
            "ECDSA_P384 | ECDHE_ECDSA_AES_128_GCM | ECDSA-",
            "RSA_2048   | ECDHE_RSA_AES_256_GCM   | RSA-"})
    void padlockGetsThePageFromGnutlsServ(Kind kind, Suite suite, String signature) throws Exception {
        try (PeerServer server = gnutlsServ(kind, TLS12_ONLY + ":-CIPHER-ALL:+" + suite.gnutlsCipher)) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
            assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
            assertContains(page.body(), "<TD>Protocol version:</TD><TD>TLS1.2</TD>", server.peer());
            assertDescription(page.body(), suite, signature, server.peer());
            Tls12.assertSession(page.session(), Tls12.TLS12, suite.jsse);
            assertEquals(pki.certificate(kind), page.session().getPeerCertificates()[0]);
        }
    }

    /**
     * RFC 5077 §3.1: gnutls-cli -r connects, disconnects and connects again with the ticket the
     * Padlock server issued; both sides see the second handshake resumed.
     */
    @Test
    void gnutlsCliResumesWithAPadlockServersTicket() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (SocketServer server = new SocketServer(context, s -> { });
                Peer client = Peer.start(dir, List.of("gnutls-cli", "--resume", "--priority", TLS12_ONLY,
                        "--x509cafile", pki.caPem().toString(), "--verify-hostname", "localhost",
                        "--port", Integer.toString(server.port()), "127.0.0.1"))) {
            SSLSession original = server.next(client).sessionOrFail(client);
            client.send("hello\n");
            SSLSession resumed = server.next(client).sessionOrFail(client);
            client.awaitExit();
            assertPrinted(client, "*** This is a resumed session");
            assertPrinted(client, "echo: hello\n" + Padlock.bodyFor(Tls12.TLS12, resumed.getCipherSuite()));
            assertTrue(Padlock.isResumed(original, resumed),
                    () -> Padlock.resumptionFacts(original, resumed) + "\n" + client.transcript());
        }
    }

    /**
     * RFC 7627 §5.3: a ClientHello without extended_master_secret is refused with handshake_failure.
     * (A socket server: HttpsServer closes a connection whose handshake failed without sending
     * the alert, on SunJSSE too.)
     */
    @Test
    void aPadlockServerRefusesGnutlsCliWithoutExtendedMasterSecret() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (SocketServer server = new SocketServer(context, s -> { });
                Peer client = gnutlsCli(server.port(), TLS12_ONLY + NO_EMS)) {
            client.awaitExit();
            Tls12.assertSentAlert(server.next(client).failure(), "handshake_failure", client);
            assertNotEquals(0, client.exitCode(), client.transcript());
            assertPrinted(client, "*** Received alert [40]: Handshake failed");
        }
    }

    /** RFC 7627 §5.2: a ServerHello without extended_master_secret is refused with handshake_failure. */
    @Test
    void aPadlockClientRefusesGnutlsServWithoutExtendedMasterSecret() throws Exception {
        try (PeerServer server = gnutlsServ(Kind.ECDSA_P256, TLS12_ONLY + NO_EMS)) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            SSLException e = Tls12.failedHandshake(context, server.port(), socket -> { });
            Tls12.assertSentAlert(e, "handshake_failure", server.peer());
            awaitPrinted(server.peer(), "Alert[2|40] - Handshake failed - was received");
        }
    }

    private static void assertDescription(String text, Suite suite, String signature, Peer context) {
        Matcher m = Pattern.compile("\\(TLS1\\.2-X\\.509\\)-\\(ECDHE-X25519\\)-\\(([A-Za-z0-9-]+)\\)-\\("
                + Pattern.quote(suite.gnutlsCipher) + "\\)").matcher(text);
        if (!m.find()) {
            fail("expected (TLS1.2-X.509)-(ECDHE-X25519)-(" + signature + "...)-(" + suite.gnutlsCipher + ") in:\n"
                    + text + "\n" + context.transcript());
        }
        assertTrue(m.group(1).startsWith(signature), () -> m.group(0) + "\n" + context.transcript());
    }

    /** gnutls-cli sending one HTTP/1.0 request; stdin stays open and it ends when the server closes. */
    private static Peer gnutlsCli(int port, String priority) {
        Peer client = Peer.start(dir, List.of("gnutls-cli", "--priority", priority,
                "--x509cafile", pki.caPem().toString(), "--verify-hostname", "localhost",
                "--port", Integer.toString(port), "127.0.0.1"));
        client.send(Tls12.REQUEST);
        return client;
    }

    private static PeerServer gnutlsServ(Kind kind, String priority) {
        return PeerServer.start(dir, port -> List.of("gnutls-serv", "--http", "-d", "5", "--priority", priority,
                "--x509certfile", pki.certPem(kind).toString(), "--x509keyfile", pki.keyPem(kind).toString(),
                "-p", Integer.toString(port)), "listening on IPv4");
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
