package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Certificate as TLS 1.2 sends it (RFC 5246 §7.4.2): {@code ASN.1Cert certificate_list<0..2^24-1>},
 * each {@code opaque ASN.1Cert<1..2^24-1>}; no request context, no per-entry extensions.
 */
public record Tls12Certificate(List<Bytes> certificates) implements HandshakeMessage {

    public Tls12Certificate {
        certificates = List.copyOf(certificates);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u24Prefixed(l -> certificates.forEach(l::vector24));
    }

    public static Tls12Certificate decode(TlsReader body) {
        TlsReader list = body.sub24("certificate_list", 0, 0xFFFFFF);
        List<Bytes> certificates = new ArrayList<>();
        while (list.hasRemaining()) {
            certificates.add(list.vector24("ASN.1Cert", 1, 0xFFFFFF));
        }
        body.expectEnd();
        return new Tls12Certificate(certificates);
    }
}
