package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A native server peer ({@code openssl s_server}, {@code gnutls-serv}) listening on a port
 * the OS just handed out. Those programs cannot be told to pick a port themselves, so a port
 * is taken by binding 127.0.0.1:0 and releasing it; when another process wins the race the
 * peer reports "address in use" and we try again on a fresh port.
 */
public final class PeerServer implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private static final long READY_POLL_MILLIS = 20;

    private final Peer peer;
    private final int port;

    private PeerServer(Peer peer, int port) {
        this.peer = peer;
        this.port = port;
    }

    /**
     * @param command the command line for a port
     * @param readyText printed (stdout or stderr) once the peer accepts connections
     */
    public static PeerServer start(Path workDir, IntFunction<List<String>> command, String readyText) {
        return start(workDir, command, readyText, Map.of());
    }

    /** As {@link #start(Path, IntFunction, String)}, with {@code environment} added to the peer's. */
    public static PeerServer start(Path workDir, IntFunction<List<String>> command, String readyText,
            Map<String, String> environment) {
        String last = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            Peer peer = Peer.start(workDir, command.apply(port), environment);
            boolean handedOver = false;
            try {
                if (awaitReady(peer, readyText)) {
                    handedOver = true;
                    return new PeerServer(peer, port);
                }
                last = peer.transcript();
                if (!addressInUse(last)) {
                    fail("peer server did not start\n" + last);
                }
            } finally {
                if (!handedOver) {
                    peer.close();
                }
            }
        }
        return fail("no free port after " + ATTEMPTS + " attempts\n" + last);
    }

    /** True once ready; false when the peer exited first. A hang fails. */
    private static boolean awaitReady(Peer peer, String readyText) {
        long deadline = System.nanoTime() + Peer.TIMEOUT_SECONDS * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (peer.stdout().contains(readyText) || peer.stderr().contains(readyText)) {
                return true;
            }
            if (!peer.isAlive()) {
                return false;
            }
            try {
                Thread.sleep(READY_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted waiting for the peer server");
            }
        }
        return fail("peer server printed no '" + readyText + "' within " + Peer.TIMEOUT_SECONDS + " s\n"
                + peer.transcript());
    }

    private static boolean addressInUse(String transcript) {
        String t = transcript.toLowerCase(Locale.ROOT);
        return t.contains("address already in use") || t.contains("address in use");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    public int port() {
        return port;
    }

    public Peer peer() {
        return peer;
    }

    public String transcript() {
        return peer.transcript();
    }

    @Override
    public void close() {
        peer.close();
    }
}
