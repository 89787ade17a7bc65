package dev.padlock.wire;

import java.util.Objects;

/** key_share in a HelloRetryRequest: {@code NamedGroup selected_group} (RFC 8446 §4.2.8). */
public record KeyShareHelloRetryRequest(NamedGroup selectedGroup) implements Extension {

    public KeyShareHelloRetryRequest {
        Objects.requireNonNull(selectedGroup, "selectedGroup");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        selectedGroup.write(w);
    }

    static KeyShareHelloRetryRequest decode(TlsReader body) {
        NamedGroup g = NamedGroup.read(body, "selected_group");
        body.expectEnd();
        return new KeyShareHelloRetryRequest(g);
    }
}
