package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.PeerCertificates;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/** Server, having sent CertificateRequest: the client's Certificate (RFC 8446 §4.4.2). */
final class ExpectClientCertificate implements State {
    private final ServerHandshaker hs;
    private final ClientFinishedContext next;

    ExpectClientCertificate(ServerHandshaker hs, ClientFinishedContext next) {
        this.hs = hs;
        this.next = next;
    }

    @Override
    public String expecting() {
        return "expecting the client's Certificate";
    }

    @Override
    public CipherSuiteSpec suite() {
        return next.keys().suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Certificate certificate)) {
            throw Handshaker.unexpected(this, message);
        }
        if (!certificate.certificateRequestContext().isEmpty()) {
            throw new TlsFailure(FailureReason.CLIENT_CERTIFICATE_CONTEXT_MISMATCH,
                    "the client's Certificate does not echo the certificate_request_context");
        }
        // Our CertificateRequest (signature_algorithms, certificate_authorities) solicits no entry extension.
        PeerCertificates.checkEntryExtensions(certificate, Set.of(ExtensionType.SIGNATURE_ALGORITHMS.code()));
        hs.transcript.add(raw);
        if (certificate.entries().isEmpty()) {
            // RFC 8446 §4.4.2.4: no certificate when one is required is certificate_required.
            if (hs.config.clientAuth() == ClientAuth.REQUIRED) {
                throw new TlsFailure(FailureReason.CLIENT_CERTIFICATE_REQUIRED,
                        "the server requires a client certificate and the client sent none");
            }
            return new ExpectClientFinished(hs, next);
        }
        List<X509Certificate> chain = PeerCertificates.parse(certificate);
        try {
            hs.config.peerTrust().checkClientTrusted(chain.toArray(new X509Certificate[0]),
                    PeerCertificates.clientAuthType(chain.get(0)));
        } catch (CertificateException e) {
            throw PeerCertificates.rejected(e, "the client's");
        }
        hs.session.peerCertificates(chain);
        return new ExpectClientCertificateVerify(hs, next, chain.get(0));
    }
}
