package dev.padlock.wire;

import java.util.Map;

/** An alert description (RFC 8446 §6). */
public record AlertDescription(int code) {
    public static final AlertDescription CLOSE_NOTIFY = new AlertDescription(0x00);
    public static final AlertDescription UNEXPECTED_MESSAGE = new AlertDescription(0x0A);
    public static final AlertDescription BAD_RECORD_MAC = new AlertDescription(0x14);
    public static final AlertDescription RECORD_OVERFLOW = new AlertDescription(0x16);
    public static final AlertDescription HANDSHAKE_FAILURE = new AlertDescription(0x28);
    public static final AlertDescription BAD_CERTIFICATE = new AlertDescription(0x2A);
    public static final AlertDescription UNSUPPORTED_CERTIFICATE = new AlertDescription(0x2B);
    public static final AlertDescription CERTIFICATE_REVOKED = new AlertDescription(0x2C);
    public static final AlertDescription CERTIFICATE_EXPIRED = new AlertDescription(0x2D);
    public static final AlertDescription CERTIFICATE_UNKNOWN = new AlertDescription(0x2E);
    public static final AlertDescription ILLEGAL_PARAMETER = new AlertDescription(0x2F);
    public static final AlertDescription UNKNOWN_CA = new AlertDescription(0x30);
    public static final AlertDescription ACCESS_DENIED = new AlertDescription(0x31);
    public static final AlertDescription DECODE_ERROR = new AlertDescription(0x32);
    public static final AlertDescription DECRYPT_ERROR = new AlertDescription(0x33);
    public static final AlertDescription PROTOCOL_VERSION = new AlertDescription(0x46);
    public static final AlertDescription INSUFFICIENT_SECURITY = new AlertDescription(0x47);
    public static final AlertDescription INTERNAL_ERROR = new AlertDescription(0x50);
    public static final AlertDescription INAPPROPRIATE_FALLBACK = new AlertDescription(0x56);
    public static final AlertDescription USER_CANCELED = new AlertDescription(0x5A);
    public static final AlertDescription MISSING_EXTENSION = new AlertDescription(0x6D);
    public static final AlertDescription UNSUPPORTED_EXTENSION = new AlertDescription(0x6E);
    public static final AlertDescription UNRECOGNIZED_NAME = new AlertDescription(0x70);
    public static final AlertDescription BAD_CERTIFICATE_STATUS_RESPONSE = new AlertDescription(0x71);
    public static final AlertDescription UNKNOWN_PSK_IDENTITY = new AlertDescription(0x73);
    public static final AlertDescription CERTIFICATE_REQUIRED = new AlertDescription(0x74);
    public static final AlertDescription NO_APPLICATION_PROTOCOL = new AlertDescription(0x78);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "close_notify"),
            Map.entry(0x0A, "unexpected_message"),
            Map.entry(0x14, "bad_record_mac"),
            Map.entry(0x16, "record_overflow"),
            Map.entry(0x28, "handshake_failure"),
            Map.entry(0x2A, "bad_certificate"),
            Map.entry(0x2B, "unsupported_certificate"),
            Map.entry(0x2C, "certificate_revoked"),
            Map.entry(0x2D, "certificate_expired"),
            Map.entry(0x2E, "certificate_unknown"),
            Map.entry(0x2F, "illegal_parameter"),
            Map.entry(0x30, "unknown_ca"),
            Map.entry(0x31, "access_denied"),
            Map.entry(0x32, "decode_error"),
            Map.entry(0x33, "decrypt_error"),
            Map.entry(0x46, "protocol_version"),
            Map.entry(0x47, "insufficient_security"),
            Map.entry(0x50, "internal_error"),
            Map.entry(0x56, "inappropriate_fallback"),
            Map.entry(0x5A, "user_canceled"),
            Map.entry(0x6D, "missing_extension"),
            Map.entry(0x6E, "unsupported_extension"),
            Map.entry(0x70, "unrecognized_name"),
            Map.entry(0x71, "bad_certificate_status_response"),
            Map.entry(0x73, "unknown_psk_identity"),
            Map.entry(0x74, "certificate_required"),
            Map.entry(0x78, "no_application_protocol"));

    public AlertDescription {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("AlertDescription code out of range: " + code);
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

    public static AlertDescription read(TlsReader r, String field) {
        return new AlertDescription(r.u8(field));
    }

    public void write(TlsWriter w) {
        w.u8(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
