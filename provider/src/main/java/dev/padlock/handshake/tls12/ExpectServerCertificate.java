package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.Tls12Certificate;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Client, after ServerHello: the server's Certificate (RFC 5246 §7.4.2). */
final class ExpectServerCertificate implements State {
    private final Tls12Handshaker hs;
    private final ClientHello hello;
    private final ServerHello serverHello;
    private final CipherSuiteSpec suite;

    ExpectServerCertificate(Tls12Handshaker hs, ClientHello hello, ServerHello serverHello, CipherSuiteSpec suite) {
        this.hs = hs;
        this.hello = hello;
        this.serverHello = serverHello;
        this.suite = suite;
    }

    @Override
    public String expecting() {
        return "expecting the server's Certificate";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Tls12Certificate certificate)) {
            throw Handshaker.unexpected(this, message);
        }
        if (certificate.certificates().isEmpty()) {
            throw new TlsFailure(FailureReason.SERVER_CERTIFICATE_EMPTY, "the server sent an empty Certificate");
        }
        List<X509Certificate> chain = PeerChain.parse(certificate);
        try {
            // SunJSSE passes the key exchange as authType in TLS 1.2: ECDHE_ECDSA or ECDHE_RSA.
            hs.config.peerTrust().checkServerTrusted(chain.toArray(new X509Certificate[0]),
                    "ECDHE_" + suite.authentication().name());
        } catch (CertificateException e) {
            throw PeerChain.rejected(e, "the server's");
        }
        hs.session.peerCertificates(chain);
        hs.transcript.add(raw);
        return new ExpectServerKeyExchange(hs, hello, serverHello, suite, chain.get(0));
    }
}
