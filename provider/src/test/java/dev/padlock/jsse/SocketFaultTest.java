package dev.padlock.jsse;

import javax.net.ssl.SSLException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peers that vanish or misbehave at the TCP level: a TCP close inside the handshake or inside a
 * record, close_notify followed by more data (RFC 8446 §6.1), and a TCP close without
 * close_notify (the truncation attack). The misbehaviour after the handshake comes from
 * {@link ServerRecordProxy}, which reads the server's records with the server's key-logged
 * traffic secret and cuts, drops or forges them on their way to the client.
 */
class SocketFaultTest {
    private static final int TIMEOUT_MS = 20_000;
    private static final byte[] BEFORE = "before".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AFTER = "after".getBytes(StandardCharsets.US_ASCII);
    private static final String TRUNCATION =
            "Remote host terminated the connection without close_notify (possible truncation attack)";

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch clientDone = new CountDownLatch(1);

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        clientDone.countDown();
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every peer thread ended");
    }

    // ---- a peer that disappears mid-handshake ------------------------------------------------

    @Test
    void serverClosingTcpAfterTheClientHelloFailsTheClientHandshake() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<byte[]> clientHello = pool.submit(() -> {
                try (Socket s = raw.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    return readRecord(new DataInputStream(s.getInputStream()));
                }
            });
            try (SSLSocket client = padlockClient(raw.getLocalPort())) {
                SSLHandshakeException e = assertThrows(SSLHandshakeException.class, client::startHandshake);
                assertEquals("Remote host terminated the handshake", e.getMessage());
            }
            byte[] record = clientHello.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            assertEquals(22, record[0], "a handshake record");
            assertEquals(1, record[5], "carrying the ClientHello");
        }
    }

    @Test
    void aBadRecordHeaderFailsTheHandshakeAndEveryLaterCallWithTheSameSslException() throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> server = pool.submit(() -> {
                try (Socket s = raw.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    readRecord(new DataInputStream(s.getInputStream()));
                    // content type 24 is no TLS record type (RFC 8446 §5.1)
                    s.getOutputStream().write(new byte[] {0x18, 0x03, 0x03, 0x00, 0x00});
                    s.getInputStream().read();
                }
                return null;
            });
            try (SSLSocket client = padlockClient(raw.getLocalPort())) {
                SSLProtocolException first = assertThrows(SSLProtocolException.class, client::startHandshake);
                assertTrue(first.getMessage().startsWith("(unexpected_message)"), first.getMessage());
                SSLException again = assertThrows(SSLException.class, client::startHandshake);
                assertEquals(first.getMessage(), again.getMessage());
                assertThrows(SSLException.class, () -> client.getInputStream().read());
            }
            server.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void clientClosingTcpInsideItsClientHelloFailsTheServerHandshake() throws Exception {
        SSLEngine helloMaker = Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443);
        helloMaker.setUseClientMode(true);
        ByteBuffer hello = ByteBuffer.allocate(helloMaker.getSession().getPacketBufferSize());
        helloMaker.wrap(ByteBuffer.allocate(0), hello);
        try (SSLServerSocket listener = (SSLServerSocket) Contexts.padlock(KeyKind.EC_P256, Map.of())
                .getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<?> server = pool.submit(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.setSoTimeout(TIMEOUT_MS);
                    s.startHandshake();
                }
                return null;
            });
            try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                raw.getOutputStream().write(hello.array(), 0, hello.position() / 2);
                raw.shutdownOutput();
                ExecutionException e = assertThrows(ExecutionException.class,
                        () -> server.get(TIMEOUT_MS, TimeUnit.MILLISECONDS));
                assertInstanceOf(SSLHandshakeException.class, e.getCause());
                assertEquals("Remote host terminated the handshake", e.getCause().getMessage());
            }
        }
    }

    // ---- a peer that misbehaves after the handshake -------------------------------------------

    @Test
    void halfARecordThenTcpCloseIsATruncationError() throws Exception {
        try (SSLSocket client = throughProxy(ServerRecordProxy.Fault.CUT_FIRST_DATA_RECORD_IN_HALF, false)) {
            SSLProtocolException e = assertThrows(SSLProtocolException.class, () -> client.getInputStream().read());
            assertEquals(TRUNCATION, e.getMessage());
            assertInstanceOf(EOFException.class, e.getCause());
        }
    }

    /** RFC 8446 §6.1: "Any data received after a closure alert has been received MUST be ignored." */
    @Test
    void dataAfterCloseNotifyIsIgnored() throws Exception {
        try (SSLSocket client = throughProxy(ServerRecordProxy.Fault.DATA_AFTER_CLOSE_NOTIFY, false)) {
            assertArrayEquals(BEFORE, readToEnd(client.getInputStream()));
            assertEquals(-1, client.getInputStream().read(), "still the end of the stream");
        }
    }

    /** The control for the test above: the same forged record before close_notify is delivered. */
    @Test
    void theForgedRecordIsDeliveredWhenItComesBeforeCloseNotify() throws Exception {
        try (SSLSocket client = throughProxy(ServerRecordProxy.Fault.DATA_BEFORE_CLOSE_NOTIFY, false)) {
            byte[] both = ByteBuffer.allocate(BEFORE.length + AFTER.length).put(BEFORE).put(AFTER).array();
            assertArrayEquals(both, readToEnd(client.getInputStream()));
        }
    }

    /** As SunJSSE: many servers close TCP without close_notify, so by default that ends the stream. */
    @Test
    void tcpCloseWithoutCloseNotifyIsTheEndOfTheStreamByDefault() throws Exception {
        try (SSLSocket client = throughProxy(ServerRecordProxy.Fault.TCP_CLOSE_INSTEAD_OF_CLOSE_NOTIFY, false)) {
            assertArrayEquals(BEFORE, readToEnd(client.getInputStream()));
        }
    }

    @Test
    void tcpCloseWithoutCloseNotifyIsATruncationErrorWhenCloseNotifyIsRequired() throws Exception {
        try (SSLSocket client = throughProxy(ServerRecordProxy.Fault.TCP_CLOSE_INSTEAD_OF_CLOSE_NOTIFY, true)) {
            InputStream in = client.getInputStream();
            assertArrayEquals(BEFORE, in.readNBytes(BEFORE.length));
            SSLProtocolException e = assertThrows(SSLProtocolException.class, in::read);
            assertEquals(TRUNCATION, e.getMessage());
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    /**
     * A Padlock server that sends "before" and then close_notify, a {@link ServerRecordProxy}
     * applying {@code fault} to what it sends, and a Padlock client connected through it with
     * its handshake done. {@code requireCloseNotify} sets com.sun.net.ssl.requireCloseNotify
     * for the client while it is created.
     */
    private SSLSocket throughProxy(ServerRecordProxy.Fault fault, boolean requireCloseNotify) throws Exception {
        Path keyLog = dir.resolve("server-keys.log");
        SSLContext serverContext = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(),
                Map.of(), Diagnostics.from(Map.of("dev.padlock.keyLogFile", keyLog.toString())::get, name -> null));
        SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        // The proxy derives keys for this suite only.
        listener.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        pool.submit(() -> {
            try (listener; SSLSocket s = (SSLSocket) listener.accept()) {
                s.setSoTimeout(TIMEOUT_MS);
                s.startHandshake();
                s.getOutputStream().write(BEFORE);
                s.shutdownOutput();
                clientDone.await(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
            return null;
        });
        ServerRecordProxy proxy = new ServerRecordProxy(listener.getLocalPort(), keyLog, fault, AFTER, pool);
        String property = "com.sun.net.ssl.requireCloseNotify";
        String previous = System.getProperty(property);
        if (requireCloseNotify) {
            System.setProperty(property, "true");
        }
        try {
            SSLSocket client = padlockClient(proxy.port());
            client.startHandshake();
            return client;
        } finally {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }

    private static SSLSocket padlockClient(int port) throws Exception {
        SSLSocket client = (SSLSocket) Contexts.padlock(KeyKind.EC_P256, Map.of()).getSocketFactory()
                .createSocket("localhost", port);
        client.setSoTimeout(TIMEOUT_MS);
        return client;
    }

    static byte[] readRecord(DataInputStream in) throws IOException {
        byte[] header = new byte[5];
        in.readFully(header);
        byte[] record = Arrays.copyOf(header, 5 + (((header[3] & 0xFF) << 8) | (header[4] & 0xFF)));
        in.readFully(record, 5, record.length - 5);
        return record;
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }

    /**
     * Sits between a client and a Padlock server whose key log it reads, forwards the client's
     * bytes untouched, and the server's record by record. It opens the server's application
     * records with SERVER_TRAFFIC_SECRET_0 (TLS_AES_128_GCM_SHA256: HKDF-SHA256, AES-128-GCM,
     * RFC 8446 §7.3, §5.2, §5.3) and applies its fault at the first data record or at
     * close_notify; a forged record is sealed under the same key with the next sequence number.
     */
    static final class ServerRecordProxy {
        enum Fault { CUT_FIRST_DATA_RECORD_IN_HALF, DATA_AFTER_CLOSE_NOTIFY, DATA_BEFORE_CLOSE_NOTIFY,
            TCP_CLOSE_INSTEAD_OF_CLOSE_NOTIFY }

        private final ServerSocket listener;
        private final Path keyLog;
        private final Fault fault;
        private final byte[] forged;
        private byte[] key;
        private byte[] iv;

        ServerRecordProxy(int serverPort, Path keyLog, Fault fault, byte[] forged, ExecutorService pool)
                throws IOException {
            this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            this.keyLog = keyLog;
            this.fault = fault;
            this.forged = forged;
            pool.submit(() -> {
                try (listener; Socket client = listener.accept();
                        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
                    client.setSoTimeout(TIMEOUT_MS);
                    server.setSoTimeout(TIMEOUT_MS);
                    Future<Long> up = pool.submit(() -> client.getInputStream().transferTo(server.getOutputStream()));
                    serverToClient(new DataInputStream(server.getInputStream()), client);
                    // Hold both connections open until the client is done: only the fault ends them.
                    up.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                }
                return null;
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        private void serverToClient(DataInputStream in, Socket client) throws Exception {
            long sequence = 0;
            while (true) {
                byte[] record;
                try {
                    record = readRecord(in);
                } catch (EOFException e) {
                    return;
                }
                byte[] inner = record[0] == 23 ? open(record, sequence) : null;
                if (inner != null) {
                    sequence++;
                    int type = innerType(inner);
                    if (type == 23 && fault == Fault.CUT_FIRST_DATA_RECORD_IN_HALF) {
                        client.getOutputStream().write(record, 0, record.length / 2);
                        client.shutdownOutput();
                        return;
                    }
                    if (type == 21 && inner[0] == 1 && inner[1] == 0) {
                        closeNotify(record, sequence, client);
                        return;
                    }
                }
                client.getOutputStream().write(record);
            }
        }

        /** The server's close_notify, sequence number {@code next - 1}, is here. */
        private void closeNotify(byte[] record, long next, Socket client) throws Exception {
            switch (fault) {
                case DATA_AFTER_CLOSE_NOTIFY -> {
                    client.getOutputStream().write(record);
                    client.getOutputStream().write(seal(23, forged, next));
                }
                case DATA_BEFORE_CLOSE_NOTIFY -> {
                    client.getOutputStream().write(seal(23, forged, next - 1));
                    client.getOutputStream().write(seal(21, new byte[] {1, 0}, next));
                }
                case TCP_CLOSE_INSTEAD_OF_CLOSE_NOTIFY -> client.shutdownOutput();
                default -> throw new AssertionError("the server's data record never came: " + fault);
            }
        }

        /** The record's TLSInnerPlaintext, or null if it is not under the application key. */
        private byte[] open(byte[] record, long sequence) throws Exception {
            if (key == null && !readKeyLog()) {
                return null;
            }
            javax.crypto.Cipher aead = aead(javax.crypto.Cipher.DECRYPT_MODE, sequence);
            aead.updateAAD(record, 0, 5);
            try {
                return aead.doFinal(record, 5, record.length - 5);
            } catch (javax.crypto.AEADBadTagException handshakeEpoch) {
                return null;
            }
        }

        private byte[] seal(int type, byte[] content, long sequence) throws Exception {
            int length = content.length + 1 + 16;
            byte[] header = {23, 3, 3, (byte) (length >>> 8), (byte) length};
            javax.crypto.Cipher aead = aead(javax.crypto.Cipher.ENCRYPT_MODE, sequence);
            aead.updateAAD(header);
            byte[] inner = Arrays.copyOf(content, content.length + 1);
            inner[content.length] = (byte) type;
            return ByteBuffer.allocate(5 + length).put(header).put(aead.doFinal(inner)).array();
        }

        /** RFC 8446 §5.3: the IV XORed with the 64-bit sequence number, left-padded. */
        private javax.crypto.Cipher aead(int mode, long sequence) throws Exception {
            byte[] nonce = iv.clone();
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
            }
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            return c;
        }

        private static int innerType(byte[] inner) {
            int i = inner.length - 1;
            while (inner[i] == 0) {
                i--;
            }
            return inner[i];
        }

        private boolean readKeyLog() throws Exception {
            for (String line : java.nio.file.Files.readAllLines(keyLog)) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("SERVER_TRAFFIC_SECRET_0")) {
                    byte[] secret = java.util.HexFormat.of().parseHex(f[2]);
                    key = expandLabel(secret, "key", 16);
                    iv = expandLabel(secret, "iv", 12);
                    return true;
                }
            }
            return false;
        }

        /** HKDF-Expand-Label(secret, label, "", length) with SHA-256 (RFC 8446 §7.1), one block. */
        private static byte[] expandLabel(byte[] secret, String label, int length) throws Exception {
            byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer info = ByteBuffer.allocate(2 + 1 + full.length + 1 + 1);
            info.putShort((short) length).put((byte) full.length).put(full).put((byte) 0).put((byte) 1);
            javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
            hmac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(info.array()), length);
        }
    }
}
