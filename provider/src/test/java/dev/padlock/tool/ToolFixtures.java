package dev.padlock.tool;

import dev.padlock.PadlockProvider;
import dev.padlock.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** Files, servers and a captured run of the tool, for the tool's tests. */
final class ToolFixtures {
    static final int TIMEOUT_SECONDS = 20;

    private ToolFixtures() {
    }

    /** What one run of the tool printed and returned. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The one "cause:" line. */
        String cause() {
            return lines().stream().filter(l -> l.startsWith("cause:")).map(l -> l.substring("cause:".length()).strip())
                    .findFirst().orElse("(no cause line)\n" + out);
        }

        String line(String prefix) {
            return lines().stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no " + prefix + " line)\n" + out);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The test CA as a PEM file. */
    static Path caPem(Path dir) throws IOException, CertificateEncodingException {
        Path file = dir.resolve("ca.pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(TestPki.caCertificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** A key store as a PKCS12 file with password {@link TestPki#PASSWORD}. */
    static Path p12(Path dir, String name, KeyStore ks) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(name + ".p12");
        try (OutputStream o = Files.newOutputStream(file)) {
            ks.store(o, TestPki.PASSWORD.toCharArray());
        }
        return file;
    }

    static SSLContext sunJsse(KeyManager[] keyManagers) throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS", "SunJSSE");
        c.init(keyManagers, TestPki.trustManagers(), null);
        return c;
    }

    static SSLContext padlock(KeyManager[] keyManagers) throws GeneralSecurityException {
        SSLContext c = SSLContext.getInstance("TLS", new PadlockProvider());
        c.init(keyManagers, TestPki.trustManagers(), null);
        return c;
    }

    /**
     * A server on 127.0.0.1:0 that accepts {@code connections} clients one after the other:
     * each is handshaken, greeted with "hello" and read until it closes. What each server-side
     * handshake threw is kept for the test.
     */
    static final class Server implements AutoCloseable {
        private final SSLServerSocket socket;
        private final ExecutorService executor = Executors.newSingleThreadExecutor();
        final List<Exception> failures = Collections.synchronizedList(new ArrayList<>());

        Server(SSLContext context, Consumer<SSLServerSocket> configure, int connections) throws IOException {
            socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress());
            socket.setSoTimeout(TIMEOUT_SECONDS * 1000);
            configure.accept(socket);
            executor.submit(() -> {
                for (int i = 0; i < connections; i++) {
                    serveOne();
                }
                return null;
            });
        }

        private void serveOne() throws IOException {
            try (SSLSocket s = (SSLSocket) socket.accept()) {
                s.setSoTimeout(TIMEOUT_SECONDS * 1000);
                try {
                    s.startHandshake();
                    s.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    InputStream in = s.getInputStream();
                    while (in.read() >= 0) {
                        continue;
                    }
                } catch (IOException e) {
                    failures.add(e);
                }
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        String target() {
            return "localhost:" + port();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            executor.shutdownNow();
            executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
