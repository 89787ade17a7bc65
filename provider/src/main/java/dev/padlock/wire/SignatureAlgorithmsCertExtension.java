package dev.padlock.wire;

import java.util.List;

/** signature_algorithms_cert: {@code SignatureScheme supported_signature_algorithms<2..2^16-2>} (RFC 8446 §4.2.3). */
public record SignatureAlgorithmsCertExtension(List<SignatureScheme> schemes) implements Extension {

    public SignatureAlgorithmsCertExtension {
        schemes = List.copyOf(schemes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS_CERT;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        SignatureSchemeList.write(w, schemes);
    }

    static SignatureAlgorithmsCertExtension decode(TlsReader body) {
        return new SignatureAlgorithmsCertExtension(SignatureSchemeList.read(body));
    }
}
