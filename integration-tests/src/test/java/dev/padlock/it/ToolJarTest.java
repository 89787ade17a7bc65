package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.PadlockProvider;
import dev.padlock.it.PeerPki.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code padlock} command-line tool as users run it, {@code java -jar padlock-provider.jar
 * connect}, against {@code openssl s_server}. In a build that packaged the provider (mvn verify)
 * the provider is its jar, run with {@code -jar} through its manifest; in a reactor build that
 * stops at the test phase it is the classes directory, run with the same Main-Class.
 */
class ToolJarTest {
    private static final String MAIN_CLASS = "dev.padlock.tool.Main";

    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    private record Result(int code, String out, String err) {
        String line(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no " + prefix + " line)\n" + this);
        }

        @Override
        public String toString() {
            return "--- exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private static Result tool(String... args) throws IOException, InterruptedException {
        Path provider = Path.of(toUri()).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (Files.isRegularFile(provider)) {
            try (JarFile jar = new JarFile(provider.toFile())) {
                assertEquals(MAIN_CLASS, jar.getManifest().getMainAttributes().getValue("Main-Class"));
            }
            command.addAll(List.of("-jar", provider.toString()));
        } else {
            command.addAll(List.of("-cp", provider.toString(), MAIN_CLASS));
        }
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tool", ".out");
        Path err = Files.createTempFile(dir, "tool", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean exited = p.waitFor(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Result r = new Result(exited ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
            assertTrue(exited, () -> "the tool did not finish within " + Peer.TIMEOUT_SECONDS + " s\n" + r);
            return r;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static java.net.URI toUri() {
        try {
            return PadlockProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PeerServer sServer(String... options) {
        return PeerServer.start(dir, port -> {
            List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-tls1_3", "-www", "-cert", pki.certPem(Kind.ECDSA_P256).toString(),
                    "-key", pki.keyPem(Kind.ECDSA_P256).toString()));
            command.addAll(List.of(options));
            return command;
        }, "ACCEPT");
    }

    @Test
    void connectPrintsWhatOpenSslNegotiated() throws Exception {
        try (PeerServer server = sServer("-alpn", "http/1.1")) {
            Result r = tool("connect", "localhost:" + server.port(), "--trust", pki.caPem().toString(),
                    "--alpn", "h2,http/1.1", "--reconnect");
            assertEquals(0, r.code(), r + "\n" + server.transcript());
            assertEquals("protocol:   TLSv1.3", r.line("protocol:"));
            assertEquals("suite:      TLS_AES_128_GCM_SHA256", r.line("suite:"));
            assertEquals("group:      x25519", r.line("group:"));
            assertEquals("ALPN:       http/1.1", r.line("ALPN:"));
            assertEquals(List.of("resumed:    no", "resumed:    yes (PSK from a session ticket)"),
                    r.out().lines().filter(l -> l.startsWith("resumed:")).toList(), r.toString());
            assertEquals("    issuer:  CN=Padlock IT CA", r.line("    issuer:"));
            assertEquals("hostname:   localhost matches the certificate", r.line("hostname:"));
        }
    }

    @Test
    void connectSendsAPemClientCertificateOpenSslRequires() throws Exception {
        try (PeerServer server = sServer("-Verify", "1", "-CAfile", pki.caPem().toString())) {
            Result without = tool("connect", "localhost:" + server.port(), "--trust", pki.caPem().toString());
            assertEquals(1, without.code(), without.toString());
            assertEquals("alert:      certificate_required, received from the server", without.line("alert:"));
            assertTrue(without.line("cause:").startsWith("cause:      client certificate required: "), without.toString());

            Result with = tool("connect", "localhost:" + server.port(), "--trust", pki.caPem().toString(),
                    "--cert", pki.certPem(Kind.CLIENT_ECDSA_P384).toString(),
                    "--key", pki.keyPem(Kind.CLIENT_ECDSA_P384).toString());
            assertEquals(0, with.code(), with + "\n" + server.transcript());
        }
    }

    @Test
    void connectFindsTheGroupOpenSslWouldHaveAccepted() throws Exception {
        try (PeerServer server = sServer("-groups", "P-384")) {
            Result r = tool("connect", "localhost:" + server.port(), "--trust", pki.caPem().toString(),
                    "--groups", "x25519");
            assertEquals(1, r.code(), r.toString());
            assertEquals("cause:      no common key exchange group: we offered [x25519]; the server accepts "
                    + "secp384r1 (a second handshake offering all of Padlock's groups chose it)", r.line("cause:"));
        }
    }
}
