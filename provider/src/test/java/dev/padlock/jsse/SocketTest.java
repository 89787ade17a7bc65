package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki.KeyKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
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
import org.junit.jupiter.params.provider.EnumSource;

/** SSLSocket and SSLServerSocket over loopback, Padlock on one side or both. */
class SocketTest {
    enum Peers { PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER, SUN_CLIENT_PADLOCK_SERVER }

    private static final int TIMEOUT_MS = 20_000;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static SSLContext clientContext(Peers peers) throws Exception {
        return peers == Peers.SUN_CLIENT_PADLOCK_SERVER ? Contexts.sun(KeyKind.EC_P256)
                : Contexts.padlock(KeyKind.EC_P256, Map.of());
    }

    private static SSLContext serverContext(Peers peers) throws Exception {
        return peers == Peers.PADLOCK_CLIENT_SUN_SERVER ? Contexts.sun(KeyKind.EC_P256)
                : Contexts.padlock(KeyKind.EC_P256, Map.of());
    }

    /** An echo server: reads until the client half-closes, echoes everything, then half-closes too. */
    private Future<String> echoServer(SSLServerSocket listener) {
        return pool.submit(() -> {
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
        });
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void echoFourMegabytesWithMixedWriteSizesAndBothHalfCloses(Peers peers) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext(peers).getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Future<String> server = echoServer(listener);
            byte[] data = new byte[4 << 20];
            new Random(3).nextBytes(data);
            try (SSLSocket client = (SSLSocket) clientContext(peers).getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                client.setSoTimeout(TIMEOUT_MS);
                client.startHandshake();
                assertEquals("TLSv1.3", client.getSession().getProtocol());
                Future<byte[]> reader = pool.submit(() -> readAll(client.getInputStream()));
                OutputStream out = client.getOutputStream();
                Random sizes = new Random(4);
                for (int off = 0; off < data.length;) {
                    int len = Math.min(data.length - off, 1 + sizes.nextInt(40_000));
                    out.write(data, off, len);
                    off += len;
                }
                client.shutdownOutput();
                assertArrayEquals(data, reader.get(60, TimeUnit.SECONDS));
                assertEquals("TLSv1.3 " + client.getSession().getCipherSuite(), server.get(60, TimeUnit.SECONDS));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void readTimeoutLeavesTheConnectionUsable(Peers peers) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) serverContext(peers).getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Future<String> server = echoServer(listener);
            try (SSLSocket client = (SSLSocket) clientContext(peers).getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                client.setSoTimeout(300);
                client.startHandshake();
                InputStream in = client.getInputStream();
                assertThrows(SocketTimeoutException.class, () -> in.read());
                client.setSoTimeout(TIMEOUT_MS);
                client.getOutputStream().write("ping".getBytes());
                byte[] got = in.readNBytes(4);
                assertEquals("ping", new String(got));
                client.shutdownOutput();
                assertEquals(-1, in.read());
                assertTrue(server.get(30, TimeUnit.SECONDS).startsWith("TLSv1.3"));
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[5000];
        int n;
        while ((n = in.read(buf)) >= 0) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }
}
