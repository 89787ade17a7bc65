package dev.padlock.handshake.tls12;

import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientKeyExchange;
import dev.padlock.wire.HandshakeMessage;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/** Server: the client's ECDHE public value (RFC 8422 §5.7), from which the master secret follows (RFC 7627 §4). */
final class ExpectClientKeyExchange implements State {
    private final Tls12Handshaker hs;
    private final ServerFlight.ClientKeyExchangeContext context;
    /** The client's certificate, which its CertificateVerify must prove; null without one. */
    private final X509Certificate clientCertificate;

    ExpectClientKeyExchange(Tls12Handshaker hs, ServerFlight.ClientKeyExchangeContext context,
            X509Certificate clientCertificate) {
        this.hs = hs;
        this.context = context;
        this.clientCertificate = clientCertificate;
    }

    @Override
    public String expecting() {
        return "expecting ClientKeyExchange";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ClientKeyExchange cke)) {
            throw Handshaker.unexpected(this, message);
        }
        // finish() validates the client's point: off the curve or of the wrong length is illegal_parameter.
        byte[] preMasterSecret = context.ourShare().finish(cke.publicKey());
        hs.transcript.add(raw);
        Tls12Keys keys;
        try {
            keys = hs.deriveKeys(Tls12MasterSecret.extended(context.suite(), preMasterSecret,
                    hs.transcript.currentHash()), context.clientRandom(), context.serverRandom());
        } finally {
            Arrays.fill(preMasterSecret, (byte) 0);
        }
        return clientCertificate == null ? new ExpectChangeCipherSpec(hs, keys, true)
                : new ExpectClientCertificateVerify(hs, keys, context, clientCertificate);
    }
}
