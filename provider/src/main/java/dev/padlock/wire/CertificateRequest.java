package dev.padlock.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CertificateRequest (RFC 8446 §4.3.2): {@code opaque certificate_request_context<0..2^8-1>},
 * {@code Extension extensions<2..2^16-1>}.
 */
public record CertificateRequest(Bytes certificateRequestContext, List<Extension> extensions)
        implements HandshakeMessage {

    public CertificateRequest {
        Objects.requireNonNull(certificateRequestContext, "certificateRequestContext");
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(certificateRequestContext);
        Extensions.encodeList(w, extensions);
    }

    public static CertificateRequest decode(TlsReader body) {
        Bytes context = body.vector8("certificate_request_context", 0, 255);
        List<Extension> extensions = Extensions.decodeList(body, HandshakeType.CERTIFICATE_REQUEST, false);
        body.expectEnd();
        return new CertificateRequest(context, extensions);
    }
}
