package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * certificate_authorities (RFC 8446 §4.2.4): {@code DistinguishedName authorities<3..2^16-1>},
 * {@code opaque DistinguishedName<1..2^16-1>} (DER, kept as bytes).
 */
public record CertificateAuthoritiesExtension(List<Bytes> authorities) implements Extension {

    public CertificateAuthoritiesExtension {
        authorities = List.copyOf(authorities);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CERTIFICATE_AUTHORITIES;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16Prefixed(l -> authorities.forEach(l::vector16));
    }

    static CertificateAuthoritiesExtension decode(TlsReader body) {
        TlsReader list = body.sub16("authorities", 3, 0xFFFF);
        List<Bytes> names = new ArrayList<>();
        while (list.hasRemaining()) {
            names.add(list.vector16("distinguished_name", 1, 0xFFFF));
        }
        body.expectEnd();
        return new CertificateAuthoritiesExtension(names);
    }
}
