package dev.padlock.wire;

import java.util.Objects;

/**
 * status_request (RFC 6066 §8; RFC 8446 §4.4.2.1), kept opaque: a CertificateStatusRequest in
 * ClientHello and CertificateRequest, a CertificateStatus in a CertificateEntry.
 */
public record StatusRequestExtension(Bytes body) implements Extension {

    public StatusRequestExtension {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.STATUS_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.bytes(body);
    }

    static StatusRequestExtension decode(TlsReader body) {
        return new StatusRequestExtension(body.rest());
    }
}
