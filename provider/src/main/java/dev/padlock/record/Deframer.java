package dev.padlock.record;

import java.nio.ByteBuffer;
import java.util.NoSuchElementException;

/**
 * Cuts a byte stream into whole records (RFC 8446 §5.1) for the blocking-socket adapter.
 *
 * <p>Input arrives in chunks of any size; {@link #offer} takes what fits in a buffer that never
 * holds more than one maximal record ({@link RecordHeader#MAX_RECORD} bytes). Each header is
 * checked as soon as its five bytes are in, so a claim of a 16 MiB record is refused before any
 * of its payload arrives. After a {@code TlsFailure} the stream cannot be resynchronised and
 * every further call fails.
 */
public final class Deframer {
    private final ByteBuffer buffer = ByteBuffer.allocate(RecordHeader.MAX_RECORD);
    /** Reused views of {@link #buffer}, so that no record allocates. */
    private final ByteBuffer recordView = buffer.duplicate();
    private final ByteBuffer peekView = buffer.duplicate();
    /** Bytes {@code [0, consumed)} were handed out; {@code [consumed, filled)} are pending. */
    private int consumed;
    private int filled;
    /** Offset of the first header {@link #checkHeaders} has not yet seen complete. */
    private int checked;
    private boolean failed;

    /**
     * Takes as many bytes from {@code in} as fit, advancing its position.
     *
     * @return the number of bytes taken; 0 when the buffer is full of pending records, which
     *         {@link #nextRecord} must drain first
     * @throws dev.padlock.wire.TlsFailure if a header now complete is invalid
     */
    public int offer(ByteBuffer in) {
        int n = makeRoom(in.remaining());
        int limit = in.limit();
        in.limit(in.position() + n);
        buffer.clear().position(filled);
        buffer.put(in);
        in.limit(limit);
        return received(n);
    }

    /** As {@link #offer(ByteBuffer)}, from {@code len} bytes of {@code in} at {@code off}. */
    public int offer(byte[] in, int off, int len) {
        int n = makeRoom(len);
        buffer.clear().position(filled);
        buffer.put(in, off, n);
        return received(n);
    }

    /** How many of {@code wanted} bytes fit, after moving pending bytes to the front if needed. */
    private int makeRoom(int wanted) {
        ensureUsable();
        if (consumed > 0 && (consumed == filled || buffer.capacity() - filled < wanted)) {
            compact();
        }
        return Math.min(wanted, buffer.capacity() - filled);
    }

    private int received(int n) {
        filled += n;
        checkHeaders();
        return n;
    }

    /** Whether a whole record is pending. */
    public boolean hasRecord() {
        ensureUsable();
        int length = pendingRecordLength();
        return length > 0 && filled - consumed >= length;
    }

    /**
     * The next whole record, header included, as a view positioned at its header and limited
     * at its end. The view is writable so the caller may decrypt in place, and the same view
     * object is reused: it is valid until the next call to {@link #offer} or {@code nextRecord}.
     *
     * @throws NoSuchElementException if {@link #hasRecord} is false
     */
    public ByteBuffer nextRecord() {
        if (!hasRecord()) {
            throw new NoSuchElementException("no whole record pending");
        }
        int length = pendingRecordLength();
        recordView.clear().limit(consumed + length).position(consumed);
        consumed += length;
        return recordView;
    }

    /** Bytes received but not yet handed out as records. */
    public int pendingBytes() {
        return filled - consumed;
    }

    private int pendingRecordLength() {
        peekView.clear().limit(filled).position(consumed);
        return RecordHeader.peekRecordLength(peekView);
    }

    /** Validates every header whose five bytes have arrived, not only the first pending one. */
    private void checkHeaders() {
        try {
            while (filled - checked >= RecordHeader.HEADER_LENGTH) {
                peekView.clear().limit(filled).position(checked);
                checked += RecordHeader.peekRecordLength(peekView);
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    private void compact() {
        if (consumed == 0) {
            return;
        }
        buffer.clear().position(consumed).limit(filled);
        buffer.compact();
        filled -= consumed;
        checked -= consumed;
        consumed = 0;
    }

    private void ensureUsable() {
        if (failed) {
            throw new IllegalStateException("deframer failed on an invalid record header");
        }
    }
}
