package dev.padlock.handshake.tls12;

import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/** Server: the client's CertificateVerify over handshake_messages so far (RFC 5246 §7.4.8). */
final class ExpectClientCertificateVerify implements State {
    private final Tls12Handshaker hs;
    private final Tls12Keys keys;
    private final ServerFlight.ClientKeyExchangeContext context;
    private final X509Certificate clientCertificate;

    ExpectClientCertificateVerify(Tls12Handshaker hs, Tls12Keys keys, ServerFlight.ClientKeyExchangeContext context,
            X509Certificate clientCertificate) {
        this.hs = hs;
        this.keys = keys;
        this.context = context;
        this.clientCertificate = clientCertificate;
    }

    @Override
    public String expecting() {
        return "expecting the client's CertificateVerify";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof CertificateVerify verify)) {
            throw Handshaker.unexpected(this, message);
        }
        SignatureScheme scheme = verify.algorithm();
        if (!context.requestedSchemes().contains(scheme) || !SignatureSchemes.isAllowedInTls12(scheme)) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED,
                    "the client's CertificateVerify uses " + scheme + ", which was not offered");
        }
        PublicKey key = clientCertificate.getPublicKey();
        if (!SignatureSchemes.canVerifyTls12(scheme, key)) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH,
                    "the client's " + key.getAlgorithm() + " key cannot make " + scheme);
        }
        if (!SignatureSchemes.verifyTls12(scheme, key, hs.transcript.messages(), verify.signature().toByteArray())) {
            throw new TlsFailure(FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                    "the client's CertificateVerify signature does not verify");
        }
        hs.transcript.add(raw);
        return new ExpectChangeCipherSpec(hs, keys, true);
    }
}
