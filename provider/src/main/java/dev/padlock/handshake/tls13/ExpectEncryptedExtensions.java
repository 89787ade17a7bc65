package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.RecordSizeLimitExtension;
import dev.padlock.wire.TlsFailure;
import java.util.Optional;

/** Client, after ServerHello: EncryptedExtensions (RFC 8446 §4.3.1). */
final class ExpectEncryptedExtensions implements State {
    private final ClientHandshaker hs;
    private final ClientHello hello;
    private final HandshakeKeys keys;
    private final Optional<Authenticated> byPsk;

    /** @param byPsk present when the ServerHello selected our PSK (RFC 8446 §2.2: no certificate follows) */
    ExpectEncryptedExtensions(ClientHandshaker hs, ClientHello hello, HandshakeKeys keys,
            Optional<Authenticated> byPsk) {
        this.hs = hs;
        this.hello = hello;
        this.keys = keys;
        this.byPsk = byPsk;
    }

    @Override
    public String expecting() {
        return "expecting EncryptedExtensions";
    }

    @Override
    public CipherSuiteSpec suite() {
        return keys.suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof EncryptedExtensions ee)) {
            throw Handshaker.unexpected(this, message);
        }
        Negotiation.checkResponseExtensions(ee.extensions(), HandshakeType.ENCRYPTED_EXTENSIONS, false,
                Negotiation.typesOf(hello.extensions()));
        hs.session.applicationProtocol(alpn(ee.extension(AlpnExtension.class)));
        Optional<RecordSizeLimitExtension> limit = ee.extension(RecordSizeLimitExtension.class);
        if (limit.isPresent()) {
            // RFC 8449 §4: a value below 64 is illegal_parameter.
            if (limit.get().limit() < 64) {
                throw new TlsFailure(FailureReason.RECORD_SIZE_LIMIT_TOO_SMALL,
                        "record_size_limit " + limit.get().limit() + " is below 64");
            }
            hs.session.peerRecordSizeLimit(limit.get().limit());
        }
        hs.transcript.add(raw);
        // RFC 8446 §2.2: a server that accepted our PSK sends neither Certificate nor CertificateVerify.
        return byPsk.isPresent() ? new ExpectServerFinished(hs, keys, byPsk.get(), null)
                : new ExpectCertificateOrCertificateRequest(hs, keys);
    }

    /** RFC 7301 §3.1: the server answers with exactly one protocol, one the client offered. */
    private String alpn(Optional<AlpnExtension> answer) {
        if (answer.isEmpty()) {
            return "";
        }
        if (answer.get().protocolNames().size() != 1) {
            throw new TlsFailure(FailureReason.ALPN_ANSWER_NOT_ONE_PROTOCOL,
                    "the server's ALPN answer must name exactly one protocol");
        }
        Bytes chosen = answer.get().protocolNames().get(0);
        boolean offered = hello.extension(AlpnExtension.class)
                .map(a -> a.protocolNames().contains(chosen)).orElse(false);
        if (!offered) {
            throw new TlsFailure(FailureReason.ALPN_NOT_OFFERED, "the server selected ALPN protocol '"
                    + Negotiation.alpnString(chosen) + "', which was not offered");
        }
        return Negotiation.alpnString(chosen);
    }
}
