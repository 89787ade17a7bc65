package dev.padlock.it.dropin;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Scenario 4, an unmodified program: an echo server on {@code SSLServerSocket} and a client on
 * {@code SSLSocket}, both from the default factories. The client sends 64 MiB in writes of
 * mixed sizes while a second thread reads the echo in reads of mixed sizes. Half-way, the
 * server holds back its echo until the client's read has timed out ({@code setSoTimeout}); the
 * connection must carry on. The client then half-closes ({@code shutdownOutput}); the server
 * reads the end of the stream, answers with the byte count it read, and half-closes in turn.
 */
public final class EchoMain {
    static final long TOTAL = 64L << 20;
    private static final long HALF = TOTAL / 2;
    private static final int[] WRITE_SIZES = {1, 16384, 2, 100, 16383, 65536, 5, 16385, 1500, 131072, 40000};
    private static final int[] CLIENT_READ_SIZES = {1, 8192, 3, 16384, 65536, 700, 20000, 100_000};
    private static final int[] SERVER_READ_SIZES = {65536, 1, 4096, 16384, 33000, 7};
    private static final int LONG_TIMEOUT_MILLIS = 30_000;
    private static final int SHORT_TIMEOUT_MILLIS = 200;

    private EchoMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        CountDownLatch clientTimedOut = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        try (SSLServerSocket listener = (SSLServerSocket) SSLServerSocketFactory.getDefault()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(LONG_TIMEOUT_MILLIS);
            Future<String> server = threads.submit(() -> serve(listener, clientTimedOut));
            try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault()
                    .createSocket("localhost", listener.getLocalPort())) {
                socket.setSoTimeout(LONG_TIMEOUT_MILLIS);
                socket.startHandshake();
                Facts.printSession("client", socket.getSession());
                Future<byte[]> sent = threads.submit(() -> send(socket));
                receive(socket, clientTimedOut, sent);
            }
            System.out.print(server.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Writes TOTAL pseudo-random bytes in mixed sizes, then half-closes; returns their SHA-256. */
    private static byte[] send(SSLSocket socket) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(8446);
        byte[] chunk = new byte[Arrays.stream(WRITE_SIZES).max().orElseThrow()];
        OutputStream out = socket.getOutputStream();
        long sent = 0;
        for (int i = 0; sent < TOTAL; i++) {
            int n = (int) Math.min(WRITE_SIZES[i % WRITE_SIZES.length], TOTAL - sent);
            random.nextBytes(chunk);
            digest.update(chunk, 0, n);
            if (n == 1) {
                out.write(chunk[0]);
            } else {
                out.write(chunk, 0, n);
            }
            sent += n;
        }
        out.flush();
        socket.shutdownOutput();
        Facts.print("client.sent", sent);
        Facts.print("client.outputShutdown", socket.isOutputShutdown());
        return digest.digest();
    }

    /** Reads the echo (TOTAL bytes), the server's 8-byte count, then the end of the stream. */
    private static void receive(SSLSocket socket, CountDownLatch clientTimedOut, Future<byte[]> sent)
            throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[Arrays.stream(CLIENT_READ_SIZES).max().orElseThrow()];
        long received = 0;
        int timeouts = 0;
        for (int i = 0; received < TOTAL; i++) {
            if (received >= HALF && timeouts == 0) {
                socket.setSoTimeout(SHORT_TIMEOUT_MILLIS);
            }
            int want = (int) Math.min(CLIENT_READ_SIZES[i % CLIENT_READ_SIZES.length], TOTAL - received);
            int n;
            try {
                if (want == 1) {
                    int b = in.read();
                    buffer[0] = (byte) b;
                    n = b < 0 ? -1 : 1;
                } else {
                    n = in.read(buffer, 0, want);
                }
            } catch (SocketTimeoutException e) {
                timeouts++;
                socket.setSoTimeout(LONG_TIMEOUT_MILLIS);
                clientTimedOut.countDown();
                continue;
            }
            if (n < 0) {
                throw new IOException("echo ended after " + received + " bytes");
            }
            digest.update(buffer, 0, n);
            received += n;
        }
        long serverCount = new DataInputStream(in).readLong();
        int end = in.read();
        byte[] sentDigest = sent.get(60, TimeUnit.SECONDS);
        Facts.print("client.received", received);
        Facts.print("client.readTimeouts", timeouts);
        Facts.print("client.echoMatches", MessageDigest.isEqual(sentDigest, digest.digest()));
        Facts.print("client.sentSha256", HexFormat.of().formatHex(sentDigest));
        Facts.print("client.serverCountedBytes", serverCount);
        Facts.print("client.readAfterServerHalfClose", end);
    }

    /** Echoes in mixed read sizes, pausing half-way until the client's read timed out. */
    private static String serve(SSLServerSocket listener, CountDownLatch clientTimedOut) throws Exception {
        try (SSLSocket socket = (SSLSocket) listener.accept()) {
            socket.setSoTimeout(LONG_TIMEOUT_MILLIS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[Arrays.stream(SERVER_READ_SIZES).max().orElseThrow()];
            long echoed = 0;
            boolean paused = false;
            for (int i = 0; ; i++) {
                int n = in.read(buffer, 0, SERVER_READ_SIZES[i % SERVER_READ_SIZES.length]);
                if (n < 0) {
                    break;
                }
                int split = n / 3;
                out.write(buffer, 0, split);
                out.write(buffer, split, n - split);
                echoed += n;
                if (!paused && echoed >= HALF) {
                    paused = true;
                    out.flush();
                    if (!clientTimedOut.await(LONG_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                        throw new IOException("the client's read never timed out");
                    }
                }
            }
            boolean inputEnded = in.read() < 0;
            DataOutputStream data = new DataOutputStream(out);
            data.writeLong(echoed);
            data.flush();
            socket.shutdownOutput();
            return Facts.describe("server", socket.getSession())
                    + "server.echoed=" + echoed + "\n"
                    + "server.readAfterEndStillEnded=" + inputEnded + "\n"
                    + "server.outputShutdown=" + socket.isOutputShutdown() + "\n";
        }
    }
}
