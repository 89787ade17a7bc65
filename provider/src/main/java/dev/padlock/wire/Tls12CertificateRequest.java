package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CertificateRequest as TLS 1.2 sends it (RFC 5246 §7.4.4):
 * {@code ClientCertificateType certificate_types<1..2^8-1>},
 * {@code SignatureAndHashAlgorithm supported_signature_algorithms<2..2^16-2>},
 * {@code DistinguishedName certificate_authorities<0..2^16-1>}.
 */
public record Tls12CertificateRequest(Bytes certificateTypes, List<SignatureScheme> signatureSchemes,
        List<Bytes> authorities) implements HandshakeMessage {
    /** RFC 5246 §7.4.4 rsa_sign(1) and RFC 8422 §5.5 ecdsa_sign(64). */
    public static final Bytes RSA_AND_ECDSA_SIGN = Bytes.of((byte) 1, (byte) 64);

    public Tls12CertificateRequest {
        Objects.requireNonNull(certificateTypes, "certificateTypes");
        signatureSchemes = List.copyOf(signatureSchemes);
        authorities = List.copyOf(authorities);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CERTIFICATE_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(certificateTypes);
        w.u16Prefixed(l -> signatureSchemes.forEach(s -> s.write(l)));
        w.u16Prefixed(l -> authorities.forEach(l::vector16));
    }

    public static Tls12CertificateRequest decode(TlsReader body) {
        Bytes types = body.vector8("certificate_types", 1, 255);
        TlsReader schemes = body.sub16("supported_signature_algorithms", 2, 0xFFFE);
        List<SignatureScheme> list = new ArrayList<>();
        while (schemes.hasRemaining()) {
            list.add(SignatureScheme.read(schemes, "SignatureAndHashAlgorithm"));
        }
        TlsReader names = body.sub16("certificate_authorities", 0, 0xFFFF);
        List<Bytes> authorities = new ArrayList<>();
        while (names.hasRemaining()) {
            authorities.add(names.vector16("DistinguishedName", 1, 0xFFFF));
        }
        body.expectEnd();
        return new Tls12CertificateRequest(types, list, authorities);
    }
}
