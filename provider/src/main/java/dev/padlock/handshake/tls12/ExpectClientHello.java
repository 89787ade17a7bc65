package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.handshake.VersionNegotiation;
import dev.padlock.session.ResumptionState;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EcPointFormatsExtension;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server: the ClientHello (RFC 5246 §7.4.1.2). Reads top-down: check the offer, choose suite,
 * certificate and group, then send the first flight ({@link ServerFlight}).
 */
final class ExpectClientHello implements State {
    private final Tls12Handshaker hs;

    ExpectClientHello(Tls12Handshaker hs) {
        this.hs = hs;
    }

    @Override
    public String expecting() {
        return "expecting ClientHello";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ClientHello hello)) {
            throw Handshaker.unexpected(this, message);
        }
        if (!VersionNegotiation.choose(hs.config, hello).equals(ProtocolVersion.TLSV1_2)) {
            throw new IllegalStateException("the TLS 1.2 machine was given a ClientHello for TLS 1.3");
        }
        checkOffer(hello);
        List<SignatureScheme> peerSchemes = hello.extension(SignatureAlgorithmsExtension.class)
                .map(SignatureAlgorithmsExtension::schemes).orElse(List.of());
        hs.session.peerSignatureSchemes(peerSchemes);
        hs.session.localSignatureSchemes(Negotiation.union(Tls12Offer.signatureSchemes(hs.config),
                hs.config.signatureSchemesCert()));
        hs.clientHello = hello;
        hs.ticketPromised = Tls12Tickets.willIssue(hs, hello);
        Optional<ResumptionState> resumable = Tls12Tickets.accept(hs, hello);
        if (resumable.isPresent()) {
            return AbbreviatedServerFlight.send(hs, hello, raw, resumable.get());
        }
        NamedGroup group = chooseGroup(hello);
        Choice choice = chooseSuiteAndCredential(hello, Signing.common(Tls12Offer.signatureSchemes(hs.config),
                peerSchemes));
        hs.transcript.begin(choice.suite());
        hs.transcript.add(raw);
        return new ServerFlight(hs, hello, choice.suite(), choice.credential(), choice.schemes(), group).send();
    }

    /** A suite with the certificate and signature schemes that can serve it. */
    record Choice(CipherSuiteSpec suite, Credential credential, List<SignatureScheme> schemes) {
    }

    /**
     * RFC 5246 §7.4.1.2 compression [null]; RFC 7627 §5.3 extended_master_secret (Padlock
     * requires it); RFC 5746 §3.6 renegotiation_info empty; RFC 8422 §5.1.2 uncompressed points.
     */
    private static void checkOffer(ClientHello hello) {
        if (!contains0(hello.legacyCompressionMethods())) {
            throw new TlsFailure(FailureReason.CLIENT_HELLO_COMPRESSION_NOT_NULL,
                    "ClientHello.compression_methods does not offer null(0)");
        }
        if (hello.extension(ExtendedMasterSecretExtension.class).isEmpty()) {
            throw new TlsFailure(FailureReason.EXTENDED_MASTER_SECRET_MISSING, "the client does not offer "
                    + "extended_master_secret (RFC 7627), which Padlock requires for TLS 1.2");
        }
        Optional<RenegotiationInfoExtension> ri = hello.extension(RenegotiationInfoExtension.class);
        if (ri.isPresent() && !ri.get().renegotiatedConnection().isEmpty()) {
            throw new TlsFailure(FailureReason.RENEGOTIATION_INFO_NOT_EMPTY,
                    "renegotiation_info is not empty on an initial handshake (RFC 5746 §3.6)");
        }
        Optional<EcPointFormatsExtension> pf = hello.extension(EcPointFormatsExtension.class);
        if (pf.isPresent() && !pf.get().allowsUncompressed()) {
            throw new TlsFailure(FailureReason.EC_POINT_FORMATS_NO_UNCOMPRESSED,
                    "the client's ec_point_formats lacks uncompressed (RFC 8422 §5.1.2)");
        }
    }

    private static boolean contains0(Bytes methods) {
        for (int i = 0; i < methods.length(); i++) {
            if (methods.get(i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** RFC 8422 §4: without supported_groups a client is taken to support secp256r1. */
    private NamedGroup chooseGroup(ClientHello hello) {
        List<NamedGroup> offered = hello.extension(SupportedGroupsExtension.class)
                .map(SupportedGroupsExtension::groups).orElse(List.of(NamedGroup.SECP256R1));
        for (NamedGroup group : Tls12Offer.ecdheGroups(hs.config)) {
            if (offered.contains(group)) {
                return group;
            }
        }
        throw new TlsFailure(FailureReason.NO_COMMON_GROUP, "no ECDHE group in common: the client supports "
                + offered + ", the server enables " + Tls12Offer.ecdheGroups(hs.config));
    }

    /** The client's order unless the server's is honoured; the first suite our certificates can serve. */
    private Choice chooseSuiteAndCredential(ClientHello hello, List<SignatureScheme> schemes) {
        List<CipherSuiteSpec> shared = new ArrayList<>();
        List<CipherSuiteSpec> ours = hs.config.suitesFor(ProtocolVersion.TLSV1_2);
        if (hs.config.honorServerOrder()) {
            ours.stream().filter(s -> hello.cipherSuites().contains(s.suite())).forEach(shared::add);
        } else {
            for (CipherSuite offered : hello.cipherSuites()) {
                ours.stream().filter(s -> s.suite().equals(offered)).forEach(shared::add);
            }
        }
        if (shared.isEmpty()) {
            throw new TlsFailure(FailureReason.NO_COMMON_CIPHER_SUITE, "no cipher suite in common: the client "
                    + "offered " + hello.cipherSuites() + ", the server enables TLS 1.2 suites "
                    + ours.stream().map(CipherSuiteSpec::suite).toList());
        }
        if (schemes.isEmpty()) {
            throw new TlsFailure(FailureReason.NO_COMMON_SIGNATURE_SCHEME, "no signature scheme in common: the "
                    + "client accepts " + hs.session.peerSignatureSchemes());
        }
        for (CipherSuiteSpec suite : shared) {
            List<SignatureScheme> forSuite = schemes.stream().filter(s -> Signing.schemeFitsSuite(s, suite)).toList();
            if (forSuite.isEmpty()) {
                continue;
            }
            Optional<Credential> credential = hs.config.credentials().chooseServerCredential(forSuite,
                    List.of());
            if (credential.isPresent() && Signing.fitsSuite(suite, credential.get().privateKey())) {
                return new Choice(suite, credential.get(), forSuite);
            }
        }
        throw new TlsFailure(FailureReason.NO_CERTIFICATE_FOR_SIGNATURE_SCHEMES, "the server has no certificate "
                + "for any shared TLS 1.2 suite " + shared.stream().map(CipherSuiteSpec::suite).toList()
                + " and signature scheme " + schemes);
    }
}
