package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/** The body shared by signature_algorithms and signature_algorithms_cert (RFC 8446 §4.2.3). */
final class SignatureSchemeList {
    private SignatureSchemeList() {
    }

    static List<SignatureScheme> read(TlsReader body) {
        TlsReader list = body.sub16("supported_signature_algorithms", 2, 0xFFFE);
        List<SignatureScheme> schemes = new ArrayList<>();
        while (list.hasRemaining()) {
            schemes.add(SignatureScheme.read(list, "signature_scheme"));
        }
        body.expectEnd();
        return schemes;
    }

    static void write(TlsWriter w, List<SignatureScheme> schemes) {
        w.u16Prefixed(l -> schemes.forEach(s -> s.write(l)));
    }
}
