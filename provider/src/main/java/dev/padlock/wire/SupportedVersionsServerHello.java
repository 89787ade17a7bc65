package dev.padlock.wire;

import java.util.Objects;

/** supported_versions in a ServerHello or HelloRetryRequest: {@code selected_version} (RFC 8446 §4.2.1). */
public record SupportedVersionsServerHello(ProtocolVersion selected) implements Extension {

    public SupportedVersionsServerHello {
        Objects.requireNonNull(selected, "selected");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        selected.write(w);
    }

    static SupportedVersionsServerHello decode(TlsReader body) {
        ProtocolVersion v = ProtocolVersion.read(body, "selected_version");
        body.expectEnd();
        return new SupportedVersionsServerHello(v);
    }
}
