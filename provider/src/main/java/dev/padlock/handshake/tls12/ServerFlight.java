package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ClientKeyShare;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.handshake.ApplicationProtocols;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.ServerNames;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.handshake.VersionNegotiation;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EcPointFormatsExtension;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.ServerHelloDone;
import dev.padlock.wire.ServerKeyExchange;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SessionTicketExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.Tls12CertificateRequest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The server's first flight (RFC 5246 §7.3): ServerHello, Certificate, ServerKeyExchange, CertificateRequest*, ServerHelloDone. */
final class ServerFlight {
    private final Tls12Handshaker hs;
    private final ClientHello hello;
    private final CipherSuiteSpec suite;
    private final Credential credential;
    private final List<SignatureScheme> schemes;
    private final NamedGroup group;

    ServerFlight(Tls12Handshaker hs, ClientHello hello, CipherSuiteSpec suite, Credential credential,
            List<SignatureScheme> schemes, NamedGroup group) {
        this.hs = hs;
        this.hello = hello;
        this.suite = suite;
        this.credential = credential;
        this.schemes = schemes;
        this.group = group;
    }

    State send() {
        boolean acceptedServerName = ServerNames.accept(hs.config, hs.session, hello);
        String alpn = ApplicationProtocols.select(hs.config, hello);
        byte[] sessionId = new byte[32];
        hs.config.random().nextBytes(sessionId);
        ServerHello serverHello = serverHello(hs, hello, suite, acceptedServerName, alpn, Bytes.wrap(sessionId));
        hs.send(serverHello);
        hs.session.protocolVersion(ProtocolVersion.TLSV1_2);
        hs.session.cipherSuite(suite.suite());
        hs.session.namedGroup(group);
        hs.session.applicationProtocol(alpn);
        hs.send(PeerChain.of(credential.chain()));
        hs.session.localCertificates(credential.chain());

        ClientKeyShare ours = KeyExchanges.of(group).start(hs.config.random());
        SignatureScheme scheme = Signing.choose(credential, schemes);
        byte[] content = ServerKeyExchange.signedContent(hello.random(), serverHello.random(), group, ours.keyShare());
        byte[] signature = SignatureSchemes.sign(scheme, credential.privateKey(), content, hs.config.random());
        hs.send(new ServerKeyExchange(group, ours.keyShare(), scheme, Bytes.wrap(signature)));
        boolean requestCertificate = hs.config.clientAuth() != ClientAuth.NONE;
        List<SignatureScheme> requested = Tls12Offer.signatureSchemes(hs.config);
        if (requestCertificate) {
            hs.send(new Tls12CertificateRequest(Tls12CertificateRequest.RSA_AND_ECDSA_SIGN, requested, authorities()));
        }
        hs.send(new ServerHelloDone());
        ClientKeyExchangeContext next = new ClientKeyExchangeContext(hello.random().toByteArray(),
                serverHello.random().toByteArray(), suite, ours, requested);
        return requestCertificate ? new ExpectClientCertificate(hs, next) : new ExpectClientKeyExchange(hs, next, null);
    }

    /**
     * RFC 8446 §4.1.3: a server that could have done TLS 1.3 ends its TLS 1.2 random with
     * "DOWNGRD" 01 so that a TLS 1.3 client notices a downgrade.
     */
    static ServerHello serverHello(Tls12Handshaker hs, ClientHello hello, CipherSuiteSpec suite,
            boolean acceptedServerName, String alpn, Bytes sessionId) {
        byte[] random = new byte[32];
        hs.config.random().nextBytes(random);
        if (hs.config.enables(ProtocolVersion.TLSV1_3)) {
            VersionNegotiation.DOWNGRADE_TLS12.copyTo(random, 24);
        }
        List<Extension> ext = new ArrayList<>();
        if (hello.extension(RenegotiationInfoExtension.class).isPresent()
                || hello.cipherSuites().contains(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)) {
            // RFC 5746 §3.6: answer the extension or the SCSV with an empty renegotiation_info.
            ext.add(RenegotiationInfoExtension.INITIAL);
        }
        ext.add(new ExtendedMasterSecretExtension());
        if (hello.extension(EcPointFormatsExtension.class).isPresent()) {
            ext.add(EcPointFormatsExtension.UNCOMPRESSED_ONLY);
        }
        if (acceptedServerName) {
            ext.add(ServerNameExtension.EMPTY);
        }
        if (!alpn.isEmpty()) {
            ext.add(new AlpnExtension(List.of(Negotiation.alpnBytes(alpn))));
        }
        if (hs.ticketPromised) {
            ext.add(SessionTicketExtension.EMPTY);
        }
        return new ServerHello(ProtocolVersion.TLSV1_2, Bytes.wrap(random), sessionId, suite.suite(), 0, ext);
    }

    private List<Bytes> authorities() {
        List<Bytes> names = new ArrayList<>();
        Negotiation.certificateAuthorities(hs.config.peerTrust().acceptedIssuers())
                .ifPresent(ca -> names.addAll(ca.authorities()));
        return names;
    }

    /** What the server's states after its flight need. */
    record ClientKeyExchangeContext(byte[] clientRandom, byte[] serverRandom, CipherSuiteSpec suite,
            ClientKeyShare ourShare, List<SignatureScheme> requestedSchemes) {
        @Override
        public String toString() {
            return "ClientKeyExchangeContext(" + suite.suite() + ")";
        }
    }

    static X509Certificate[] array(List<X509Certificate> chain) {
        return chain.toArray(new X509Certificate[0]);
    }
}
