package dev.padlock.tool;

import static dev.padlock.tool.ToolFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.tool.ToolFixtures.Run;
import dev.padlock.tool.ToolFixtures.Server;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code padlock connect} against in-process SunJSSE and Padlock servers: what it prints and returns. */
class ConnectCommandTest {
    @TempDir
    Path dir;
    private Path ca;

    @BeforeEach
    void caFile() throws Exception {
        ca = ToolFixtures.caPem(dir);
    }

    private Run connect(Server server, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("connect", server.target(), "--trust", ca.toString(),
                "--timeout", String.valueOf(ToolFixtures.TIMEOUT_SECONDS)));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    @Test
    void printsWhatASunJsseServerNegotiated() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.keyManagers(KeyKind.EC_P256)), s -> { }, 1)) {
            Run r = connect(server);
            assertEquals(0, r.code(), r.out());
            assertEquals("protocol:   TLSv1.3", r.line("protocol:"));
            // SunJSSE servers choose by their own order, which puts AES-256 first.
            assertEquals("suite:      TLS_AES_256_GCM_SHA384", r.line("suite:"));
            assertEquals("group:      x25519", r.line("group:"));
            assertEquals("ALPN:       (none)", r.line("ALPN:"));
            assertEquals("resumed:    no", r.line("resumed:"));
            assertEquals("server certificate chain (2 certificates):", r.line("server certificate chain"));
            assertTrue(r.out().contains("    key:     EC 256 bits, signed with SHA256withECDSA"), r.out());
            assertTrue(r.out().contains("    SAN:     DNS:localhost, IP:127.0.0.1"), r.out());
            assertTrue(r.out().contains(" days left)"), r.out());
            assertEquals("hostname:   localhost matches the certificate", r.line("hostname:"));
            assertEquals("trust:      verified: a PKIX path to a trusted CA, and the hostname", r.line("trust:"));
            assertEquals("server says: hello", r.line("server says:"));
        }
    }

    @Test
    void reconnectResumesWithAPadlockServerAndReportsAlpn() throws Exception {
        SSLContext context = ToolFixtures.padlock(TestPki.keyManagers(KeyKind.RSA_2048));
        try (Server server = new Server(context, s -> {
            SSLParameters p = s.getSSLParameters();
            p.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            s.setSSLParameters(p);
        }, 2)) {
            Run r = connect(server, "--alpn", "http/1.1", "--reconnect", "--groups", "secp256r1");
            assertEquals(0, r.code(), r.out());
            assertEquals(List.of("resumed:    no", "resumed:    yes (PSK from a session ticket)"),
                    r.lines().stream().filter(l -> l.startsWith("resumed:")).toList(), r.out());
            assertEquals(List.of("ALPN:       http/1.1", "ALPN:       http/1.1"),
                    r.lines().stream().filter(l -> l.startsWith("ALPN:")).toList(), r.out());
            assertEquals("group:      secp256r1", r.line("group:"));
            assertTrue(r.out().contains("    key:     RSA 2048 bits"), r.out());
        }
    }

    @Test
    void explainsAnUntrustedCertificate() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.untrustedKeyManagers()), s -> { }, 1)) {
            Run r = connect(server);
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      certificate_unknown, sent by us (Padlock) to the server", r.line("alert:"));
            assertEquals("certificate not trusted: no PKIX path from the server's certificate to a trusted CA; give "
                    + "its CA with --trust (PKCS12 or PEM), or --insecure to look anyway", r.cause());
            // The chain the server presented is shown even though it was refused.
            assertEquals("server certificate chain (1 certificate):", r.line("server certificate chain"));
        }
    }

    @Test
    void insecureConnectsToAnUntrustedServerAndSaysSo() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.untrustedKeyManagers()), s -> { }, 1)) {
            Run r = connect(server, "--insecure");
            assertEquals(0, r.code(), r.out());
            assertEquals("trust:      NOT verified (--insecure)", r.line("trust:"));
        }
    }

    @Test
    void explainsAHostnameMismatch() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.wrongHostKeyManagers()), s -> { }, 1)) {
            Run r = connect(server);
            assertEquals(1, r.code(), r.out());
            assertEquals("hostname mismatch: the server's certificate is not for localhost; it names "
                    + "[DNS:wrong.example] (connect with that name, or --sni)", r.cause());
            assertEquals("hostname:   localhost does NOT match the certificate (its names: [DNS:wrong.example])",
                    r.line("hostname:"));
        }
    }

    @Test
    void explainsAnExpiredCertificate() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.expiredKeyManagers()), s -> { }, 1)) {
            Run r = connect(server);
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      certificate_expired, sent by us (Padlock) to the server", r.line("alert:"));
            assertTrue(r.cause().startsWith("expired certificate: the server's certificate chain holds CN=localhost"),
                    r.cause());
            assertTrue(r.cause().endsWith(" days ago)"), r.cause());
        }
    }

    @Test
    void explainsAServerThatSpeaksOnlyTls12() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.keyManagers(KeyKind.EC_P256)),
                s -> s.setEnabledProtocols(new String[] {"TLSv1.2"}), 1)) {
            Run r = connect(server, "--protocols", "TLSv1.3");
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      protocol_version, received from the server", r.line("alert:"));
            assertEquals("no common protocol version: the server accepts none of [TLSv1.3]; it likely speaks only "
                    + "TLS 1.2 or older", r.cause());
        }
    }

    @Test
    void findsTheGroupAServerWouldHaveAccepted() throws Exception {
        SSLContext context = Contexts.create(new Contexts.Diagnostics(false, null, List.of("secp384r1")),
                (javax.net.ssl.X509ExtendedKeyManager) TestPki.keyManagers(KeyKind.EC_P256)[0],
                TestPki.trustManagers()[0]);
        // Two connections: the failed one, and the tool's probe that offers every group.
        try (Server server = new Server(context, s -> { }, 2)) {
            Run r = connect(server, "--groups", "x25519");
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      handshake_failure, received from the server", r.line("alert:"));
            assertEquals("no common key exchange group: we offered [x25519]; the server accepts secp384r1 (a second "
                    + "handshake offering all of Padlock's groups chose it)", r.cause());
        }
    }

    @Test
    void findsTheSuiteAServerWouldHaveAccepted() throws Exception {
        try (Server server = new Server(ToolFixtures.padlock(TestPki.keyManagers(KeyKind.EC_P256)),
                s -> s.setEnabledCipherSuites(new String[] {"TLS_CHACHA20_POLY1305_SHA256"}), 2)) {
            Run r = connect(server, "--suites", "TLS_AES_128_GCM_SHA256");
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      handshake_failure, received from the server", r.line("alert:"));
            assertEquals("no common cipher suite: we offered [TLS_AES_128_GCM_SHA256]; the server accepts "
                    + "TLS_CHACHA20_POLY1305_SHA256 (a second handshake offering all of Padlock's suites chose it)",
                    r.cause());
        }
    }

    @Test
    void explainsAClientCertificateTheServerRequires() throws Exception {
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.keyManagers(KeyKind.EC_P256)),
                s -> s.setNeedClientAuth(true), 1)) {
            Run r = connect(server);
            assertEquals(1, r.code(), r.out());
            // RFC 8446 §4.4.2.4's alert; SunJSSE 17 sends bad_certificate.
            assertTrue(List.of("alert:      certificate_required, received from the server",
                    "alert:      bad_certificate, received from the server").contains(r.line("alert:")), r.out());
            assertEquals("client certificate required: the server asked for a certificate and we sent none; give one "
                    + "with --cert (and --key for PEM)", r.cause());
        }
    }

    @Test
    void sendsAClientCertificateFromAPkcs12File() throws Exception {
        Path p12 = ToolFixtures.p12(dir, "client", TestPki.keyStore(KeyKind.ED25519));
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.keyManagers(KeyKind.EC_P256)),
                s -> s.setNeedClientAuth(true), 1)) {
            Run r = connect(server, "--cert", p12.toString(), "--password", TestPki.PASSWORD);
            assertEquals(0, r.code(), r.out());
            assertEquals("server says: hello", r.line("server says:"));
        }
    }

    @Test
    void explainsNoCommonAlpnProtocol() throws Exception {
        try (Server server = new Server(ToolFixtures.padlock(TestPki.keyManagers(KeyKind.EC_P256)), s -> {
            SSLParameters p = s.getSSLParameters();
            p.setApplicationProtocols(new String[] {"h2"});
            s.setSSLParameters(p);
        }, 1)) {
            Run r = connect(server, "--alpn", "http/1.1");
            assertEquals(1, r.code(), r.out());
            assertEquals("alert:      no_application_protocol, received from the server", r.line("alert:"));
            assertEquals("no common ALPN protocol: we offered [http/1.1] and the server accepts none", r.cause());
        }
    }

    @Test
    void keylogWritesTheSecretsOfThisConnectionOnly() throws Exception {
        Path keyLog = dir.resolve("keys.log");
        try (Server server = new Server(ToolFixtures.sunJsse(TestPki.keyManagers(KeyKind.EC_P256)), s -> { }, 1)) {
            Run r = connect(server, "--keylog", keyLog.toString());
            assertEquals(0, r.code(), r.out());
        }
        List<String> labels = java.nio.file.Files.readAllLines(keyLog).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf(' '))).sorted().toList();
        assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "EXPORTER_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0"), labels);
        // The property was set only while the tool made its context.
        assertEquals(null, System.getProperty("dev.padlock.keyLogFile"));
    }

    @Test
    void explainsAConnectionRefused() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Run r = run("connect", "127.0.0.1:" + port, "--timeout", "5");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.cause().startsWith("cannot connect: "), r.cause());
    }
}
