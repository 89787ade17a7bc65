package dev.padlock.wire;

import java.util.Objects;

/**
 * renegotiation_info (RFC 5746 §3.2): {@code opaque renegotiated_connection<0..255>}, empty on
 * an initial handshake, which is the only kind Padlock performs.
 */
public record RenegotiationInfoExtension(Bytes renegotiatedConnection) implements Extension {
    public static final RenegotiationInfoExtension INITIAL = new RenegotiationInfoExtension(Bytes.EMPTY);

    public RenegotiationInfoExtension {
        Objects.requireNonNull(renegotiatedConnection, "renegotiatedConnection");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.RENEGOTIATION_INFO;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(renegotiatedConnection);
    }

    static RenegotiationInfoExtension decode(TlsReader body) {
        Bytes connection = body.vector8("renegotiated_connection", 0, 255);
        body.expectEnd();
        return new RenegotiationInfoExtension(connection);
    }
}
