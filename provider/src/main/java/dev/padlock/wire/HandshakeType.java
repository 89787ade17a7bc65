package dev.padlock.wire;

import java.util.Map;

/** A handshake message type (RFC 8446 §4). */
public record HandshakeType(int code) {
    public static final HandshakeType HELLO_REQUEST = new HandshakeType(0x00);
    public static final HandshakeType CLIENT_HELLO = new HandshakeType(0x01);
    public static final HandshakeType SERVER_HELLO = new HandshakeType(0x02);
    public static final HandshakeType NEW_SESSION_TICKET = new HandshakeType(0x04);
    public static final HandshakeType END_OF_EARLY_DATA = new HandshakeType(0x05);
    public static final HandshakeType ENCRYPTED_EXTENSIONS = new HandshakeType(0x08);
    public static final HandshakeType CERTIFICATE = new HandshakeType(0x0B);
    public static final HandshakeType SERVER_KEY_EXCHANGE = new HandshakeType(0x0C);
    public static final HandshakeType CERTIFICATE_REQUEST = new HandshakeType(0x0D);
    public static final HandshakeType SERVER_HELLO_DONE = new HandshakeType(0x0E);
    public static final HandshakeType CERTIFICATE_VERIFY = new HandshakeType(0x0F);
    public static final HandshakeType CLIENT_KEY_EXCHANGE = new HandshakeType(0x10);
    public static final HandshakeType FINISHED = new HandshakeType(0x14);
    public static final HandshakeType KEY_UPDATE = new HandshakeType(0x18);
    public static final HandshakeType MESSAGE_HASH = new HandshakeType(0xFE);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "hello_request"),
            Map.entry(0x01, "client_hello"),
            Map.entry(0x02, "server_hello"),
            Map.entry(0x04, "new_session_ticket"),
            Map.entry(0x05, "end_of_early_data"),
            Map.entry(0x08, "encrypted_extensions"),
            Map.entry(0x0B, "certificate"),
            Map.entry(0x0C, "server_key_exchange"),
            Map.entry(0x0D, "certificate_request"),
            Map.entry(0x0E, "server_hello_done"),
            Map.entry(0x0F, "certificate_verify"),
            Map.entry(0x10, "client_key_exchange"),
            Map.entry(0x14, "finished"),
            Map.entry(0x18, "key_update"),
            Map.entry(0xFE, "message_hash"));

    public HandshakeType {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("HandshakeType code out of range: " + code);
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

    public static HandshakeType read(TlsReader r, String field) {
        return new HandshakeType(r.u8(field));
    }

    public void write(TlsWriter w) {
        w.u8(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
