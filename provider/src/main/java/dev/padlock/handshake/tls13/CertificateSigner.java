package dev.padlock.handshake.tls13;

import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.handshake.Credential;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateEntry;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** Sends our Certificate and CertificateVerify (RFC 8446 §4.4.2, §4.4.3). */
final class CertificateSigner {
    private CertificateSigner() {
    }

    static void sendCertificate(Tls13Handshaker hs, Bytes context, Credential credential) {
        List<CertificateEntry> entries = new ArrayList<>();
        if (credential != null) {
            for (X509Certificate cert : credential.chain()) {
                try {
                    entries.add(new CertificateEntry(Bytes.wrap(cert.getEncoded()), List.of()));
                } catch (CertificateEncodingException e) {
                    throw new TlsFailure(FailureReason.INTERNAL,
                            "our certificate cannot be encoded: " + e.getMessage(), e);
                }
            }
            hs.session.localCertificates(credential.chain());
        }
        hs.send(new Certificate(context, entries));
    }

    /** Signs with the first scheme in {@code schemes} that our key can make. */
    static void sendCertificateVerify(Tls13Handshaker hs, Credential credential, List<SignatureScheme> schemes,
            boolean server) {
        SignatureScheme scheme = schemes.stream()
                .filter(s -> SignatureSchemes.canSign(s, credential.privateKey()))
                .findFirst()
                .orElseThrow(() -> new TlsFailure(FailureReason.NO_SIGNATURE_SCHEME_FOR_KEY,
                        "our " + credential.privateKey().getAlgorithm() + " key can make none of the signature "
                                + "schemes the peer accepts: " + schemes));
        byte[] content = SignatureSchemes.certificateVerifyContent(server, hs.transcript.currentHash());
        byte[] signature = SignatureSchemes.sign(scheme, credential.privateKey(), content, hs.config.random());
        hs.send(new CertificateVerify(scheme, Bytes.wrap(signature)));
    }
}
