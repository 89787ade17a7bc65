package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.awaitPrinted;
import static dev.padlock.it.Transcripts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code openssl s_client} against {@code HttpsServer} on Padlock. */
class OpenSslClientTest {
    private static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";
    private static final String HELLO_SENT = ">>> TLS 1.3, Handshake \\[length [0-9a-f]+\\], ClientHello";

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
        Peer client = handshake(Kind.ECDSA_P256, null, suite, "X25519");
        assertNegotiated(client, suite);
        assertPrinted(client, "Server Temp Key: X25519, 253 bits");
        // RFC 8446 §D.4: s_client is in middlebox compatibility mode, so the server sends one dummy CCS
        assertEquals(1, changeCipherSpecsReceived(client), client.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "X25519 | X25519, 253 bits",
            "P-256  | ECDH, prime256v1, 256 bits",
            "P-384  | ECDH, secp384r1, 384 bits",
            "X448   | X448, 448 bits",
            "P-521  | ECDH, secp521r1, 521 bits"})
    void agreesOnEachGroup(String group, String tempKey) throws Exception {
        Peer client = handshake(Kind.ECDSA_P256, null, "TLS_AES_128_GCM_SHA256", group);
        assertNegotiated(client, "TLS_AES_128_GCM_SHA256");
        assertPrinted(client, "Server Temp Key: " + tempKey);
        assertEquals(1, count(client, HELLO_SENT), "one ClientHello, no HelloRetryRequest\n" + client.transcript());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "RSA_2048   | RSA-PSS | 2048",
            "ECDSA_P256 | ECDSA   | 256",
            "ED25519    | ed25519 | 256"})
    void authenticatesWithEachCertificateType(Kind kind, String signatureType, String bits) throws Exception {
        Peer client = handshake(kind, null, "TLS_AES_256_GCM_SHA384", "X25519");
        assertNegotiated(client, "TLS_AES_256_GCM_SHA384");
        assertPrinted(client, "Peer signature type: " + signatureType);
        assertPrinted(client, "Server public key is " + bits + " bit");
    }

    /**
     * RFC 8446 §D.4: without middlebox compatibility s_client sends an empty legacy_session_id;
     * the server echoes it (§4.1.3), s_client accepts the ServerHello, and no dummy
     * change_cipher_spec comes from the server either.
     */
    @Test
    void servesAClientWithoutMiddleboxCompatibility() throws Exception {
        Peer client = runClient(false, "-no_middlebox");
        assertEquals(0, client.exitCode(), client.transcript());
        assertNegotiated(client, "TLS_AES_128_GCM_SHA256");
        assertEquals(0, changeCipherSpecsReceived(client), client.transcript());
    }

    /** RFC 8446 §4.1.4: a server without a usable share asks again for the group it supports. */
    @Test
    void helloRetryRequestWhenOnlyP256IsEnabled() throws Exception {
        Peer client = handshake(Kind.ECDSA_P256, "secp256r1", "TLS_AES_128_GCM_SHA256", "X25519:P-256");
        assertNegotiated(client, "TLS_AES_128_GCM_SHA256");
        assertPrinted(client, "Server Temp Key: ECDH, prime256v1, 256 bits");
        assertEquals(2, count(client, HELLO_SENT), "the second ClientHello answers the HelloRetryRequest\n"
                + client.transcript());
    }

    /**
     * RFC 8446 §4.6.3: s_client's "K" command sends KeyUpdate(update_requested); Padlock must
     * answer with its own KeyUpdate, and the HTTP exchange afterwards runs on the new keys.
     */
    @Test
    void answersKeyUpdateRequested() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context);
                Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                        "-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384", "-CAfile", pki.caPem().toString(),
                        "-servername", "localhost", "-verify_return_error", "-msg", "-ignore_unexpected_eof"))) {
            awaitPrinted(client, "Verify return code: 0 (ok)");
            client.send("K\n");
            awaitPrinted(client, "KEYUPDATE");
            client.send(REQUEST);
            awaitPrinted(client, Padlock.bodyFor("TLSv1.3", "TLS_AES_256_GCM_SHA384"));
            client.closeInput();
            client.awaitExit();
            String out = client.stdout();
            int sent = out.indexOf(">>> TLS 1.3, Handshake [length 0005], KeyUpdate");
            int answered = out.indexOf("<<< TLS 1.3, Handshake [length 0005], KeyUpdate");
            int response = out.indexOf("HTTP/1.1 200 OK");
            assertTrue(sent >= 0 && sent < answered && answered < response,
                    "KeyUpdate sent, then Padlock's KeyUpdate, then the response\n" + client.transcript());
        }
    }

    /**
     * RFC 8446 §4.4.3: the server signs with a scheme from the client's signature_algorithms,
     * and never with PKCS#1 v1.5 (§4.2.3), even when the client lists it first.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "RSA_2048   | rsa_pkcs1_sha256:rsa_pss_rsae_sha384 | RSA-PSS | SHA384",
            "RSA_2048   | rsa_pss_rsae_sha512                  | RSA-PSS | SHA512",
            "ECDSA_P256 | ed25519:ecdsa_secp256r1_sha256       | ECDSA   | SHA256"})
    void signsWithASchemeTheClientOffers(Kind kind, String sigalgs, String type, String digest) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context);
                Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                        "-tls1_3", "-sigalgs", sigalgs, "-CAfile", pki.caPem().toString(), "-servername", "localhost",
                        "-verify_return_error", "-ign_eof", "-ignore_unexpected_eof"))) {
            client.send(REQUEST);
            client.closeInput();
            client.awaitExit();
            assertEquals(0, client.exitCode(), client.transcript());
            assertPrinted(client, "Peer signature type: " + type + "\n");
            assertPrinted(client, "Peer signing digest: " + digest + "\n");
            assertPrinted(client, "Verify return code: 0 (ok)");
            assertPrinted(client, "HTTP/1.1 200 OK");
        }
    }

    /** RFC 8446 §4.4.2: s_client answers Padlock's CertificateRequest; Padlock verifies the chain. */
    @Test
    void verifiesTheClientCertificateWhenRequired() throws Exception {
        Peer client = runClient(true, "-cert", pki.certPem(Kind.CLIENT_ECDSA_P384).toString(),
                "-key", pki.keyPem(Kind.CLIENT_ECDSA_P384).toString());
        assertEquals(0, client.exitCode(), client.transcript());
        assertNegotiated(client, "TLS_AES_128_GCM_SHA256");
        assertPrinted(client, Padlock.clientLine("CN=padlock-client"));
    }

    /**
     * s_client's -msg shows no message for a change_cipher_spec it receives in TLS 1.3, only
     * the record header, dumped as hex: type 0x14, version 0x0303, length 1.
     */
    private static int changeCipherSpecsReceived(Peer client) {
        String header = "<<< TLS 1.2, RecordHeader [length 0005]\n    14 03 03 00 01\n";
        String out = client.stdout();
        int n = 0;
        for (int at = out.indexOf(header); at >= 0; at = out.indexOf(header, at + 1)) {
            n++;
        }
        return n;
    }

    /** Runs s_client with TLS_AES_128_GCM_SHA256 and {@code options} against a fresh server. */
    private static Peer runClient(boolean needClientAuth, String... options) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context, needClientAuth)) {
            List<String> command = new ArrayList<>(List.of("openssl", "s_client",
                    "-connect", "127.0.0.1:" + server.port(), "-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256",
                    "-CAfile", pki.caPem().toString(), "-servername", "localhost", "-verify_return_error",
                    "-ign_eof", "-msg", "-ignore_unexpected_eof"));
            command.addAll(List.of(options));
            try (Peer client = Peer.start(dir, command)) {
                client.send(REQUEST);
                client.closeInput();
                client.awaitExit();
                return client;
            }
        }
    }

    /** Serves one request to one s_client run, which is returned once it has exited. */
    private static Peer handshake(Kind kind, String serverGroups, String suite, String clientGroups)
            throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), serverGroups);
        try (Padlock.Server server = new Padlock.Server(context)) {
            List<String> command = new ArrayList<>(List.of("openssl", "s_client",
                    "-connect", "127.0.0.1:" + server.port(), "-tls1_3", "-ciphersuites", suite,
                    "-groups", clientGroups, "-CAfile", pki.caPem().toString(), "-servername", "localhost",
                    "-verify_return_error", "-ign_eof", "-msg",
                    // HttpsServer closes the TCP connection without close_notify, on SunJSSE too.
                    "-ignore_unexpected_eof"));
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
    }

    private static void assertNegotiated(Peer client, String suite) {
        assertPrinted(client, "New, TLSv1.3, Cipher is " + suite);
        assertPrinted(client, "Verify return code: 0 (ok)");
        assertPrinted(client, "HTTP/1.1 200 OK");
        assertPrinted(client, Padlock.bodyFor("TLSv1.3", suite));
    }
}
