package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An {@code SSLServerSocket} of the provider under test on 127.0.0.1, port from the OS, serving
 * connections one after another on its own thread: it completes the handshake, answers the
 * first line it reads with {@code echo: <line>} and what it negotiated, and closes. What each
 * connection ended with, its session or the exception, is queued for the test, so that the
 * server's view of a handshake can be asserted as exactly as the peer's.
 */
final class SocketServer implements AutoCloseable {
    /**
     * One connection's end: the session after a completed handshake and, when asked for, the
     * keying material exported from it (hex); or what failed.
     */
    record Outcome(SSLSession session, String exported, Exception failure) {
        SSLSession sessionOrFail(Peer peer) {
            if (session == null) {
                throw new AssertionError("the server's handshake failed\n" + peer.transcript(), failure);
            }
            return session;
        }
    }

    private final SSLServerSocket listener;
    private final String exportLabel;
    private final int exportLength;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Thread thread;

    /** @param tune sets the server's protocols, suites, client authentication or ALPN */
    SocketServer(SSLContext context, Consumer<SSLServerSocket> tune) {
        this(context, tune, null, 0);
    }

    /** As {@link #SocketServer(SSLContext, Consumer)}, exporting keying material for {@code label} (no context). */
    SocketServer(SSLContext context, Consumer<SSLServerSocket> tune, String exportLabel, int exportLength) {
        this.exportLabel = exportLabel;
        this.exportLength = exportLength;
        try {
            listener = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
            listener.setSoTimeout(Tls12.TIMEOUT_MS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen", e);
        }
        tune.accept(listener);
        thread = new Thread(this::serve, "socket-server-" + listener.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next connection's outcome; a connection that never ends fails the test. */
    Outcome next(Peer peer) throws InterruptedException {
        Outcome outcome = outcomes.poll(Peer.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (outcome == null) {
            fail("no connection ended at the server within " + Peer.TIMEOUT_SECONDS + " s\n" + peer.transcript());
        }
        return outcome;
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (SSLSocket socket = (SSLSocket) listener.accept()) {
                outcomes.add(answer(socket));
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                outcomes.add(new Outcome(null, null, e));
            }
        }
    }

    private Outcome answer(SSLSocket socket) {
        try {
            socket.setSoTimeout(Tls12.TIMEOUT_MS);
            socket.startHandshake();
            SSLSession session = socket.getSession();
            // exported before the close, which erases the connection's secrets
            String exported = exportLabel == null ? null
                    : HexFormat.of().withUpperCase().formatHex(Padlock.exportKeyingMaterial(session, exportLabel,
                            exportLength));
            String line = readLine(socket.getInputStream());
            if (line != null) {
                OutputStream out = socket.getOutputStream();
                out.write(("echo: " + line + "\n" + Padlock.bodyFor(session.getProtocol(), session.getCipherSuite()))
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            return new Outcome(session, exported, null);
        } catch (Exception e) {
            return new Outcome(null, null, e);
        }
    }

    /** The first line, or null when the peer closed without sending one. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return c < 0 && line.length() == 0 ? null : line.toString().strip();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(Peer.TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
