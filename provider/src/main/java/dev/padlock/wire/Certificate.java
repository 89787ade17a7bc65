package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Certificate (RFC 8446 §4.4.2), X.509 only: {@code opaque certificate_request_context<0..2^8-1>},
 * {@code CertificateEntry certificate_list<0..2^24-1>}.
 */
public record Certificate(Bytes certificateRequestContext, List<CertificateEntry> entries)
        implements HandshakeMessage {

    public Certificate {
        Objects.requireNonNull(certificateRequestContext, "certificateRequestContext");
        entries = List.copyOf(entries);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(certificateRequestContext);
        w.u24Prefixed(l -> entries.forEach(e -> e.write(l)));
    }

    public static Certificate decode(TlsReader body) {
        Bytes context = body.vector8("certificate_request_context", 0, 255);
        TlsReader list = body.sub24("certificate_list", 0, 0xFFFFFF);
        List<CertificateEntry> entries = new ArrayList<>();
        while (list.hasRemaining()) {
            entries.add(CertificateEntry.read(list));
        }
        body.expectEnd();
        return new Certificate(context, entries);
    }
}
