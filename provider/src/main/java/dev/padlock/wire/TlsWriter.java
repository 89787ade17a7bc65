package dev.padlock.wire;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A growable writer of the TLS presentation language, with nested length-prefixed blocks:
 * {@code w.u16Prefixed(body -> body.u16(x))}. A block that overflows its prefix is a bug
 * in our encoder, reported as {@link IllegalStateException}.
 */
public final class TlsWriter {
    private byte[] buf;
    private int len;

    public TlsWriter() {
        this(64);
    }

    public TlsWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    public int length() {
        return len;
    }

    public TlsWriter u8(int v) {
        checkRange(v, 0xFF);
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u16(int v) {
        checkRange(v, 0xFFFF);
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u24(int v) {
        checkRange(v, 0xFFFFFF);
        ensure(3);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public TlsWriter u32(long v) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalStateException("value " + v + " does not fit in u32");
        }
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    private static void checkRange(int v, int max) {
        if (v < 0 || v > max) {
            throw new IllegalStateException("value " + v + " does not fit in [0, " + max + "]");
        }
    }

    public TlsWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public TlsWriter bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    public TlsWriter bytes(Bytes b) {
        ensure(b.length());
        b.copyTo(buf, len);
        len += b.length();
        return this;
    }

    public TlsWriter vector8(Bytes b) {
        return u8(b.length()).bytes(b);
    }

    public TlsWriter vector16(Bytes b) {
        return u16(b.length()).bytes(b);
    }

    public TlsWriter vector24(Bytes b) {
        return u24(b.length()).bytes(b);
    }

    public TlsWriter u8Prefixed(Consumer<TlsWriter> body) {
        return prefixed(1, 0xFF, body);
    }

    public TlsWriter u16Prefixed(Consumer<TlsWriter> body) {
        return prefixed(2, 0xFFFF, body);
    }

    public TlsWriter u24Prefixed(Consumer<TlsWriter> body) {
        return prefixed(3, 0xFFFFFF, body);
    }

    private TlsWriter prefixed(int prefixLen, int max, Consumer<TlsWriter> body) {
        ensure(prefixLen);
        int at = len;
        len += prefixLen;
        body.accept(this);
        int n = len - at - prefixLen;
        if (n > max) {
            throw new IllegalStateException("block of " + n + " bytes does not fit a " + prefixLen + "-byte length");
        }
        for (int i = prefixLen - 1, v = n; i >= 0; i--, v >>>= 8) {
            buf[at + i] = (byte) v;
        }
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public Bytes toBytes() {
        return Bytes.wrap(toByteArray());
    }

    /**
     * Zeroes what was written, for a plaintext that held a secret once it has been copied out.
     * Only the current buffer is zeroed: a writer for secrets is made large enough never to grow.
     */
    public void zero() {
        Arrays.fill(buf, (byte) 0);
        len = 0;
    }
}
