package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.TlsFailure;

/** Client, after EncryptedExtensions: CertificateRequest (RFC 8446 §4.3.2) or the server's Certificate. */
final class ExpectCertificateOrCertificateRequest implements State {
    private final ClientHandshaker hs;
    private final HandshakeKeys keys;

    ExpectCertificateOrCertificateRequest(ClientHandshaker hs, HandshakeKeys keys) {
        this.hs = hs;
        this.keys = keys;
    }

    @Override
    public String expecting() {
        return "expecting CertificateRequest or Certificate";
    }

    @Override
    public CipherSuiteSpec suite() {
        return keys.suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (message instanceof Certificate) {
            return new ExpectServerCertificate(hs, keys, null).handle(message, raw);
        }
        if (!(message instanceof CertificateRequest request)) {
            throw Handshaker.unexpected(this, message);
        }
        // RFC 8446 §4.3.2: empty context in the main handshake; signature_algorithms is required.
        if (!request.certificateRequestContext().isEmpty()) {
            throw new TlsFailure(FailureReason.CERTIFICATE_REQUEST_CONTEXT_NOT_EMPTY,
                    "CertificateRequest.certificate_request_context must be empty "
                    + "during the handshake");
        }
        Negotiation.checkAllowed(request.extensions(), HandshakeType.CERTIFICATE_REQUEST);
        if (request.extension(SignatureAlgorithmsExtension.class).isEmpty()) {
            throw new TlsFailure(FailureReason.CERTIFICATE_REQUEST_MISSING_SIGNATURE_ALGORITHMS,
                    "CertificateRequest has no signature_algorithms extension");
        }
        hs.transcript.add(raw);
        return new ExpectServerCertificate(hs, keys, request);
    }
}
