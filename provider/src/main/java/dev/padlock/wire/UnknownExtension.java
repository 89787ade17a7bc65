package dev.padlock.wire;

import java.util.Objects;

/** An extension we do not parse here: an unknown type, or a known one out of its place. Re-encodes unchanged. */
public record UnknownExtension(ExtensionType type, Bytes body) implements Extension {

    public UnknownExtension {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.bytes(body);
    }
}
