package dev.padlock.wire;

import java.util.Map;

/** A protocol version (RFC 8446 §4.2.1). */
public record ProtocolVersion(int code) {
    public static final ProtocolVersion SSLV3 = new ProtocolVersion(0x0300);
    public static final ProtocolVersion TLSV1 = new ProtocolVersion(0x0301);
    public static final ProtocolVersion TLSV1_1 = new ProtocolVersion(0x0302);
    public static final ProtocolVersion TLSV1_2 = new ProtocolVersion(0x0303);
    public static final ProtocolVersion TLSV1_3 = new ProtocolVersion(0x0304);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0300, "SSLv3"),
            Map.entry(0x0301, "TLSv1"),
            Map.entry(0x0302, "TLSv1_1"),
            Map.entry(0x0303, "TLSv1_2"),
            Map.entry(0x0304, "TLSv1_3"));

    public ProtocolVersion {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("ProtocolVersion code out of range: " + code);
        }
    }

    /** The registry name, or {@code unknown(0x..)} for a code we do not know. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? n : String.format("unknown(0x%04x)", code);
    }

    /**
     * The name JSSE gives the version (Java Security Standard Algorithm Names), as in
     * {@code SSLSession.getProtocol()}: {@code TLSv1.3}, {@code TLSv1.2}, ...
     */
    public String standardName() {
        return name().replace('_', '.');
    }

    public boolean isKnown() {
        return NAMES.containsKey(code);
    }

    public static ProtocolVersion read(TlsReader r, String field) {
        return new ProtocolVersion(r.u16(field));
    }

    public void write(TlsWriter w) {
        w.u16(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
