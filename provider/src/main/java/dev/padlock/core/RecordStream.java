package dev.padlock.core;

import dev.padlock.record.Deframer;
import java.nio.ByteBuffer;
import java.util.NoSuchElementException;

/**
 * A peer's byte stream cut into the whole records {@link TlsConnection#receive} takes, for
 * the blocking-socket adapter (RFC 8446 §5.1). Chunks of any size go in; a header that no
 * record may carry fails at once, and the stream cannot be resynchronised after that.
 */
public final class RecordStream {
    private final Deframer deframer = new Deframer();

    /**
     * Takes as many bytes from {@code in} as fit, advancing its position.
     *
     * @return the number of bytes taken; 0 while whole records wait to be taken first
     * @throws dev.padlock.wire.TlsFailure if a header now complete is invalid
     */
    public int offer(ByteBuffer in) {
        return deframer.offer(in);
    }

    /** Whether a whole record is pending. */
    public boolean hasRecord() {
        return deframer.hasRecord();
    }

    /**
     * The next whole record, as a view valid until the next {@link #offer} or
     * {@code nextRecord}, to be passed to {@link TlsConnection#receive}.
     *
     * @throws NoSuchElementException if {@link #hasRecord} is false
     */
    public ByteBuffer nextRecord() {
        return deframer.nextRecord();
    }

    /** Bytes received but not yet handed out as records: a record cut short, at the end of a stream. */
    public int pendingBytes() {
        return deframer.pendingBytes();
    }
}
