package dev.padlock.wire;

import java.util.Map;

/** A cipher suite (RFC 8446 §B.4). Open: unknown codes decode and re-encode unchanged. */
public record CipherSuite(int code) {
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);
    public static final CipherSuite TLS_AES_128_CCM_SHA256 = new CipherSuite(0x1304);
    public static final CipherSuite TLS_AES_128_CCM_8_SHA256 = new CipherSuite(0x1305);
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00FF);
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
            Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x1304, "TLS_AES_128_CCM_SHA256"),
            Map.entry(0x1305, "TLS_AES_128_CCM_8_SHA256"),
            Map.entry(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"),
            Map.entry(0x5600, "TLS_FALLBACK_SCSV"));

    public CipherSuite {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("CipherSuite code out of range: " + code);
        }
    }

    /** The registry name, or {@code unknown(0x..)} for a code we do not know. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? n : String.format("unknown(0x%04x)", code);
    }

    public boolean isKnown() {
        return NAMES.containsKey(code);
    }

    public static CipherSuite read(TlsReader r, String field) {
        return new CipherSuite(r.u16(field));
    }

    public void write(TlsWriter w) {
        w.u16(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
