package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.testing.TestPki.KeyKind;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TLS 1.2 over loopback sockets: SunJSSE forced to TLSv1.2 on one side, Padlock with its defaults on the other. */
class Tls12SocketTest {
    private static final int TIMEOUT_MS = 20_000;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "Padlock client {0}, {1}")
    @CsvSource({"true, EC_P256, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "true, RSA_2048, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "false, EC_P384, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "false, RSA_2048, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"})
    void echoOverTls12BothDirections(boolean padlockClient, KeyKind kind, String suite) throws Exception {
        SSLContext padlock = Contexts.padlock(kind, Map.of());
        SSLContext sun = Contexts.sun(kind);
        SSLContext serverContext = padlockClient ? sun : padlock;
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            if (padlockClient) {
                listener.setEnabledProtocols(new String[] {"TLSv1.2"});
            }
            Future<String> server = pool.submit(() -> echo(listener));
            SSLContext clientContext = padlockClient ? padlock : sun;
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(TIMEOUT_MS);
                if (!padlockClient) {
                    client.setEnabledProtocols(new String[] {"TLSv1.2"});
                }
                client.setEnabledCipherSuites(new String[] {suite});
                byte[] data = new byte[300_000];
                new Random(7).nextBytes(data);
                Future<byte[]> reader = pool.submit(() -> readAll(client.getInputStream()));
                OutputStream out = client.getOutputStream();
                out.write(data);
                out.flush();
                client.shutdownOutput();
                assertArrayEquals(data, reader.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
                assertEquals("TLSv1.2", client.getSession().getProtocol());
                assertEquals(suite, client.getSession().getCipherSuite());
                assertEquals("TLSv1.2 " + suite, server.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            }
        }
    }

    private static String echo(SSLServerSocket listener) throws Exception {
        try (SSLSocket s = (SSLSocket) listener.accept()) {
            s.setSoTimeout(TIMEOUT_MS);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[7001];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            out.flush();
            String protocol = s.getSession().getProtocol() + " " + s.getSession().getCipherSuite();
            s.shutdownOutput();
            return protocol;
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
