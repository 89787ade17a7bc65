package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.ServerKeyExchange;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.TlsFailure;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Client, after the server's Certificate: ServerKeyExchange with signed ECDHE parameters (RFC 8422 §5.4). */
final class ExpectServerKeyExchange implements State {
    private final Tls12Handshaker hs;
    private final ClientHello hello;
    private final ServerHello serverHello;
    private final CipherSuiteSpec suite;
    private final X509Certificate endEntity;

    ExpectServerKeyExchange(Tls12Handshaker hs, ClientHello hello, ServerHello serverHello, CipherSuiteSpec suite,
            X509Certificate endEntity) {
        this.hs = hs;
        this.hello = hello;
        this.serverHello = serverHello;
        this.suite = suite;
        this.endEntity = endEntity;
    }

    @Override
    public String expecting() {
        return "expecting ServerKeyExchange";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ServerKeyExchange ske)) {
            throw Handshaker.unexpected(this, message);
        }
        NamedGroup group = ske.group();
        List<NamedGroup> offered = hello.extension(SupportedGroupsExtension.class)
                .map(SupportedGroupsExtension::groups).orElse(List.of());
        if (!offered.contains(group) || !Tls12Offer.isEcdheGroup(group)) {
            throw new TlsFailure(FailureReason.SERVER_KEY_EXCHANGE_GROUP_NOT_OFFERED,
                    "ServerKeyExchange uses " + group + ", which was not offered for ECDHE");
        }
        verifySignature(ske);
        hs.session.namedGroup(group);
        hs.transcript.add(raw);
        return new ExpectServerHelloDone(hs, hello, serverHello, suite, ske, null);
    }

    /** RFC 8422 §5.4: the signature covers client_random + server_random + ServerECDHParams. */
    private void verifySignature(ServerKeyExchange ske) {
        SignatureScheme scheme = ske.algorithm();
        List<SignatureScheme> ours = hello.extension(SignatureAlgorithmsExtension.class)
                .map(SignatureAlgorithmsExtension::schemes).orElse(List.of());
        if (!ours.contains(scheme) || !SignatureSchemes.isAllowedInTls12(scheme)) {
            throw new TlsFailure(FailureReason.SERVER_KEY_EXCHANGE_SCHEME_NOT_OFFERED,
                    "ServerKeyExchange is signed with " + scheme + ", which was not offered");
        }
        PublicKey key = endEntity.getPublicKey();
        if (!SignatureSchemes.canVerifyTls12(scheme, key) || !Signing.fitsSuite(suite, key)) {
            throw new TlsFailure(FailureReason.SERVER_KEY_EXCHANGE_SCHEME_KEY_MISMATCH, "ServerKeyExchange is signed "
                    + "with " + scheme + ", which the server's " + key.getAlgorithm() + " key cannot make for "
                    + suite.suite());
        }
        byte[] content = ServerKeyExchange.signedContent(hello.random(), serverHello.random(), ske.group(),
                ske.publicKey());
        if (!SignatureSchemes.verifyTls12(scheme, key, content, ske.signature().toByteArray())) {
            throw new TlsFailure(FailureReason.SERVER_KEY_EXCHANGE_SIGNATURE,
                    "the ServerKeyExchange signature does not verify");
        }
    }
}
