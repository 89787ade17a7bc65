package dev.padlock.wire;

/** early_data in a NewSessionTicket: {@code uint32 max_early_data_size} (RFC 8446 §4.2.10). */
public record EarlyDataNewSessionTicket(long maxEarlyDataSize) implements Extension {

    public EarlyDataNewSessionTicket {
        if (maxEarlyDataSize < 0 || maxEarlyDataSize > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("max_early_data_size out of range: " + maxEarlyDataSize);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u32(maxEarlyDataSize);
    }

    static EarlyDataNewSessionTicket decode(TlsReader body) {
        long size = body.u32("max_early_data_size");
        body.expectEnd();
        return new EarlyDataNewSessionTicket(size);
    }
}
