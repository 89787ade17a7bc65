package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki.KeyKind;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A watchdog thread closes a socket whose handshake, on another thread and without a read
 * timeout, waits on a peer that never answers (issue 18). close() must return at once and
 * end that handshake with the exception SunJSSE gives, and the methods that only report
 * handshake state must answer without waiting for the network. SunJSSE runs every scenario
 * too, as the control the Padlock result is compared with.
 */
class SocketCloseDuringHandshakeTest {
    enum Jsse { PADLOCK, SUNJSSE }

    /** The test side's own sockets: nothing the test reads from waits longer than this. */
    private static final int TIMEOUT_MS = 20_000;
    /** A deadlock check, not a timing assertion: a call that returns at all returns far sooner. */
    private static final long BOUND_SECONDS = 10;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every test thread ended");
    }

    private static SSLContext context(Jsse jsse) throws Exception {
        return jsse == Jsse.PADLOCK ? Contexts.padlock(KeyKind.EC_P256, Map.of()) : Contexts.sun(KeyKind.EC_P256);
    }

    // ---- close() ends the handshake ----------------------------------------------------------

    @Test
    void closeEndsAClientHandshakeWaitingOnASilentServerAsSunJsseDoes() throws Exception {
        Throwable sun = closeDuringClientHandshake(context(Jsse.SUNJSSE));
        Throwable padlock = closeDuringClientHandshake(context(Jsse.PADLOCK));
        assertEndedLikeSunJsse(sun, padlock);
    }

    @Test
    void closeEndsAServerHandshakeWaitingOnASilentClientAsSunJsseDoes() throws Exception {
        Throwable sun = closeDuringServerHandshake(context(Jsse.SUNJSSE));
        Throwable padlock = closeDuringServerHandshake(context(Jsse.PADLOCK));
        assertEndedLikeSunJsse(sun, padlock);
    }

    /**
     * SunJSSE's close() shuts the TCP output and input down and then closes the socket, and the
     * blocked read races those steps (seen on JDK 17 and 25): mostly it ends with the closed
     * socket's {@code SocketException("Socket closed")}, sometimes it sees the end of stream and
     * reports {@code SSLHandshakeException("Remote host terminated the handshake")}. Padlock only
     * closes, so it always gives the first, which is also the one that says what happened.
     */
    private static void assertEndedLikeSunJsse(Throwable sun, Throwable padlock) {
        boolean closedSocket = sun.getClass() == SocketException.class && "Socket closed".equals(sun.getMessage());
        boolean endOfStream = sun.getClass() == SSLHandshakeException.class
                && "Remote host terminated the handshake".equals(sun.getMessage());
        assertTrue(closedSocket || endOfStream, () -> "the SunJSSE control ended otherwise: " + sun);
        assertEquals(SocketException.class, padlock.getClass(), () -> "Padlock ended with " + padlock);
        assertEquals("Socket closed", padlock.getMessage());
    }

    /** A client handshake blocked on a silent server, closed from another thread; returns how it ended. */
    private Throwable closeDuringClientHandshake(SSLContext context) throws Exception {
        try (SilentServer server = new SilentServer()) {
            SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.port());
            // No read timeout on the client: only close() can end its handshake.
            try {
                BlockedHandshake handshake = new BlockedHandshake(client);
                server.awaitClientHello();
                handshake.awaitBlockedInRead();
                returns(() -> {
                    client.close();
                    return null;
                }, "close() while the client handshake waits on the network");
                Throwable failure = handshake.failure();
                assertTrue(client.isClosed());
                server.awaitEndOfStream();
                return failure;
            } finally {
                server.hangUp();
                client.close();
            }
        }
    }

    /** A server handshake blocked on a silent client, closed from another thread; returns how it ended. */
    private Throwable closeDuringServerHandshake(SSLContext context) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket silentClient = new Socket()) {
            listener.setSoTimeout(TIMEOUT_MS);
            silentClient.setSoTimeout(TIMEOUT_MS);
            silentClient.connect(listener.getLocalSocketAddress(), TIMEOUT_MS);
            SSLSocket server = (SSLSocket) listener.accept();
            // No read timeout on the server socket: only close() can end its handshake.
            try {
                BlockedHandshake handshake = new BlockedHandshake(server);
                handshake.awaitBlockedInRead();
                returns(() -> {
                    server.close();
                    return null;
                }, "close() while the server handshake waits on the network");
                Throwable failure = handshake.failure();
                assertTrue(server.isClosed());
                // close() closed the TCP connection: the silent client reaches the end of the stream.
                silentClient.getInputStream().readAllBytes();
                return failure;
            } finally {
                silentClient.close();
                server.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Jsse.class)
    void closeOfALayeredSocketWithoutAutoCloseReturnsAndLeavesTheTcpSocketOpen(Jsse jsse) throws Exception {
        try (SilentServer server = new SilentServer(); Socket tcp = new Socket()) {
            tcp.setSoTimeout(TIMEOUT_MS);
            tcp.connect(server.address(), TIMEOUT_MS);
            tcp.setSoTimeout(0);
            SSLSocket client = (SSLSocket) context(jsse).getSocketFactory()
                    .createSocket(tcp, "localhost", server.port(), false);
            try {
                BlockedHandshake handshake = new BlockedHandshake(client);
                server.awaitClientHello();
                handshake.awaitBlockedInRead();
                returns(() -> {
                    client.close();
                    return null;
                }, "close() of a layered socket while its handshake waits on the network");
                assertTrue(client.isClosed());
                assertFalse(tcp.isClosed(), "the application's TCP socket stays open");
                // The TCP socket is the application's to close, and closing it ends the handshake.
                tcp.close();
                assertInstanceOf(IOException.class, handshake.failure());
            } finally {
                server.hangUp();
                client.close();
            }
        }
    }

    // ---- state getters do not wait for the network --------------------------------------------

    @ParameterizedTest
    @EnumSource(Jsse.class)
    void handshakeStateAnswersWhileTheHandshakeWaitsOnASilentServer(Jsse jsse) throws Exception {
        try (SilentServer server = new SilentServer()) {
            SSLSocket client = (SSLSocket) context(jsse).getSocketFactory().createSocket("localhost", server.port());
            try {
                BlockedHandshake handshake = new BlockedHandshake(client);
                server.awaitClientHello();
                handshake.awaitBlockedInRead();

                SSLSession handshakeSession = returns(client::getHandshakeSession, "getHandshakeSession()");
                // Padlock's client has its handshake session from the ClientHello on, SunJSSE's from the ServerHello.
                if (jsse == Jsse.PADLOCK) {
                    assertNotNull(handshakeSession);
                }
                assertNull(returns(client::getApplicationProtocol, "getApplicationProtocol()"));
                assertNull(returns(client::getHandshakeApplicationProtocol, "getHandshakeApplicationProtocol()"));
                assertTrue(returns(client::getUseClientMode, "getUseClientMode()"));
                assertInstanceOf(IllegalArgumentException.class, throwsFrom(() -> {
                    client.setUseClientMode(false);
                    return null;
                }, "setUseClientMode(false)"), "the mode is fixed once the handshake began");
                assertEquals(0, returns(() -> client.getInputStream().available(), "available()"));
                assertFalse(returns(client::isClosed, "isClosed()"));

                // getSession() runs the handshake, so it waits for it: close() ends that wait.
                Future<SSLSession> session = pool.submit(client::getSession);
                returns(() -> {
                    client.close();
                    return null;
                }, "close() while getSession() waits for the handshake");
                assertEquals("SSL_NULL_WITH_NULL_NULL",
                        session.get(BOUND_SECONDS, TimeUnit.SECONDS).getCipherSuite());
                assertInstanceOf(IOException.class, handshake.failure());
            } finally {
                server.hangUp();
                client.close();
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Runs {@code call} on another thread and fails the test if it does not return in time. */
    private <T> T returns(Callable<T> call, String what) throws Exception {
        Future<T> result = pool.submit(call);
        try {
            return result.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " did not return within " + BOUND_SECONDS
                    + " s: it waits for the blocked handshake", e);
        }
    }

    /** Runs {@code call} on another thread and returns what it threw, failing if it never ends. */
    private Throwable throwsFrom(Callable<?> call, String what) throws Exception {
        try {
            returns(call, what);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError(what + " returned normally");
    }

    /** startHandshake() on a pool thread, which the test can watch block and then fail. */
    private final class BlockedHandshake {
        private final AtomicReference<Thread> thread = new AtomicReference<>();
        private final Future<?> result;

        BlockedHandshake(SSLSocket socket) {
            result = pool.submit(() -> {
                thread.set(Thread.currentThread());
                socket.startHandshake();
                return null;
            });
        }

        /** Waits (bounded) until the handshaking thread is inside a read of the TCP socket. */
        void awaitBlockedInRead() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
            while (System.nanoTime() < deadline) {
                Thread t = thread.get();
                if (t != null && Arrays.stream(t.getStackTrace()).anyMatch(f ->
                        f.getClassName().equals("java.net.Socket$SocketInputStream") && f.getMethodName().equals("read"))) {
                    return;
                }
                Thread.sleep(10);
            }
            throw new AssertionError("the handshake never blocked reading the socket");
        }

        /** How the handshake ended, which must be a failure and must come once the socket is closed. */
        Throwable failure() throws InterruptedException {
            try {
                result.get(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                throw new AssertionError("the handshake still waits on the network after close()", e);
            }
            throw new AssertionError("the handshake completed with a silent peer");
        }
    }

    /** A TCP server that accepts one connection, reads its ClientHello and never answers. */
    private final class SilentServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<Socket> accepted = new CompletableFuture<>();
        private final CountDownLatch clientHello = new CountDownLatch(1);
        /** Ends when the client closes TCP: what the client sent after its ClientHello. */
        private final Future<byte[]> rest;

        SilentServer() throws IOException {
            listener.setSoTimeout(TIMEOUT_MS);
            rest = pool.submit(() -> {
                try (Socket s = listener.accept()) {
                    accepted.complete(s);
                    s.setSoTimeout(TIMEOUT_MS);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] record = SocketFaultTest.readRecord(in);
                    assertEquals(22, record[0], "a handshake record");
                    assertEquals(1, record[5], "carrying the ClientHello");
                    clientHello.countDown();
                    return in.readAllBytes();
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        SocketAddress address() {
            return listener.getLocalSocketAddress();
        }

        void awaitClientHello() throws InterruptedException {
            assertTrue(clientHello.await(BOUND_SECONDS, TimeUnit.SECONDS), "the server received a ClientHello");
        }

        /** The client closed its TCP connection. */
        void awaitEndOfStream() throws Exception {
            try {
                rest.get(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the client's TCP connection is still open after close()", e);
            }
        }

        /** Closes the accepted connection, which ends a handshake that close() did not end. */
        void hangUp() throws IOException {
            Socket s = accepted.getNow(null);
            if (s != null) {
                s.close();
            }
        }

        @Override
        public void close() throws IOException {
            hangUp();
            listener.close();
        }
    }
}
