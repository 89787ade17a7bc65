package dev.padlock.record;

import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * The five-byte record header shared by TLSPlaintext and TLSCiphertext (RFC 8446 §5.1, §5.2),
 * its limits, and the unprotected (epoch 0) records that carry it.
 *
 * <p>All methods use absolute reads where they only look, so a caller can ask about a record
 * without consuming it (the SSLEngine adapter answers BUFFER_UNDERFLOW that way).
 */
public final class RecordHeader {
    public static final int HEADER_LENGTH = 5;
    /** TLSPlaintext.length and the content of a TLSInnerPlaintext are at most 2^14 (§5.1). */
    public static final int MAX_PLAINTEXT = 1 << 14;
    /** TLSCiphertext.length is at most 2^14 + 256 (§5.2). */
    public static final int MAX_CIPHERTEXT = (1 << 14) + 256;
    /** A whole record on the wire, header included, is never longer than this. */
    public static final int MAX_RECORD = HEADER_LENGTH + MAX_CIPHERTEXT;

    /** legacy_record_version: 0x0303 on everything we write (§5.1); ignored on read. */
    static final int LEGACY_RECORD_VERSION = 0x0303;

    private RecordHeader() {
    }

    /**
     * The length of the record starting at {@code src.position()}, header included, or -1 when
     * fewer than five bytes are there. Does not move the position.
     *
     * @throws TlsFailure {@code unexpected_message} for a content type outside 20..23,
     *                    {@code record_overflow} for a length above {@link #MAX_CIPHERTEXT}
     */
    public static int peekRecordLength(ByteBuffer src) {
        if (src.remaining() < HEADER_LENGTH) {
            return -1;
        }
        int p = src.position();
        checkContentType(src.get(p) & 0xFF);
        int length = ((src.get(p + 3) & 0xFF) << 8) | (src.get(p + 4) & 0xFF);
        if (length > MAX_CIPHERTEXT) {
            // RFC 8446 §5.2: a TLSCiphertext longer than 2^14 + 256 is record_overflow, whatever
            // the epoch; the tighter 2^14 plaintext limit is checked by readPlaintext.
            throw new TlsFailure(FailureReason.CIPHERTEXT_TOO_LONG,
                    "record length " + length + " exceeds 2^14 + 256");
        }
        return HEADER_LENGTH + length;
    }

    /**
     * RFC 8446 §5: "If a TLS implementation receives an unexpected record type, it MUST terminate
     * the connection with an unexpected_message alert." A type we do not know is such a type; it
     * is not a decode_error, because the header itself is well formed.
     */
    static void checkContentType(int code) {
        if (code < ContentType.CHANGE_CIPHER_SPEC.code() || code > ContentType.APPLICATION_DATA.code()) {
            throw new TlsFailure(FailureReason.UNKNOWN_RECORD_TYPE,
                    "record of unknown content type " + new ContentType(code));
        }
    }

    /** Writes the five header bytes at the start of {@code dst}. */
    static void putHeader(byte[] dst, int type, int length) {
        dst[0] = (byte) type;
        dst[1] = (byte) (LEGACY_RECORD_VERSION >>> 8);
        dst[2] = (byte) LEGACY_RECORD_VERSION;
        dst[3] = (byte) (length >>> 8);
        dst[4] = (byte) length;
    }

    static void putHeader(ByteBuffer dst, int type, int length) {
        dst.put((byte) type);
        dst.putShort((short) LEGACY_RECORD_VERSION);
        dst.putShort((short) length);
    }

    /**
     * Writes one unprotected TLSPlaintext record (§5.1) carrying all of {@code fragment}.
     *
     * @return bytes written: {@code HEADER_LENGTH + fragment.remaining()} on entry
     * @throws IllegalArgumentException if the fragment exceeds 2^14 or the type is invalid(0)
     * @throws BufferOverflowException  if {@code dst} has no room; nothing is written then
     */
    public static int writePlaintext(ContentType type, ByteBuffer fragment, ByteBuffer dst) {
        int length = fragment.remaining();
        if (length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("fragment of " + length + " bytes exceeds 2^14");
        }
        if (type.equals(ContentType.INVALID)) {
            throw new IllegalArgumentException("content type invalid(0) is never sent");
        }
        if (dst.remaining() < HEADER_LENGTH + length) {
            throw new BufferOverflowException();
        }
        putHeader(dst, type.code(), length);
        dst.put(fragment);
        return HEADER_LENGTH + length;
    }

    /**
     * Reads one unprotected TLSPlaintext record (§5.1): consumes exactly one whole record from
     * {@code record} and puts its fragment into {@code dst} (relative put: on return the fragment
     * ends at {@code dst.position()}).
     *
     * @return the content type from the header
     * @throws TlsFailure               {@code unexpected_message} for an unknown type,
     *                                  {@code record_overflow} for a length above 2^14
     * @throws IllegalArgumentException if {@code record} does not hold a whole record
     * @throws BufferOverflowException  if {@code dst} cannot take the fragment; nothing is
     *                                  consumed then
     */
    public static ContentType readPlaintext(ByteBuffer record, ByteBuffer dst) {
        int total = requireWholeRecord(record);
        int length = total - HEADER_LENGTH;
        if (length > MAX_PLAINTEXT) {
            throw new TlsFailure(FailureReason.PLAINTEXT_TOO_LONG,
                    "TLSPlaintext length " + length + " exceeds 2^14");
        }
        if (dst.remaining() < length) {
            throw new BufferOverflowException();
        }
        int type = record.get(record.position()) & 0xFF;
        int start = record.position() + HEADER_LENGTH;
        int end = start + length;
        int limit = record.limit();
        record.position(start).limit(end);
        dst.put(record);
        record.limit(limit);
        return new ContentType(type);
    }

    /** The whole length of the record at {@code record.position()}, checked to be all there. */
    static int requireWholeRecord(ByteBuffer record) {
        int total = peekRecordLength(record);
        if (total < 0 || record.remaining() < total) {
            throw new IllegalArgumentException("buffer does not hold one whole record");
        }
        return total;
    }
}
