package dev.padlock.handshake.tls13;

import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Proof that the peer authenticated itself (RFC 8446 §4.4), which the client's state before
 * the server's Finished requires. Only two things make one, here and nowhere else: a
 * CertificateVerify that verifies under the end-entity certificate the trust manager accepted
 * (§4.4.3), or a ServerHello that selected the PSK we offered (§4.2.11), whose keys the
 * server's Finished then proves it holds. No flag, session field or missing message can stand
 * in for it.
 */
final class Authenticated {
    /** How the peer authenticated. */
    enum By {
        CERTIFICATE, PSK
    }

    private final By by;

    private Authenticated(By by) {
        this.by = by;
    }

    By by() {
        return by;
    }

    /**
     * Checks a peer's CertificateVerify against the schemes we offered and its certificate,
     * which the trust manager has accepted (RFC 8446 §4.4.3).
     *
     * @param trustedEndEntity the peer's end-entity certificate, already judged by the trust manager
     * @param who              "server" or "client", for the messages
     */
    static Authenticated byCertificateVerify(CertificateVerify verify, List<SignatureScheme> offered,
            X509Certificate trustedEndEntity, boolean fromServer, byte[] transcriptHash, String who) {
        SignatureScheme scheme = verify.algorithm();
        if (!offered.contains(scheme) || !SignatureSchemes.isAllowedInCertificateVerify(scheme)) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED,
                    "the " + who + " signed CertificateVerify with " + scheme
                    + ", which was not offered");
        }
        if (!SignatureSchemes.canVerify(scheme, trustedEndEntity.getPublicKey())) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH,
                    "the " + who + "'s certificate key ("
                    + trustedEndEntity.getPublicKey().getAlgorithm() + ") cannot make a " + scheme + " signature");
        }
        byte[] content = SignatureSchemes.certificateVerifyContent(fromServer, transcriptHash);
        if (!SignatureSchemes.verify(scheme, trustedEndEntity.getPublicKey(), content,
                verify.signature().toByteArray())) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                    "the " + who + "'s CertificateVerify signature does not verify");
        }
        return new Authenticated(By.CERTIFICATE);
    }

    /** The server selected the PSK we offered (RFC 8446 §4.2.11); its Finished will prove it. */
    static Authenticated byPsk(PreSharedKeyServerHello selected) {
        Objects.requireNonNull(selected, "selected");
        return new Authenticated(By.PSK);
    }

    @Override
    public String toString() {
        return "Authenticated(by " + by + ")";
    }
}
