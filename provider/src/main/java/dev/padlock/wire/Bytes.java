package dev.padlock.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string with value equality, for message fields.
 *
 * <p>Java records compare {@code byte[]} components by reference; message records hold this
 * type instead so that two decodings of the same bytes are equal. Not for secrets: secrets
 * live in the crypto package's own types, which never print.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Copies {@code len} bytes of {@code data} from {@code off}. */
    public static Bytes of(byte[] data, int off, int len) {
        return len == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, off, off + len));
    }

    /** Takes ownership of {@code data} without copying; the caller must not keep or change it. */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /** Parses hex; white space (as RFC 8448 lays hex out) is ignored. */
    public static Bytes fromHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int i) {
        return data[i];
    }

    public byte[] toByteArray() {
        return data.clone();
    }

    /** A read-only view; no copy. */
    public ByteBuffer asBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer();
    }

    public void copyTo(byte[] dst, int off) {
        System.arraycopy(data, 0, dst, off, data.length);
    }

    public void copyTo(ByteBuffer dst) {
        dst.put(data);
    }

    public Bytes slice(int from, int to) {
        return of(data, from, to - from);
    }

    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return wrap(out);
    }

    public String toHex() {
        return HEX.formatHex(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? toHex() : HEX.formatHex(data, 0, 32) + "...(" + data.length + " bytes)";
    }
}
