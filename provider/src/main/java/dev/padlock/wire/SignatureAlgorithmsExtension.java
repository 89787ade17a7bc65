package dev.padlock.wire;

import java.util.List;

/** signature_algorithms: {@code SignatureScheme supported_signature_algorithms<2..2^16-2>} (RFC 8446 §4.2.3). */
public record SignatureAlgorithmsExtension(List<SignatureScheme> schemes) implements Extension {

    public SignatureAlgorithmsExtension {
        schemes = List.copyOf(schemes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SIGNATURE_ALGORITHMS;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        SignatureSchemeList.write(w, schemes);
    }

    static SignatureAlgorithmsExtension decode(TlsReader body) {
        return new SignatureAlgorithmsExtension(SignatureSchemeList.read(body));
    }
}
