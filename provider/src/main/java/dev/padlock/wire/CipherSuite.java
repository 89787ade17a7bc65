package dev.padlock.wire;

import java.util.Map;

/**
 * A cipher suite (RFC 8446 §B.4; the TLS 1.2 ones of RFC 5289 and RFC 7905). Open: unknown codes
 * decode and re-encode unchanged.
 */
public record CipherSuite(int code) {
    public static final CipherSuite TLS_AES_128_GCM_SHA256 = new CipherSuite(0x1301);
    public static final CipherSuite TLS_AES_256_GCM_SHA384 = new CipherSuite(0x1302);
    public static final CipherSuite TLS_CHACHA20_POLY1305_SHA256 = new CipherSuite(0x1303);
    public static final CipherSuite TLS_AES_128_CCM_SHA256 = new CipherSuite(0x1304);
    public static final CipherSuite TLS_AES_128_CCM_8_SHA256 = new CipherSuite(0x1305);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02B);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC02C);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = new CipherSuite(0xC02F);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = new CipherSuite(0xC030);
    public static final CipherSuite TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA8);
    public static final CipherSuite TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = new CipherSuite(0xCCA9);
    /** RFC 5746 §3.3: signals secure renegotiation support in a ClientHello; never negotiated. */
    public static final CipherSuite TLS_EMPTY_RENEGOTIATION_INFO_SCSV = new CipherSuite(0x00FF);
    /** RFC 7507 §2: marks a fallback retry at a lower version; never negotiated. */
    public static final CipherSuite TLS_FALLBACK_SCSV = new CipherSuite(0x5600);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
            Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x1304, "TLS_AES_128_CCM_SHA256"),
            Map.entry(0x1305, "TLS_AES_128_CCM_8_SHA256"),
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"),
            Map.entry(0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"),
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
