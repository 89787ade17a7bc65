package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.HandshakeMessage;
import java.security.cert.X509Certificate;

/** Client: the server's CertificateVerify (RFC 8446 §4.4.3). */
final class ExpectServerCertificateVerify implements State {
    private final ClientHandshaker hs;
    private final HandshakeKeys keys;
    private final CertificateRequest request;
    private final X509Certificate endEntity;

    ExpectServerCertificateVerify(ClientHandshaker hs, HandshakeKeys keys, CertificateRequest request,
            X509Certificate endEntity) {
        this.hs = hs;
        this.keys = keys;
        this.request = request;
        this.endEntity = endEntity;
    }

    @Override
    public String expecting() {
        return "expecting the server's CertificateVerify";
    }

    @Override
    public CipherSuiteSpec suite() {
        return keys.suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof CertificateVerify verify)) {
            throw Handshaker.unexpected(this, message);
        }
        Authenticated server = Authenticated.byCertificateVerify(verify, hs.config.signatureSchemes(), endEntity,
                true, hs.transcript.currentHash(), "server");
        hs.transcript.add(raw);
        return new ExpectServerFinished(hs, keys, server, request);
    }
}
