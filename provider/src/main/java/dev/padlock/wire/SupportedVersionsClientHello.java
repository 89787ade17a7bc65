package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/** supported_versions in a ClientHello: {@code ProtocolVersion versions<2..254>} (RFC 8446 §4.2.1). */
public record SupportedVersionsClientHello(List<ProtocolVersion> versions) implements Extension {

    public SupportedVersionsClientHello {
        versions = List.copyOf(versions);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_VERSIONS;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u8Prefixed(l -> versions.forEach(v -> v.write(l)));
    }

    static SupportedVersionsClientHello decode(TlsReader body) {
        TlsReader list = body.sub8("versions", 2, 254);
        List<ProtocolVersion> versions = new ArrayList<>();
        while (list.hasRemaining()) {
            versions.add(ProtocolVersion.read(list, "version"));
        }
        body.expectEnd();
        return new SupportedVersionsClientHello(versions);
    }
}
