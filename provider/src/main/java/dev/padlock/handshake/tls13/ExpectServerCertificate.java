package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.PeerCertificates;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Client: the server's Certificate (RFC 8446 §4.4.2), judged by the trust manager. */
final class ExpectServerCertificate implements State {
    private final ClientHandshaker hs;
    private final HandshakeKeys keys;
    private final CertificateRequest request;

    ExpectServerCertificate(ClientHandshaker hs, HandshakeKeys keys, CertificateRequest request) {
        this.hs = hs;
        this.keys = keys;
        this.request = request;
    }

    @Override
    public String expecting() {
        return "expecting the server's Certificate";
    }

    @Override
    public CipherSuiteSpec suite() {
        return keys.suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Certificate certificate)) {
            throw Handshaker.unexpected(this, message);
        }
        if (!certificate.certificateRequestContext().isEmpty()) {
            throw new TlsFailure(FailureReason.SERVER_CERTIFICATE_CONTEXT_NOT_EMPTY,
                    "the server's Certificate has a non-empty certificate_request_context");
        }
        // RFC 8446 §4.4.2.4: an empty server Certificate is decode_error.
        if (certificate.entries().isEmpty()) {
            throw new TlsFailure(FailureReason.SERVER_CERTIFICATE_EMPTY, "the server sent an empty Certificate");
        }
        PeerCertificates.checkEntryExtensions(certificate, hs.offeredExtensions());
        List<X509Certificate> chain = PeerCertificates.parse(certificate);
        try {
            hs.config.peerTrust().checkServerTrusted(chain.toArray(new X509Certificate[0]),
                    PeerTrust.SERVER_AUTH_TYPE);
        } catch (CertificateException e) {
            throw PeerCertificates.rejected(e, "the server's");
        }
        hs.session.peerCertificates(chain);
        hs.transcript.add(raw);
        return new ExpectServerCertificateVerify(hs, keys, request, chain.get(0));
    }
}
