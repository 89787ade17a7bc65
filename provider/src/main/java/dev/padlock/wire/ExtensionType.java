package dev.padlock.wire;

import java.util.Map;

/** An extension type (RFC 8446 §4.2). Open: unknown codes decode and re-encode unchanged. */
public record ExtensionType(int code) {
    public static final ExtensionType SERVER_NAME = new ExtensionType(0x0000);
    public static final ExtensionType MAX_FRAGMENT_LENGTH = new ExtensionType(0x0001);
    public static final ExtensionType STATUS_REQUEST = new ExtensionType(0x0005);
    public static final ExtensionType SUPPORTED_GROUPS = new ExtensionType(0x000A);
    public static final ExtensionType EC_POINT_FORMATS = new ExtensionType(0x000B);
    public static final ExtensionType SIGNATURE_ALGORITHMS = new ExtensionType(0x000D);
    public static final ExtensionType USE_SRTP = new ExtensionType(0x000E);
    public static final ExtensionType HEARTBEAT = new ExtensionType(0x000F);
    public static final ExtensionType APPLICATION_LAYER_PROTOCOL_NEGOTIATION = new ExtensionType(0x0010);
    public static final ExtensionType SIGNED_CERTIFICATE_TIMESTAMP = new ExtensionType(0x0012);
    public static final ExtensionType CLIENT_CERTIFICATE_TYPE = new ExtensionType(0x0013);
    public static final ExtensionType SERVER_CERTIFICATE_TYPE = new ExtensionType(0x0014);
    public static final ExtensionType PADDING = new ExtensionType(0x0015);
    public static final ExtensionType ENCRYPT_THEN_MAC = new ExtensionType(0x0016);
    public static final ExtensionType EXTENDED_MASTER_SECRET = new ExtensionType(0x0017);
    public static final ExtensionType RECORD_SIZE_LIMIT = new ExtensionType(0x001C);
    public static final ExtensionType SESSION_TICKET = new ExtensionType(0x0023);
    public static final ExtensionType PRE_SHARED_KEY = new ExtensionType(0x0029);
    public static final ExtensionType EARLY_DATA = new ExtensionType(0x002A);
    public static final ExtensionType SUPPORTED_VERSIONS = new ExtensionType(0x002B);
    public static final ExtensionType COOKIE = new ExtensionType(0x002C);
    public static final ExtensionType PSK_KEY_EXCHANGE_MODES = new ExtensionType(0x002D);
    public static final ExtensionType CERTIFICATE_AUTHORITIES = new ExtensionType(0x002F);
    public static final ExtensionType OID_FILTERS = new ExtensionType(0x0030);
    public static final ExtensionType POST_HANDSHAKE_AUTH = new ExtensionType(0x0031);
    public static final ExtensionType SIGNATURE_ALGORITHMS_CERT = new ExtensionType(0x0032);
    public static final ExtensionType KEY_SHARE = new ExtensionType(0x0033);
    public static final ExtensionType RENEGOTIATION_INFO = new ExtensionType(0xFF01);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0000, "server_name"),
            Map.entry(0x0001, "max_fragment_length"),
            Map.entry(0x0005, "status_request"),
            Map.entry(0x000A, "supported_groups"),
            Map.entry(0x000B, "ec_point_formats"),
            Map.entry(0x000D, "signature_algorithms"),
            Map.entry(0x000E, "use_srtp"),
            Map.entry(0x000F, "heartbeat"),
            Map.entry(0x0010, "application_layer_protocol_negotiation"),
            Map.entry(0x0012, "signed_certificate_timestamp"),
            Map.entry(0x0013, "client_certificate_type"),
            Map.entry(0x0014, "server_certificate_type"),
            Map.entry(0x0015, "padding"),
            Map.entry(0x0016, "encrypt_then_mac"),
            Map.entry(0x0017, "extended_master_secret"),
            Map.entry(0x001C, "record_size_limit"),
            Map.entry(0x0023, "session_ticket"),
            Map.entry(0x0029, "pre_shared_key"),
            Map.entry(0x002A, "early_data"),
            Map.entry(0x002B, "supported_versions"),
            Map.entry(0x002C, "cookie"),
            Map.entry(0x002D, "psk_key_exchange_modes"),
            Map.entry(0x002F, "certificate_authorities"),
            Map.entry(0x0030, "oid_filters"),
            Map.entry(0x0031, "post_handshake_auth"),
            Map.entry(0x0032, "signature_algorithms_cert"),
            Map.entry(0x0033, "key_share"),
            Map.entry(0xFF01, "renegotiation_info"));

    public ExtensionType {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("ExtensionType code out of range: " + code);
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

    public static ExtensionType read(TlsReader r, String field) {
        return new ExtensionType(r.u16(field));
    }

    public void write(TlsWriter w) {
        w.u16(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
