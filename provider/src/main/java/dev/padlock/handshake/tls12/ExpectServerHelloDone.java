package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.KeyExchange;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ClientKeyExchange;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.ServerHelloDone;
import dev.padlock.wire.ServerKeyExchange;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.Tls12CertificateRequest;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Client, after ServerKeyExchange: an optional CertificateRequest, then ServerHelloDone, which
 * the client answers with its whole flight (RFC 5246 §7.3: Certificate*, ClientKeyExchange,
 * CertificateVerify*, ChangeCipherSpec, Finished).
 */
final class ExpectServerHelloDone implements State {
    private final Tls12Handshaker hs;
    private final ClientHello hello;
    private final ServerHello serverHello;
    private final CipherSuiteSpec suite;
    private final ServerKeyExchange keyExchange;
    /** The server's CertificateRequest, or null while none came. */
    private final Tls12CertificateRequest request;

    ExpectServerHelloDone(Tls12Handshaker hs, ClientHello hello, ServerHello serverHello, CipherSuiteSpec suite,
            ServerKeyExchange keyExchange, Tls12CertificateRequest request) {
        this.hs = hs;
        this.hello = hello;
        this.serverHello = serverHello;
        this.suite = suite;
        this.keyExchange = keyExchange;
        this.request = request;
    }

    @Override
    public String expecting() {
        return request == null ? "expecting CertificateRequest or ServerHelloDone" : "expecting ServerHelloDone";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (message instanceof Tls12CertificateRequest cr && request == null) {
            // What getPeerSupportedSignatureAlgorithms reports, as for a TLS 1.3 CertificateRequest.
            hs.session.peerSignatureSchemes(cr.signatureSchemes());
            hs.transcript.add(raw);
            return new ExpectServerHelloDone(hs, hello, serverHello, suite, keyExchange, cr);
        }
        if (!(message instanceof ServerHelloDone)) {
            throw Handshaker.unexpected(this, message);
        }
        hs.transcript.add(raw);
        return sendClientFlight();
    }

    private State sendClientFlight() {
        List<SignatureScheme> schemes = request == null ? List.of()
                : Signing.common(Tls12Offer.signatureSchemes(hs.config), request.signatureSchemes());
        Credential credential = null;
        if (request != null) {
            credential = schemes.isEmpty() ? null
                    : hs.config.credentials().chooseClientCredential(schemes, authorities(request)).orElse(null);
            hs.send(PeerChain.of(credential == null ? List.of() : credential.chain()));
            if (credential != null) {
                hs.session.localCertificates(credential.chain());
            }
        }
        // RFC 8422 §5.7: our ephemeral public value; respond() validates the server's first.
        KeyExchange.Response response = KeyExchanges.of(keyExchange.group())
                .respond(keyExchange.publicKey(), hs.config.random());
        hs.send(new ClientKeyExchange(response.keyShare()));
        byte[] preMasterSecret = response.sharedSecret();
        Tls12Keys keys;
        try {
            // RFC 7627 §4: session_hash is the transcript through ClientKeyExchange.
            keys = hs.deriveKeys(Tls12MasterSecret.extended(suite, preMasterSecret, hs.transcript.currentHash()),
                    hello.random().toByteArray(), serverHello.random().toByteArray());
        } finally {
            Arrays.fill(preMasterSecret, (byte) 0);
        }
        if (credential != null) {
            SignatureScheme scheme = Signing.choose(credential, schemes);
            // RFC 5246 §7.4.8: the signature covers handshake_messages themselves.
            byte[] signature = SignatureSchemes.sign(scheme, credential.privateKey(), hs.transcript.messages(),
                    hs.config.random());
            hs.send(new CertificateVerify(scheme, Bytes.wrap(signature)));
        }
        hs.out.sendChangeCipherSpec();
        hs.out.installWriteKeys(keys.keyBlock().clientWrite());
        hs.send(new Finished(Bytes.wrap(keys.master().verifyData(true, hs.transcript.currentHash()))));
        return new ExpectChangeCipherSpec(hs, keys, false);
    }

    private static List<X500Principal> authorities(Tls12CertificateRequest request) {
        List<X500Principal> issuers = new ArrayList<>();
        for (Bytes dn : request.authorities()) {
            try {
                issuers.add(new X500Principal(dn.toByteArray()));
            } catch (IllegalArgumentException bad) {
                throw new TlsFailure(FailureReason.CERTIFICATE_AUTHORITIES_MALFORMED_NAME,
                        "certificate_authorities holds a malformed distinguished name", bad);
            }
        }
        return issuers;
    }
}
