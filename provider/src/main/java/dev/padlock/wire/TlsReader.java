package dev.padlock.wire;

import java.nio.ByteBuffer;

/**
 * A bounds-checked reader of the TLS presentation language (RFC 8446 §3).
 *
 * <p>Every read names the field it reads; a short read, a vector outside its bounds or a
 * trailing byte fails with {@code decode_error} and a detail such as
 * {@code "ClientHello.cipher_suites: vector length 3 is not a multiple of 2"}.
 */
public final class TlsReader {
    private final byte[] data;
    private final int end;
    private final String context;
    private int pos;

    private TlsReader(byte[] data, int from, int to, String context) {
        this.data = data;
        this.pos = from;
        this.end = to;
        this.context = context;
    }

    /** Reads {@code data}; {@code context} (e.g. "ClientHello") prefixes every failure detail. */
    public static TlsReader of(byte[] data, String context) {
        return new TlsReader(data, 0, data.length, context);
    }

    public static TlsReader of(byte[] data, int off, int len, String context) {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " size=" + data.length);
        }
        return new TlsReader(data, off, off + len, context);
    }

    public static TlsReader of(Bytes data, String context) {
        return of(data.toByteArray(), context);
    }

    /** Reads the remaining bytes of {@code buf} (copied; {@code buf}'s position is unchanged). */
    public static TlsReader of(ByteBuffer buf, String context) {
        byte[] copy = new byte[buf.remaining()];
        buf.duplicate().get(copy);
        return of(copy, context);
    }

    public String context() {
        return context;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** The absolute position in the underlying array; with {@link #rawSince} it recovers exact bytes. */
    public int position() {
        return pos;
    }

    /** The exact bytes read since {@code mark} (a value of {@link #position()}). */
    public Bytes rawSince(int mark) {
        return Bytes.of(data, mark, pos - mark);
    }

    private void need(int n, String field) {
        if (n > end - pos) {
            throw fail(field, "needs " + n + " bytes but only " + (end - pos) + " remain");
        }
    }

    public TlsFailure fail(String field, String problem) {
        return new TlsFailure(FailureReason.DECODE, context + "." + field + ": " + problem);
    }

    public int u8(String field) {
        need(1, field);
        return data[pos++] & 0xFF;
    }

    public int u16(String field) {
        need(2, field);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u24(String field) {
        need(3, field);
        int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    public long u32(String field) {
        need(4, field);
        long v = ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** Exactly {@code n} bytes (a fixed-length field such as {@code Random random}). */
    public Bytes bytes(int n, String field) {
        need(n, field);
        Bytes b = Bytes.of(data, pos, n);
        pos += n;
        return b;
    }

    /** The rest of this reader's bytes. */
    public Bytes rest() {
        Bytes b = Bytes.of(data, pos, end - pos);
        pos = end;
        return b;
    }

    /** {@code opaque field<min..2^8-1>}, with {@code max} no more than 255. */
    public Bytes vector8(String field, int min, int max) {
        return vectorBody(u8(field), field, min, max);
    }

    /** {@code opaque field<min..2^16-1>}. */
    public Bytes vector16(String field, int min, int max) {
        return vectorBody(u16(field), field, min, max);
    }

    /** {@code opaque field<min..2^24-1>}. */
    public Bytes vector24(String field, int min, int max) {
        return vectorBody(u24(field), field, min, max);
    }

    private Bytes vectorBody(int len, String field, int min, int max) {
        checkLength(len, field, min, max);
        return bytes(len, field);
    }

    private void checkLength(int len, String field, int min, int max) {
        if (len < min) {
            throw fail(field, "vector length " + len + " is below the minimum " + min);
        }
        if (len > max) {
            throw fail(field, "vector length " + len + " is above the maximum " + max);
        }
    }

    /** A reader over the next {@code u8}-prefixed vector, for structured contents. */
    public TlsReader sub8(String field, int min, int max) {
        return sub(u8(field), field, min, max);
    }

    /** A reader over the next {@code u16}-prefixed vector, for structured contents. */
    public TlsReader sub16(String field, int min, int max) {
        return sub(u16(field), field, min, max);
    }

    /** A reader over the next {@code u24}-prefixed vector, for structured contents. */
    public TlsReader sub24(String field, int min, int max) {
        return sub(u24(field), field, min, max);
    }

    /** A reader over the next {@code len} bytes (already length-checked by the caller). */
    public TlsReader sub(int len, String field) {
        need(len, field);
        TlsReader r = new TlsReader(data, pos, pos + len, context + "." + field);
        pos += len;
        return r;
    }

    private TlsReader sub(int len, String field, int min, int max) {
        checkLength(len, field, min, max);
        return sub(len, field);
    }

    /** Fails unless every byte has been read. */
    public void expectEnd() {
        if (pos != end) {
            throw new TlsFailure(FailureReason.DECODE, context + ": " + (end - pos) + " trailing bytes");
        }
    }
}
