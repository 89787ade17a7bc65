package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki.KeyKind;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A PadlockSocket closed by one thread while another is blocked reading it. */
class ConcurrencySocketTest {
    enum Server { PADLOCK, SUNJSSE }

    private static final int TIMEOUT_MS = 20_000;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every socket thread ended");
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void closeFromAnotherThreadEndsABlockedReadWithSocketClosed(Server kind) throws Exception {
        SSLContext serverContext = kind == Server.PADLOCK ? Contexts.padlock(KeyKind.EC_P256, Map.of())
                : Contexts.sun(KeyKind.EC_P256);
        CountDownLatch clientDone = new CountDownLatch(1);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // The server completes the handshake and then sends nothing until the client is done.
            Future<Integer> server = pool.submit(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    s.startHandshake();
                    assertTrue(clientDone.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
                    return s.getInputStream().read();
                }
            });
            SSLSocket client = (SSLSocket) Contexts.padlock(KeyKind.EC_P256, Map.of()).getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort());
            try {
                client.setSoTimeout(TIMEOUT_MS);
                client.startHandshake();
                AtomicReference<Thread> readerThread = new AtomicReference<>();
                Future<Integer> reader = pool.submit(() -> {
                    readerThread.set(Thread.currentThread());
                    return client.getInputStream().read();
                });
                awaitBlockedInRead(readerThread);
                client.close();
                ExecutionException e = assertThrows(ExecutionException.class, () -> reader.get(10, TimeUnit.SECONDS),
                        "the blocked read ends once the socket is closed");
                assertInstanceOf(SocketException.class, e.getCause());
                assertEquals("Socket closed", e.getCause().getMessage());
                assertTrue(client.isClosed());
            } finally {
                client.close();
                clientDone.countDown();
            }
            // close() sent close_notify before closing TCP: the server sees a clean end of stream.
            assertEquals(-1, server.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
    }

    /** Waits (bounded) until the reader's stack shows it inside the socket's record read. */
    private static void awaitBlockedInRead(AtomicReference<Thread> reader) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Thread t = reader.get();
            if (t != null && Arrays.stream(t.getStackTrace()).anyMatch(f ->
                    f.getClassName().equals(SocketConnection.class.getName()) && f.getMethodName().equals("nextRecord"))) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the reader never blocked in read");
    }
}
