package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code java.net.http.HttpClient} on Padlock against {@code gnutls-serv --http}, whose page
 * reports the protocol and GnuTLS's description of the session; {@code -d 4} logs its
 * handshake messages.
 */
class GnuTlsServerTest {
    private static final Map<String, String> GNUTLS_CIPHER = Map.of(
            "TLS_AES_128_GCM_SHA256", "AES-128-GCM",
            "TLS_AES_256_GCM_SHA384", "AES-256-GCM",
            "TLS_CHACHA20_POLY1305_SHA256", "CHACHA20-POLY1305");
    private static final String HRR_SENT = "HELLO RETRY REQUEST was queued";

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    /**
     * Ciphers and groups chosen by GnuTLS's priority string; a group for which Padlock sent
     * no key share (it sends X25519MLKEM768, which GnuTLS 3.7.9 does not have, and x25519) takes
     * a HelloRetryRequest (RFC 8446 §4.1.4).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "RSA_2048   | NORMAL                                                   | X25519    | RSA-PSS-RSAE-SHA256    | false",
            "ECDSA_P256 | NORMAL:-CIPHER-ALL:+CHACHA20-POLY1305                    | X25519    | ECDSA-SECP256R1-SHA256 | false",
            "ECDSA_P256 | NORMAL:-CIPHER-ALL:+AES-128-GCM:-GROUP-ALL:+GROUP-SECP256R1 | SECP256R1 | ECDSA-SECP256R1-SHA256 | true",
            "ED25519    | NORMAL:-GROUP-ALL:+GROUP-SECP384R1                       | SECP384R1 | EdDSA-Ed25519          | true",
            "ECDSA_P256 | NORMAL:-GROUP-ALL:+GROUP-X448                            | X448      | ECDSA-SECP256R1-SHA256 | true"})
    void negotiates(Kind kind, String priority, String group, String signature, boolean retried) throws Exception {
        try (PeerServer server = gnutlsServ(kind, priority)) {
            Padlock.Page page = get(server, null);
            String suite = page.session().getCipherSuite();
            assertContains(page.body(), "<TD>Protocol version:</TD><TD>TLS1.3</TD>", server.peer());
            assertContains(page.body(), "<TD>(TLS1.3-X.509)-(ECDHE-" + group + ")-(" + signature + ")-("
                    + GNUTLS_CIPHER.get(suite) + ")</TD>", server.peer());
            assertEquals(retried, server.peer().stderr().contains(HRR_SENT), server.transcript());
        }
    }

    /** RFC 8446 §4.4.2: the client's certificate, verified by GnuTLS against the CA. */
    @Test
    void authenticatesTheClientWhenRequired() throws Exception {
        try (PeerServer server = gnutlsServ(Kind.ECDSA_P256, "NORMAL", "--require-client-cert",
                "--verify-client-cert", "--x509cafile", pki.caPem().toString())) {
            Padlock.Page page = get(server, pki.keyManagers(Kind.CLIENT_ECDSA_P384));
            assertContains(page.body(), "<TD>Protocol version:</TD><TD>TLS1.3</TD>", server.peer());
            assertContains(page.body(), "padlock-client", server.peer());
        }
    }

    private static PeerServer gnutlsServ(Kind kind, String priority, String... options) {
        return PeerServer.start(dir, port -> {
            List<String> command = new ArrayList<>(List.of("gnutls-serv", "--http", "-d", "4",
                    "--priority", priority + ":-VERS-ALL:+VERS-TLS1.3",
                    "--x509certfile", pki.certPem(kind).toString(), "--x509keyfile", pki.keyPem(kind).toString(),
                    "-p", Integer.toString(port)));
            command.addAll(List.of(options));
            return command;
        }, "listening on IPv4");
    }

    private static Padlock.Page get(PeerServer server, KeyManager[] keys) throws Exception {
        SSLContext context = Padlock.context(keys, pki.trustManagers(), null);
        Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
        assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
        assertEquals("TLSv1.3", page.session().getProtocol());
        return page;
    }
}
