package dev.padlock.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code CertificateEntry} of an X.509 Certificate message (RFC 8446 §4.4.2):
 * {@code opaque cert_data<1..2^24-1>}, {@code Extension extensions<0..2^16-1>}.
 */
public record CertificateEntry(Bytes certData, List<Extension> extensions) {

    public CertificateEntry {
        Objects.requireNonNull(certData, "certData");
        extensions = List.copyOf(extensions);
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    static CertificateEntry read(TlsReader r) {
        Bytes certData = r.vector24("cert_data", 1, 0xFFFFFF);
        return new CertificateEntry(certData, Extensions.decodeList(r, HandshakeType.CERTIFICATE, false));
    }

    void write(TlsWriter w) {
        w.vector24(certData);
        Extensions.encodeList(w, extensions);
    }
}
