package dev.padlock.wire;

/** An alert level (RFC 8446 §6). */
public enum AlertLevel {
    WARNING(1),
    FATAL(2);

    private final int code;

    AlertLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** RFC 8446 §6 names no alert for an unknown level; we treat it as malformed: {@code decode_error}. */
    public static AlertLevel read(TlsReader r, String field) {
        int c = r.u8(field);
        for (AlertLevel l : values()) {
            if (l.code == c) {
                return l;
            }
        }
        throw r.fail(field, "unknown alert level " + c);
    }
}
