package dev.padlock.handshake;

import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.cert.X509Certificate;
import java.util.List;

/** Checks a peer's CertificateVerify against the schemes we offered and its certificate (RFC 8446 §4.4.3). */
final class CertificateVerifier {
    private CertificateVerifier() {
    }

    static void verify(CertificateVerify verify, List<SignatureScheme> offered, X509Certificate endEntity,
            boolean fromServer, byte[] transcriptHash, String who) {
        SignatureScheme scheme = verify.algorithm();
        if (!offered.contains(scheme) || !SignatureSchemes.isAllowedInCertificateVerify(scheme)) {
            throw TlsFailure.illegalParameter("the " + who + " signed CertificateVerify with " + scheme
                    + ", which was not offered");
        }
        if (!SignatureSchemes.canVerify(scheme, endEntity.getPublicKey())) {
            throw TlsFailure.illegalParameter("the " + who + "'s certificate key (" + endEntity.getPublicKey()
                    .getAlgorithm() + ") cannot make a " + scheme + " signature");
        }
        byte[] content = SignatureSchemes.certificateVerifyContent(fromServer, transcriptHash);
        if (!SignatureSchemes.verify(scheme, endEntity.getPublicKey(), content, verify.signature().toByteArray())) {
            throw new TlsFailure(AlertDescription.DECRYPT_ERROR,
                    "the " + who + "'s CertificateVerify signature does not verify");
        }
    }
}
