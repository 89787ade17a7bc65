package dev.padlock.wire;

import java.util.Map;

/** A record content type (RFC 8446 §5.1). */
public record ContentType(int code) {
    public static final ContentType INVALID = new ContentType(0x00);
    public static final ContentType CHANGE_CIPHER_SPEC = new ContentType(0x14);
    public static final ContentType ALERT = new ContentType(0x15);
    public static final ContentType HANDSHAKE = new ContentType(0x16);
    public static final ContentType APPLICATION_DATA = new ContentType(0x17);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "invalid"),
            Map.entry(0x14, "change_cipher_spec"),
            Map.entry(0x15, "alert"),
            Map.entry(0x16, "handshake"),
            Map.entry(0x17, "application_data"));

    public ContentType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("ContentType code out of range: " + code);
        }
    }

    /** The registry name, or {@code unknown(0x..)} for a code we do not know. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? n : String.format("unknown(0x%02x)", code);
    }

    public boolean isKnown() {
        return NAMES.containsKey(code);
    }

    public static ContentType read(TlsReader r, String field) {
        return new ContentType(r.u8(field));
    }

    public void write(TlsWriter w) {
        w.u8(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
