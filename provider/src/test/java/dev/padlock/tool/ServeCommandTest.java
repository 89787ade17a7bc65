package dev.padlock.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code padlock serve --once} with SunJSSE clients, the tool running in a thread of the test. */
class ServeCommandTest {
    private static final int TIMEOUT = ToolFixtures.TIMEOUT_SECONDS;

    @TempDir
    Path dir;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(TIMEOUT, TimeUnit.SECONDS), "the serve command ended");
    }

    /** Starts the tool's server with the test PKI's EC P-256 certificate. */
    private Future<Integer> serve(String... options) throws Exception {
        Path p12 = ToolFixtures.p12(dir, "server", TestPki.keyStore(KeyKind.EC_P256));
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--cert", p12.toString(),
                "--password", TestPki.PASSWORD));
        args.addAll(java.util.List.of(options));
        return serveWith(args);
    }

    private Future<Integer> serveWith(java.util.List<String> options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("serve", "--once", "--timeout",
                String.valueOf(TIMEOUT)));
        args.addAll(options);
        PrintStream out = new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                all.write(b);
                if (b == '\n') {
                    lines.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
        return executor.submit(() -> Main.run(args.toArray(String[]::new), out, out));
    }

    private int port() throws InterruptedException {
        String listening = lines.poll(TIMEOUT, TimeUnit.SECONDS);
        assertNotNull(listening, "the server printed its port");
        assertTrue(listening.startsWith("listening on 127.0.0.1:"), listening);
        return Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
    }

    private String output() {
        synchronized (all) {
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesOneSunJsseClientGreetsAndEchoes() throws Exception {
        Future<Integer> code = serve("--alpn", "h2");
        SSLContext client = ToolFixtures.sunJsse(null);
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost", port())) {
            s.setSoTimeout(TIMEOUT * 1000);
            javax.net.ssl.SSLParameters p = s.getSSLParameters();
            p.setApplicationProtocols(new String[] {"h2"});
            s.setSSLParameters(p);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("hello from padlock", in.readLine());
            s.getOutputStream().write("ping\n".getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            assertEquals("ping", in.readLine());
            assertEquals("h2", s.getApplicationProtocol());
        }
        assertEquals(0, code.get(TIMEOUT, TimeUnit.SECONDS), output());
        String out = output();
        assertTrue(out.contains("\nprotocol:   TLSv1.3\n"), out);
        assertTrue(out.contains("\nALPN:       h2\n"), out);
        assertTrue(out.contains("\nclient certificate chain: none\n"), out);
        assertTrue(out.contains("\nclient says: ping\n"), out);
    }

    @Test
    void withoutCertMakesASelfSignedCertificateAClientCanTrustForLocalhost() throws Exception {
        Future<Integer> code = serveWith(java.util.List.of());
        int port = port();
        String intro = lines.poll(TIMEOUT, TimeUnit.SECONDS);
        assertNotNull(intro);
        assertTrue(intro.startsWith("certificate: self-signed (no --cert), EC P-256 for localhost and 127.0.0.1"), intro);
        StringBuilder pem = new StringBuilder();
        for (String l = lines.poll(TIMEOUT, TimeUnit.SECONDS); l != null; l = lines.poll(TIMEOUT, TimeUnit.SECONDS)) {
            pem.append(l).append('\n');
            if (l.startsWith("-----END")) {
                break;
            }
        }
        java.nio.file.Files.writeString(dir.resolve("self.pem"), pem);
        // The tool's own connect, with hostname verification, trusts exactly that certificate.
        ToolFixtures.Run r = ToolFixtures.run("connect", "localhost:" + port, "--trust",
                dir.resolve("self.pem").toString(), "--timeout", String.valueOf(TIMEOUT));
        assertEquals(0, r.code(), r.out());
        assertEquals("hostname:   localhost matches the certificate", r.line("hostname:"));
        assertEquals("server says: hello from padlock", r.line("server says:"));
        assertEquals(0, code.get(TIMEOUT, TimeUnit.SECONDS), output());
    }

    @Test
    void explainsAClientWithoutTheRequiredCertificate() throws Exception {
        Future<Integer> code = serve("--need-client-auth", "--trust", ToolFixtures.caPem(dir).toString());
        SSLContext client = ToolFixtures.sunJsse(null);
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost", port())) {
            s.setSoTimeout(TIMEOUT * 1000);
            s.startHandshake();
            // TLS 1.3: the client's side is done; the server's verdict arrives with the next read.
            org.junit.jupiter.api.Assertions.assertThrows(javax.net.ssl.SSLException.class, () -> s.getInputStream().read());
        }
        assertEquals(1, code.get(TIMEOUT, TimeUnit.SECONDS), output());
        String out = output();
        assertTrue(out.contains("\nalert:      certificate_required, sent by us (Padlock) to the client\n"), out);
        assertTrue(out.contains("\ncause:      client certificate required: the client sent none and "
                + "--need-client-auth asks for one\n"), out);
    }

    @Test
    void explainsAClientThatSpeaksOnlyTls12() throws Exception {
        Future<Integer> code = serve("--protocols", "TLSv1.3");
        SSLContext client = ToolFixtures.sunJsse(null);
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost", port())) {
            s.setSoTimeout(TIMEOUT * 1000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            org.junit.jupiter.api.Assertions.assertThrows(SSLHandshakeException.class, s::startHandshake);
        }
        assertEquals(1, code.get(TIMEOUT, TimeUnit.SECONDS), output());
        String out = output();
        assertTrue(out.contains("\nalert:      protocol_version, sent by us (Padlock) to the client\n"), out);
        assertTrue(out.contains("\ncause:      no common protocol version: the client offers none of [TLSv1.3]; it "
                + "likely speaks only TLS 1.2 or older ("), out);
    }

    @Test
    void servesATls12OnlyClientByDefault() throws Exception {
        Future<Integer> code = serve();
        SSLContext client = ToolFixtures.sunJsse(null);
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost", port())) {
            s.setSoTimeout(TIMEOUT * 1000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("hello from padlock", in.readLine());
            assertEquals("TLSv1.2", s.getSession().getProtocol());
        }
        assertEquals(0, code.get(TIMEOUT, TimeUnit.SECONDS), output());
        assertTrue(output().contains("\nprotocol:   TLSv1.2\n"), output());
    }
}
