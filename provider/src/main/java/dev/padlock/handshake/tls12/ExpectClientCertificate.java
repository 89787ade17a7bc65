package dev.padlock.handshake.tls12;

import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.PeerCertificates;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.Tls12Certificate;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Server, after a CertificateRequest: the client's Certificate, perhaps empty (RFC 5246 §7.4.6). */
final class ExpectClientCertificate implements State {
    private final Tls12Handshaker hs;
    private final ServerFlight.ClientKeyExchangeContext context;

    ExpectClientCertificate(Tls12Handshaker hs, ServerFlight.ClientKeyExchangeContext context) {
        this.hs = hs;
        this.context = context;
    }

    @Override
    public String expecting() {
        return "expecting the client's Certificate";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Tls12Certificate certificate)) {
            throw Handshaker.unexpected(this, message);
        }
        hs.transcript.add(raw);
        if (certificate.certificates().isEmpty()) {
            // RFC 5246 §7.4.6: a server that requires a certificate may answer none with a fatal handshake_failure.
            if (hs.config.clientAuth() == ClientAuth.REQUIRED) {
                throw new TlsFailure(FailureReason.TLS12_CLIENT_CERTIFICATE_REQUIRED,
                        "the client sent no certificate, and this server requires one");
            }
            return new ExpectClientKeyExchange(hs, context, null);
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        try {
            hs.config.peerTrust().checkClientTrusted(ServerFlight.array(chain),
                    PeerCertificates.clientAuthType(chain.get(0)));
        } catch (CertificateException e) {
            throw PeerChain.rejected(e, "the client's");
        }
        hs.session.peerCertificates(chain);
        return new ExpectClientKeyExchange(hs, context, chain.get(0));
    }
}
