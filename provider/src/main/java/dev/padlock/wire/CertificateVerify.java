package dev.padlock.wire;

import java.util.Objects;

/** CertificateVerify (RFC 8446 §4.4.3): a scheme and {@code opaque signature<0..2^16-1>}. */
public record CertificateVerify(SignatureScheme algorithm, Bytes signature) implements HandshakeMessage {

    public CertificateVerify {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_VERIFY;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        algorithm.write(w);
        w.vector16(signature);
    }

    public static CertificateVerify decode(TlsReader body) {
        SignatureScheme algorithm = SignatureScheme.read(body, "algorithm");
        Bytes signature = body.vector16("signature", 0, 0xFFFF);
        body.expectEnd();
        return new CertificateVerify(algorithm, signature);
    }
}
