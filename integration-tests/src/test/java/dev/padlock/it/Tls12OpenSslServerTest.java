package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertContains;
import static dev.padlock.it.Transcripts.assertPrinted;
import static dev.padlock.it.Transcripts.awaitPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki.Kind;
import dev.padlock.it.Tls12.Fetched;
import dev.padlock.it.Tls12.Suite;
import dev.padlock.it.Tls12.Transport;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Padlock client, offering TLS 1.3 and 1.2 as by default, against {@code openssl s_server
 * -tls1_2} (issue 13): {@code java.net.http.HttpClient} for the engine, a plain
 * {@code SSLSocket} for the sockets. s_server's {@code -www} page reports what OpenSSL
 * negotiated; the Padlock session must say the same.
 */
class Tls12OpenSslServerTest {
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
        try (PeerServer server = sServer(kind, Map.of(), "-tls1_2", "-cipher", suite.openssl)) {
            Fetched fetched = fetch(transport, server, null);
            assertContains(fetched.page(), "New, TLSv1.2, Cipher is " + suite.openssl + "\n", server.peer());
            Tls12.assertSession(fetched.session(), Tls12.TLS12, suite.jsse);
            assertEquals(pki.certificate(kind), fetched.session().getPeerCertificates()[0]);
        }
    }

    /** The same client against a server that can do both versions gets TLS 1.3 (RFC 8446 §4.2.1). */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void negotiatesTls13WithADefaultServer(Transport transport) throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, Map.of())) {
            Fetched fetched = fetch(transport, server, null);
            assertEquals(Tls12.TLS13, fetched.session().getProtocol());
            // TLS 1.3 suites have the same names in OpenSSL and JSSE
            assertContains(fetched.page(), "New, TLSv1.3, Cipher is " + fetched.session().getCipherSuite() + "\n",
                    server.peer());
        }
    }

    /** A client with only TLS 1.2 enabled is refused by a TLS 1.3-only server with protocol_version. */
    @Test
    void aTls12OnlyClientGetsProtocolVersionFromATls13OnlyServer() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, Map.of(), "-tls1_3")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            SSLException e = Tls12.failedHandshake(context, server.port(), Tls12.protocols(Tls12.TLS12));
            assertReceivedAlert(e, "protocol_version", server);
            awaitPrinted(server.peer(), "unsupported protocol");
        }
    }

    /** RFC 5246 §7.4.4, §7.4.8: the client's certificate and CertificateVerify, checked by s_server. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void authenticatesTheClientWhenAsked(Transport transport) throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, Map.of(), "-tls1_2", "-Verify", "1",
                "-CAfile", pki.caPem().toString())) {
            Fetched fetched = fetch(transport, server, pki.keyManagers(Kind.CLIENT_ECDSA_P384));
            assertContains(fetched.page(), "New, TLSv1.2, Cipher is ", server.peer());
            assertEquals(Tls12.TLS12, fetched.session().getProtocol());
            assertPrinted(server.peer(), "depth=0 CN = padlock-client");
            assertEquals(pki.certificate(Kind.CLIENT_ECDSA_P384), fetched.session().getLocalCertificates()[0]);
        }
    }

    /** RFC 7301 §3.1: s_server selects http/1.1 from the client's h2, http/1.1. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void acceptsTheServersApplicationProtocol(Transport transport) throws Exception {
        // -msg: s_server buffers its output and flushes it only with the message trace
        try (PeerServer server = sServer(Kind.ECDSA_P256, Map.of(), "-tls1_2", "-alpn", "http/1.1", "-msg")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            if (transport == Transport.ENGINE) {
                Padlock.Page page = Padlock.get(context, server.port(), "</HTML>", HttpClient.Version.HTTP_2);
                assertEquals(HttpClient.Version.HTTP_1_1, page.version());
                assertEquals(Tls12.TLS12, page.session().getProtocol());
            } else {
                try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost",
                        server.port())) {
                    socket.setSoTimeout(Tls12.TIMEOUT_MS);
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    assertEquals(Tls12.TLS12, socket.getSession().getProtocol());
                    assertEquals("http/1.1", socket.getApplicationProtocol());
                }
            }
            awaitPrinted(server.peer(), "ALPN protocols advertised by the client: h2, http/1.1");
        }
    }

    /**
     * RFC 5077 §3.1: the second connection of one client context presents the ticket s_server
     * issued and resumes. s_server runs with {@code -no_cache}, so a ticket is the only way to
     * resume.
     */
    @Test
    void resumesWithTheServersTicket() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, Map.of(), "-tls1_2", "-no_cache")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            Fetched first = Tls12.fetch(context, server.port(), socket -> { });
            assertContains(first.page(), "New, TLSv1.2, Cipher is ", server.peer());
            Fetched second = Tls12.fetch(context, server.port(), socket -> { });
            assertContains(second.page(), "Reused, TLSv1.2, Cipher is ", server.peer());
            assertTrue(Padlock.isResumed(first.session(), second.session()),
                    () -> Padlock.resumptionFacts(first.session(), second.session()) + "\n" + server.transcript());
            assertEquals(first.session().getCipherSuite(), second.session().getCipherSuite());
        }
    }

    /** RFC 5705 §4, no context: s_server's -keymatexport equals what the Padlock client exports. */
    @Test
    void exportsTheSameKeyingMaterialAsSServer() throws Exception {
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_2", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                "-key", pki.keyPem(Kind.ECDSA_P256).toString(), "-keymatexport", LABEL, "-keymatexportlen",
                String.valueOf(EXPORT_LENGTH)), "ACCEPT")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            byte[] ekm;
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
                socket.setSoTimeout(Tls12.TIMEOUT_MS);
                socket.startHandshake();
                assertEquals(Tls12.TLS12, socket.getSession().getProtocol());
                ekm = Padlock.exportKeyingMaterial(socket.getSession(), LABEL, EXPORT_LENGTH);
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            awaitPrinted(server.peer(), "hello");
            Matcher m = Pattern.compile("Keying material: ([0-9A-Fa-f]+)").matcher(server.peer().stdout());
            assertTrue(m.find(), server::transcript);
            assertEquals(HexFormat.of().withUpperCase().formatHex(ekm), m.group(1).toUpperCase(Locale.ROOT));
        }
    }

    /**
     * RFC 5246 §7.4.1.1: a client may ignore HelloRequest, and Padlock, which never renegotiates,
     * does: after s_server's "r" command the connection carries data both ways as before, and
     * s_server never sees a second ClientHello. (SunJSSE renegotiates here: its client answers
     * HelloRequest by default, so this test fails with it in Padlock's seat.)
     */
    @Test
    void ignoresAHelloRequestFromTheServer() throws Exception {
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_2", "-msg", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                "-key", pki.keyPem(Kind.ECDSA_P256).toString()), "ACCEPT")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port())) {
                socket.setSoTimeout(Tls12.TIMEOUT_MS);
                socket.getOutputStream().write("before\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                awaitPrinted(server.peer(), "before");
                server.peer().send("r\n");
                awaitPrinted(server.peer(), ">>> TLS 1.2, Handshake [length 0004], HelloRequest");
                server.peer().send("pong\n");
                assertEquals("pong", readLine(socket), server::transcript);
                socket.getOutputStream().write("after\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                awaitPrinted(server.peer(), "after");
                assertEquals(Tls12.TLS12, socket.getSession().getProtocol());
            }
            // s_server labels the first ClientHello by the highest version it offers
            assertEquals(1, Transcripts.count(server.peer(), "^<<< TLS 1\\.[23], Handshake \\[length [0-9a-f]+\\], ClientHello"),
                    server::transcript);
        }
    }

    private static String readLine(SSLSocket socket) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = socket.getInputStream().read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    /** RFC 7627 §5.2: a ServerHello without extended_master_secret is refused with handshake_failure. */
    @Test
    void refusesAServerWithoutExtendedMasterSecret() throws Exception {
        try (PeerServer server = sServer(Kind.ECDSA_P256, Tls12.withoutExtendedMasterSecret(dir), "-tls1_2")) {
            SSLContext context = Padlock.context(null, pki.trustManagers(), null);
            SSLException e = Tls12.failedHandshake(context, server.port(), socket -> { });
            Tls12.assertSentAlert(e, "handshake_failure", server.peer());
            awaitPrinted(server.peer(), "SSL alert number 40");
            assertPrinted(server.peer(), "alert handshake failure");
        }
    }

    private static void assertReceivedAlert(SSLException e, String alert, PeerServer server) {
        assertEquals(SSLHandshakeException.class, e.getClass(), () -> e + "\n" + server.transcript());
        assertTrue(String.valueOf(e.getMessage()).contains("Received fatal alert: " + alert),
                () -> e + "\n" + server.transcript());
    }

    private static Fetched fetch(Transport transport, PeerServer server, KeyManager[] keys) throws Exception {
        SSLContext context = Padlock.context(keys, pki.trustManagers(), null);
        if (transport == Transport.SOCKET) {
            return Tls12.fetch(context, server.port(), socket -> { });
        }
        Padlock.Page page = Padlock.get(context, server.port(), "</HTML>");
        assertEquals(200, page.statusCode(), page.body() + "\n" + server.transcript());
        return new Fetched(page.body(), page.session());
    }

    private static PeerServer sServer(Kind kind, Map<String, String> environment, String... options) {
        return PeerServer.start(dir, port -> {
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-www", "-cert", pki.certPem(kind).toString(), "-key", pki.keyPem(kind).toString()));
            command.addAll(List.of(options));
            return command;
        }, "ACCEPT", environment);
    }
}
