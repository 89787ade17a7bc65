package dev.padlock.jsse;

import dev.padlock.core.RecordStream;
import dev.padlock.core.TlsConnection;
import dev.padlock.wire.TlsFailure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;

/**
 * The blocking I/O loop of {@link PadlockSocket} over the same sans-IO {@link TlsConnection}
 * the engine uses: write while it has output, read while it needs input.
 *
 * <p>Locks: {@code readLock} serialises readers (the handshake is one) and is the only lock
 * held while reading from the network; {@code writeLock} serialises writers and is the only
 * lock held while writing to it; the connection itself is touched only under {@code this},
 * which is never held across network I/O. A reader that must send (its handshake flight, a
 * KeyUpdate answer) takes the write lock after the connection monitor is released, so a
 * reader and a writer never wait on each other in a cycle, and close() can send close_notify
 * while a reader waits for the peer.
 */
final class SocketConnection {
    /** How long close() waits for a writer stuck on a full network buffer before giving up. */
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final TlsConnection connection;
    private final InputStream rawIn;
    private final OutputStream rawOut;
    private final boolean requireCloseNotify;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final RecordStream deframer = new RecordStream();
    private final byte[] oneByte = new byte[1];
    private final byte[] rawChunk = new byte[TlsConnection.MAX_RECORD_LENGTH];
    private final ByteBuffer rawPending = ByteBuffer.wrap(rawChunk).limit(0);
    /** Decrypted application bytes not yet read, in read mode. */
    private final ByteBuffer appIn = ByteBuffer.allocate(TlsConnection.RECEIVE_BUFFER_LENGTH).limit(0);
    private final ByteBuffer[] appInAsArray = {appIn};
    private final ByteBuffer netOut = ByteBuffer.allocate(2 * TlsConnection.MAX_RECORD_LENGTH);
    private boolean eof;

    SocketConnection(TlsConnection connection, InputStream rawIn, OutputStream rawOut, boolean requireCloseNotify) {
        this.connection = connection;
        this.rawIn = rawIn;
        this.rawOut = rawOut;
        this.requireCloseNotify = requireCloseNotify;
    }

    synchronized boolean isHandshakeComplete() {
        return connection.isHandshakeComplete();
    }

    /** The protocol ALPN chose, once the handshake is complete; null before. */
    synchronized String applicationProtocol() {
        return connection.isHandshakeComplete() ? connection.session().applicationProtocol() : null;
    }

    /** The protocol ALPN chose so far, while the handshake runs; null after it. */
    synchronized String handshakeApplicationProtocol() {
        return connection.isHandshakeComplete() ? null : connection.session().applicationProtocol();
    }

    /**
     * Runs the handshake to completion (or failure) under the read lock, taking the write lock
     * only to send its flights: a silent peer then holds up no one but readers.
     */
    void handshake() throws IOException {
        readLock.lock();
        try {
            synchronized (this) {
                try {
                    connection.start();
                } catch (TlsFailure f) {
                    throw Failures.toException(f, true);
                }
            }
            while (true) {
                sendPending();
                synchronized (this) {
                    // A connection that already failed reads nothing more (its deframer may
                    // have failed too): the caller gets that failure again.
                    rethrowFailure();
                    if (connection.isHandshakeComplete() && !connection.hasOutbound()) {
                        return;
                    }
                }
                if (!readRecord(true)) {
                    throw new SSLHandshakeException("Remote host terminated the handshake");
                }
            }
        } finally {
            readLock.unlock();
        }
    }

