package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.awaitPrinted;
import static dev.padlock.it.Transcripts.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import dev.padlock.it.SocketServer.Outcome;
import dev.padlock.it.Tls12.Suite;
import dev.padlock.it.Tls12.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code openssl s_client -tls1_2} against a Padlock server (issue 13): {@code HttpsServer} for
 * the engine, an {@code SSLServerSocket} for the sockets. Both sides' views are asserted: what
 * s_client prints and the Padlock server's session.
 */
class Tls12OpenSslClientTest {
    private static final String LABEL = "EXPORTER-padlock-interop";
    private static final int EXPORT_LENGTH = 32;

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("dev.padlock.it.Tls12#suitesByCertificate")
    void negotiatesEachSuiteWithEachCertificateType(Suite suite, Kind kind, Transport transport) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        if (transport == Transport.ENGINE) {
            try (Padlock.Server server = new Padlock.Server(context)) {
                Peer client = sClient(server.port(), Tls12.REQUEST, "-tls1_2", "-cipher", suite.openssl);
                assertEquals(0, client.exitCode(), client.transcript());
                assertPrinted(client, "New, TLSv1.2, Cipher is " + suite.openssl + "\n");
                assertPrinted(client, Padlock.bodyFor(Tls12.TLS12, suite.jsse));
            }
        } else {
            try (SocketServer server = new SocketServer(context, s -> { })) {
                Peer client = sClient(server.port(), "hello\n", "-tls1_2", "-cipher", suite.openssl);
                Tls12.assertSession(server.next(client).sessionOrFail(client), Tls12.TLS12, suite.jsse);
                assertPrinted(client, "New, TLSv1.2, Cipher is " + suite.openssl + "\n");
                assertPrinted(client, "echo: hello\n" + Padlock.bodyFor(Tls12.TLS12, suite.jsse));
            }
        }
    }

    /** Without a version option s_client offers TLS 1.3, and the Padlock server prefers it. */
    @Test
    void negotiatesTls13WithAClientThatOffersBoth() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { })) {
            Peer client = sClient(server.port(), "hello\n");
            SSLSession session = server.next(client).sessionOrFail(client);
            assertEquals(Tls12.TLS13, session.getProtocol());
            // TLS 1.3 suites have the same names in OpenSSL and JSSE; the server chose by its own order
            assertPrinted(client, "New, TLSv1.3, Cipher is " + session.getCipherSuite() + "\n");
        }
    }

    /** RFC 5246 §7.4.6 with the server's CertificateRequest: s_client's P-384 certificate, verified. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void verifiesTheClientCertificateWhenRequired(Transport transport) throws Exception {
        String[] options = {"-tls1_2", "-cert", pki.certPem(Kind.CLIENT_ECDSA_P384).toString(),
                "-key", pki.keyPem(Kind.CLIENT_ECDSA_P384).toString()};
        if (transport == Transport.ENGINE) {
            SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
            try (Padlock.Server server = new Padlock.Server(context, true)) {
                Peer client = sClient(server.port(), Tls12.REQUEST, options);
                assertPrinted(client, "New, TLSv1.2, Cipher is ");
                assertPrinted(client, Padlock.clientLine("CN=padlock-client"));
            }
        } else {
            try (SocketServer server = server(Kind.ECDSA_P256, s -> s.setNeedClientAuth(true))) {
                Peer client = sClient(server.port(), "hello\n", options);
                SSLSession session = server.next(client).sessionOrFail(client);
                assertEquals(Tls12.TLS12, session.getProtocol());
                assertEquals("CN=padlock-client", session.getPeerPrincipal().getName());
                assertPrinted(client, "New, TLSv1.2, Cipher is ");
            }
        }
    }

    /** RFC 5246 §7.4.6: a server that needs a certificate and gets none ends with handshake_failure. */
    @Test
    void refusesAClientWithoutACertificateWhenRequired() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> s.setNeedClientAuth(true))) {
            Peer client = sClientFailing(server.port(), Map.of(), "-tls1_2");
            Tls12.assertSentAlert(server.next(client).failure(), "handshake_failure", client);
            assertPrinted(client, "alert handshake failure");
            assertPrinted(client, "SSL alert number 40");
        }
    }

    /** RFC 7301 §3.2: the server picks from the client's list; both report the same protocol. */
    @Test
    void selectsTheApplicationProtocol() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> {
            var parameters = s.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            s.setSSLParameters(parameters);
        })) {
            Peer client = sClient(server.port(), "hello\n", "-tls1_2", "-alpn", "h2,http/1.1");
            server.next(client).sessionOrFail(client);
            assertPrinted(client, "ALPN protocol: http/1.1\n");
            assertPrinted(client, "New, TLSv1.2, Cipher is ");
        }
    }

    /**
     * RFC 5077 §3.1: s_client stores the session with the ticket the Padlock server issued
     * (-sess_out) and presents it in a new connection (-sess_in), which resumes: no Certificate,
     * and the server's session is the resumed one.
     */
    @Test
    void sClientResumesWithATicketFromSessOut() throws Exception {
        Path saved = dir.resolve("tls12-session.pem");
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { })) {
            Peer first = sClient(server.port(), "hello\n", "-tls1_2", "-sess_out", saved.toString());
            SSLSession original = server.next(first).sessionOrFail(first);
            assertPrinted(first, "New, TLSv1.2, Cipher is ");
            assertPrinted(first, "TLS session ticket lifetime hint: ");
            Peer second = sClient(server.port(), "hello\n", "-tls1_2", "-sess_in", saved.toString());
            SSLSession resumed = server.next(second).sessionOrFail(second);
            assertPrinted(second, "Reused, TLSv1.2, Cipher is ");
            assertTrue(Padlock.isResumed(original, resumed),
                    () -> Padlock.resumptionFacts(original, resumed) + "\n" + second.transcript());
            assertEquals(original.getCipherSuite(), resumed.getCipherSuite());
        }
    }

    /** s_client -reconnect: after the first full handshake, five connections resume its session. */
    @Test
    void sClientReconnectsFiveTimesOnTheSameSession() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { })) {
            Peer client = sClient(server.port(), "hello\n", "-tls1_2", "-reconnect");
            SSLSession original = server.next(client).sessionOrFail(client);
            for (int i = 1; i <= 5; i++) {
                SSLSession again = server.next(client).sessionOrFail(client);
                int n = i;
                assertTrue(Padlock.isResumed(original, again), () -> "reconnect " + n + ": "
                        + Padlock.resumptionFacts(original, again) + "\n" + client.transcript());
            }
            assertEquals(1, count(client, "^New, TLSv1\\.2, "), client.transcript());
            // one line per reconnect; s_client may print the last session once more as it exits
            long reused = count(client, "^Reused, TLSv1\\.2, ");
            assertTrue(reused == 5 || reused == 6, client::transcript);
        }
    }

    /** RFC 5705 §4, no context: s_client's -keymatexport equals the Padlock server's export. */
    @ParameterizedTest
    @EnumSource(value = Suite.class, names = {"ECDHE_ECDSA_AES_128_GCM", "ECDHE_ECDSA_AES_256_GCM"})
    void exportsTheSameKeyingMaterialAsSClient(Suite suite) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (SocketServer server = new SocketServer(context, s -> { }, LABEL, EXPORT_LENGTH)) {
            Peer client = sClient(server.port(), "hello\n", "-tls1_2", "-cipher", suite.openssl,
                    "-keymatexport", LABEL, "-keymatexportlen", String.valueOf(EXPORT_LENGTH));
            Outcome outcome = server.next(client);
            assertEquals(suite.jsse, outcome.sessionOrFail(client).getCipherSuite());
            assertEquals(keyingMaterial(client), outcome.exported(), client::transcript);
        }
    }

    /** RFC 7627 §5.3: a client without extended master secret is refused with handshake_failure. */
    @Test
    void refusesAClientWithoutExtendedMasterSecret() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { })) {
            Peer client = sClientFailing(server.port(), Tls12.withoutExtendedMasterSecret(dir), "-tls1_2");
            Tls12.assertSentAlert(server.next(client).failure(), "handshake_failure", client);
            assertPrinted(client, "alert handshake failure");
            assertPrinted(client, "SSL alert number 40");
        }
    }

    /** RFC 7507 §3: a fallback retry to a server that can do better gets inappropriate_fallback. */
    @Test
    void answersFallbackScsvWithInappropriateFallback() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { })) {
            Peer client = sClientFailing(server.port(), Map.of(), "-tls1_2", "-fallback_scsv");
            Tls12.assertSentAlert(server.next(client).failure(), "inappropriate_fallback", client);
            assertPrinted(client, "alert inappropriate fallback");
            assertPrinted(client, "SSL alert number 86");
        }
    }

    /**
     * RFC 8446 §4.1.3: a server that can do TLS 1.3 but negotiates TLS 1.2 ends its
     * ServerHello.random with 44 4F 57 4E 47 52 44 01 ("DOWNGRD" 01), so that a client that can do
     * 1.3 detects the downgrade; with TLS 1.3 disabled it is no TLS 1.3 server and must not.
     * (s_client -tls1_2 does not check it; -trace prints the random.)
     */
    @ParameterizedTest(name = "TLS 1.3 enabled: {0}")
    @ValueSource(booleans = {true, false})
    void marksTls12ServerHelloWithTheDowngradeSentinelOnlyWhenTls13IsEnabled(boolean tls13) throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> {
            if (!tls13) {
                s.setEnabledProtocols(new String[] {Tls12.TLS12});
            }
        })) {
            Peer client = sClient(server.port(), "hello\n", "-tls1_2", "-trace");
            assertEquals(Tls12.TLS12, server.next(client).sessionOrFail(client).getProtocol());
            Matcher m = Pattern.compile("ServerHello, Length=\\d+\n\\s+server_version=0x303 \\(TLS 1\\.2\\)\n"
                    + "\\s+Random:\n\\s+gmt_unix_time=0x[0-9A-F]+\n\\s+random_bytes \\(len=28\\): ([0-9A-F]{56})\n")
                    .matcher(client.stdout());
            assertTrue(m.find(), client::transcript);
            assertEquals(tls13, m.group(1).endsWith("444F574E47524401"), client::transcript);
        }
    }

    /**
     * RFC 5746 §4.4: a server may refuse renegotiation. Padlock never renegotiates; a client's new
     * ClientHello (s_client's "R" command) ends the connection with a fatal handshake_failure,
     * as SunJSSE does with {@code jdk.tls.rejectClientInitiatedRenegotiation=true}.
     */
    @Test
    void refusesARenegotiationFromTheClient() throws Exception {
        // without -ign_eof, which turns s_client's command letters off; stdin stays open until the end
        try (SocketServer server = server(Kind.ECDSA_P256, s -> { });
                Peer client = Peer.start(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                        "-CAfile", pki.caPem().toString(), "-servername", "localhost", "-verify_return_error",
                        "-tls1_2"))) {
            awaitPrinted(client, "Verify return code: 0 (ok)");
            client.send("R\n");
            Exception failure = server.next(client).failure();
            client.awaitExit();
            assertInstanceOf(SSLException.class, failure, client::transcript);
            if (Padlock.UNDER_TEST.equals("Padlock")) {
                assertTrue(failure.getMessage().startsWith("(handshake_failure) "), () -> failure + "\n"
                        + client.transcript());
            }
            assertPrinted(client, "RENEGOTIATING");
            assertPrinted(client, "SSL alert number 40");
        }
    }

    /** RFC 8446 §4.2.1 / RFC 5246 §E.1: a TLS 1.2-only server refuses a TLS 1.3-only client. */
    @Test
    void aTls12OnlyServerRefusesATls13OnlyClient() throws Exception {
        try (SocketServer server = server(Kind.ECDSA_P256, s -> s.setEnabledProtocols(new String[] {Tls12.TLS12}))) {
            Peer client = sClientFailing(server.port(), Map.of(), "-tls1_3");
            Tls12.assertSentAlert(server.next(client).failure(), "protocol_version", client);
            assertPrinted(client, "alert protocol version");
            assertPrinted(client, "SSL alert number 70");
        }
    }

    private static SocketServer server(Kind kind, Consumer<SSLServerSocket> tune) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        return new SocketServer(context, tune);
    }

    /** Runs s_client with {@code input} on stdin to its end; it must have verified the server. */
    private static Peer sClient(int port, String input, String... options) {
        Peer client = runSClient(port, input, Map.of(), options);
        assertEquals(0, client.exitCode(), client.transcript());
        assertPrinted(client, "Verify return code: 0 (ok)");
        return client;
    }

    private static Peer sClientFailing(int port, Map<String, String> environment, String... options) {
        Peer client = runSClient(port, "hello\n", environment, options);
        assertNotEquals(0, client.exitCode(), client.transcript());
        return client;
    }

    private static Peer runSClient(int port, String input, Map<String, String> environment, String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-CAfile", pki.caPem().toString(), "-servername", "localhost", "-verify_return_error",
                "-ign_eof", "-ignore_unexpected_eof"));
        command.addAll(List.of(options));
        try (Peer client = Peer.start(dir, command, environment)) {
            client.send(input);
            client.closeInput();
            client.awaitExit();
            return client;
        }
    }

    private static String keyingMaterial(Peer peer) {
        Matcher m = Pattern.compile("Keying material: ([0-9A-Fa-f]+)").matcher(peer.stdout());
        assertTrue(m.find(), peer::transcript);
        return m.group(1).toUpperCase(Locale.ROOT);
    }
}
