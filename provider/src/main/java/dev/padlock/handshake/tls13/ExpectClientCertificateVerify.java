package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.HandshakeMessage;
import java.security.cert.X509Certificate;

/** Server: the client's CertificateVerify (RFC 8446 §4.4.3). */
final class ExpectClientCertificateVerify implements State {
    private final ServerHandshaker hs;
    private final ClientFinishedContext next;
    private final X509Certificate endEntity;

    ExpectClientCertificateVerify(ServerHandshaker hs, ClientFinishedContext next, X509Certificate endEntity) {
        this.hs = hs;
        this.next = next;
        this.endEntity = endEntity;
    }

    @Override
    public String expecting() {
        return "expecting the client's CertificateVerify";
    }

    @Override
    public CipherSuiteSpec suite() {
        return next.keys().suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof CertificateVerify verify)) {
            throw Handshaker.unexpected(this, message);
        }
        Authenticated.byCertificateVerify(verify, hs.config.signatureSchemes(), endEntity, false,
                hs.transcript.currentHash(), "client");
        hs.transcript.add(raw);
        return new ExpectClientFinished(hs, next);
    }
}