    /** Like InputStream.read: -1 at the end of the stream (close_notify, or EOF where allowed). */
    /** One byte, or -1 at the end of the stream; the byte is taken under the read lock. */
    int read() throws IOException {
        readLock.lock();
        try {
            int n = read(oneByte, 0, 1);
            return n < 0 ? -1 : oneByte[0] & 0xFF;
        } finally {
            readLock.unlock();
        }
    }

    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        readLock.lock();
        try {
            while (!appIn.hasRemaining()) {
                synchronized (this) {
                    if (connection.isInboundClosed()) {
                        rethrowFailure();
                        return -1;
                    }
                }
                if (!readRecord(false)) {
                    return -1;
                }
                sendPending();
            }
            int n = Math.min(len, appIn.remaining());
            appIn.get(b, off, n);
            return n;
        } finally {
            readLock.unlock();
        }
    }

    /** The decrypted bytes waiting; 0 while another thread reads, which may be waiting for the peer. */
    int available() {
        if (!readLock.tryLock()) {
            return 0;
        }
        try {
            return appIn.remaining();
        } finally {
            readLock.unlock();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        writeLock.lock();
        try {
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            ByteBuffer[] srcs = {src};
            do {
                synchronized (this) {
                    rethrowFailure();
                    if (connection.isOutboundClosed()) {
                        throw new SocketException("the TLS connection is closed for writing");
                    }
                    netOut.clear();
                    connection.drainOutbound(netOut);
                    if (netOut.remaining() >= connection.sealedLength(src.remaining())) {
                        try {
                            connection.seal(srcs, 0, 1, netOut);
                        } catch (TlsFailure f) {
                            throw Failures.toException(f, false);
                        }
                    }
                    connection.drainOutbound(netOut);
                    netOut.flip();
                }
                rawOut.write(netOut.array(), 0, netOut.limit());
            } while (src.hasRemaining());
            rawOut.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends close_notify (RFC 8446 §6.1) without waiting forever for a stuck writer. */
    void closeOutbound() throws IOException {
        boolean locked;
        try {
            locked = writeLock.tryLock(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            synchronized (this) {
                connection.closeOutbound();
            }
            return;
        }
        try {
            synchronized (this) {
                connection.closeOutbound();
            }
            flush();
        } finally {
            writeLock.unlock();
        }
    }

    void closeInbound() {
        synchronized (this) {
            connection.closeInbound();
        }
    }

    private void sendPending() throws IOException {
        synchronized (this) {
            if (!connection.hasOutbound()) {
                return;
            }
        }
        writeLock.lock();
        try {
            flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes every queued record; the caller holds the write lock. */
    private void flush() throws IOException {
        while (true) {
            synchronized (this) {
                if (!connection.hasOutbound()) {
                    return;
                }
                netOut.clear();
                connection.drainOutbound(netOut);
                netOut.flip();
            }
            rawOut.write(netOut.array(), 0, netOut.limit());
            rawOut.flush();
        }
    }

    /**
     * Reads and processes one record. Returns false at a clean end of stream. A
     * SocketTimeoutException leaves the partial record buffered, so the connection stays usable.
     */
    private boolean readRecord(boolean handshaking) throws IOException {
        SSLException failure = null;
        ByteBuffer record;
        try {
            record = nextRecord(handshaking);
        } catch (TlsFailure f) {
            synchronized (this) {
                connection.fail(f);
            }
            throw withAlertSent(Failures.toException(f, handshaking));
        }
        if (record == null) {
            return false;
        }
        synchronized (this) {
            appIn.compact();
            try {
                connection.receive(record, appInAsArray, 0, 1);
            } catch (TlsFailure f) {
                appIn.flip();
                failure = Failures.toException(f, handshaking || !connection.isHandshakeComplete());
            }
            if (failure == null) {
                appIn.flip();
            }
        }
        if (failure != null) {
            throw withAlertSent(failure);
        }
        return true;
    }

    private ByteBuffer nextRecord(boolean handshaking) throws IOException {
        while (!deframer.hasRecord()) {
            if (rawPending.hasRemaining()) {
                deframer.offer(rawPending);
                continue;
            }
            if (eof) {
                return onEndOfStream(handshaking);
            }
            int n = rawIn.read(rawChunk, 0, rawChunk.length);
            if (n < 0) {
                eof = true;
                continue;
            }
            rawPending.limit(n).position(0);
        }
        return deframer.nextRecord();
    }

    /**
     * TCP ended without close_notify. During the handshake that is always an error; after it,
     * SunJSSE treats it as the end of the stream unless com.sun.net.ssl.requireCloseNotify is
     * set, and so do we (many HTTP servers close without close_notify).
     */
    private ByteBuffer onEndOfStream(boolean handshaking) throws SSLException {
        synchronized (this) {
            if (connection.isInboundClosed()) {
                return null;
            }
            if (handshaking || !connection.isHandshakeComplete()) {
                throw new SSLHandshakeException("Remote host terminated the handshake");
            }
            if (requireCloseNotify || deframer.pendingBytes() > 0) {
                SSLProtocolException e = new SSLProtocolException(
                        "Remote host terminated the connection without close_notify (possible truncation attack)");
                e.initCause(new EOFException());
                throw e;
            }
            connection.closeInbound();
            return null;
        }
    }

    private void rethrowFailure() throws SSLException {
        TlsFailure f = connection.failure();
        if (f != null) {
            throw Failures.toException(f, !connection.isHandshakeComplete());
        }
    }

    /**
     * Sends our fatal alert if the write lock is free. The TLS failure stays the error the
     * caller sees; a network error while alerting is attached to it as suppressed.
     */
    private SSLException withAlertSent(SSLException failure) {
        if (writeLock.tryLock()) {
            try {
                flush();
            } catch (IOException e) {
                failure.addSuppressed(e);
            } finally {
                writeLock.unlock();
            }
        }
        return failure;
    }
}
