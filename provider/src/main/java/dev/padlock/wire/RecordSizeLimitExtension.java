package dev.padlock.wire;

/**
 * record_size_limit (RFC 8449 §4): {@code uint16 RecordSizeLimit}. A value below 64 is
 * {@code illegal_parameter}.
 */
public record RecordSizeLimitExtension(int limit) implements Extension {
    public static final int MINIMUM = 64;

    public RecordSizeLimitExtension {
        if (limit < 0 || limit > 0xFFFF) {
            throw new IllegalArgumentException("record_size_limit out of range: " + limit);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RECORD_SIZE_LIMIT;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16(limit);
    }

    static RecordSizeLimitExtension decode(TlsReader body) {
        int limit = body.u16("record_size_limit");
        body.expectEnd();
        if (limit < MINIMUM) {
            throw new TlsFailure(FailureReason.RECORD_SIZE_LIMIT_TOO_SMALL,
                    body.context() + ": record_size_limit " + limit + " is below 64");
        }
        return new RecordSizeLimitExtension(limit);
    }
}
