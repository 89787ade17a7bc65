package dev.padlock.wire;

import java.util.Objects;

/** key_share in a ServerHello: one {@code KeyShareEntry server_share} (RFC 8446 §4.2.8). */
public record KeyShareServerHello(KeyShareEntry share) implements Extension {

    public KeyShareServerHello {
        Objects.requireNonNull(share, "share");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        share.write(w);
    }

    static KeyShareServerHello decode(TlsReader body) {
        KeyShareEntry share = KeyShareEntry.read(body);
        body.expectEnd();
        return new KeyShareServerHello(share);
    }
}
