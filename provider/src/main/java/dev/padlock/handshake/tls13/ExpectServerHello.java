package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ClientKeyShares;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.HandshakeSecret;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.VersionNegotiation;
import dev.padlock.session.ClientTicket;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.CookieExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareHelloRetryRequest;
import dev.padlock.wire.KeyShareServerHello;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SupportedVersionsServerHello;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Client, after ClientHello: ServerHello or HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4). */
final class ExpectServerHello implements State {
    private static final Bytes DOWNGRADE_TLS12 = VersionNegotiation.DOWNGRADE_TLS12;
    private static final Bytes DOWNGRADE_TLS11 = VersionNegotiation.DOWNGRADE_TLS11;

    private final ClientHandshaker hs;
    private final ClientHello hello;
    private final ClientKeyShares shares;
    /** The ticket {@code hello} offers in pre_shared_key, or null. */
    private final ClientTicket offered;
    private final ServerHello retryRequest;
    /** The suite the HelloRetryRequest fixed, or null before one. */
    private final CipherSuiteSpec suite;

    ExpectServerHello(ClientHandshaker hs, ClientHello hello, ClientKeyShares shares, ClientTicket offered) {
        this(hs, hello, shares, offered, null, null);
    }

    private ExpectServerHello(ClientHandshaker hs, ClientHello hello, ClientKeyShares shares, ClientTicket offered,
            ServerHello hrr, CipherSuiteSpec suite) {
        this.hs = hs;
        this.hello = hello;
        this.shares = shares;
        this.offered = offered;
        this.retryRequest = hrr;
        this.suite = suite;
    }

    @Override
    public CipherSuiteSpec suite() {
        return suite;
    }

    @Override
    public String expecting() {
        return retryRequest == null ? "expecting ServerHello" : "expecting ServerHello after HelloRetryRequest";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ServerHello sh)) {
            throw Handshaker.unexpected(this, message);
        }
        checkVersion(sh);
        if (!sh.legacySessionIdEcho().equals(hello.legacySessionId())) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_SESSION_ID_ECHO_MISMATCH,
                    "ServerHello.legacy_session_id_echo does not match the ClientHello");
        }
        if (!hello.cipherSuites().contains(sh.cipherSuite())
                || CipherSuiteSpec.of(sh.cipherSuite()).map(CipherSuiteSpec::isTls12).orElse(true)) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_SUITE_NOT_OFFERED,
                    "the server selected " + sh.cipherSuite() + ", which was not offered");
        }
        if (sh.legacyCompressionMethod() != 0) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_COMPRESSION_NOT_NULL,
                    "ServerHello.legacy_compression_method must be 0");
        }
        Negotiation.checkResponseExtensions(sh.extensions(), HandshakeType.SERVER_HELLO,
                sh.isHelloRetryRequest(), Negotiation.typesOf(hello.extensions()));
        CipherSuiteSpec spec = CipherSuiteSpec.of(sh.cipherSuite()).orElseThrow();
        if (retryRequest != null && !retryRequest.cipherSuite().equals(sh.cipherSuite())) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_SUITE_DIFFERS_FROM_RETRY,
                    "the ServerHello cipher suite differs from the HelloRetryRequest's");
        }
        return sh.isHelloRetryRequest() ? onHelloRetryRequest(sh, raw, spec) : onServerHello(sh, raw, spec);
    }

    /** RFC 8446 §4.2.1: only supported_versions says TLS 1.3; without it the server chose an older version. */
    private void checkVersion(ServerHello sh) {
        Optional<SupportedVersionsServerHello> sv = sh.extension(SupportedVersionsServerHello.class);
        if (sv.isPresent() && sv.get().selected().equals(ProtocolVersion.TLSV1_3)
                && sh.legacyVersion().equals(ProtocolVersion.TLSV1_2)) {
            return;
        }
        Bytes tail = sh.random().slice(24, 32);
        if (tail.equals(DOWNGRADE_TLS12) || tail.equals(DOWNGRADE_TLS11)) {
            throw new TlsFailure(FailureReason.DOWNGRADE_SENTINEL,
                    "the server random carries the RFC 8446 §4.1.3 downgrade sentinel");
        }
        if (sv.isPresent() && sv.get().selected().equals(ProtocolVersion.TLSV1_3)) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_LEGACY_VERSION,
                    "ServerHello.legacy_version is " + sh.legacyVersion()
                    + "; TLS 1.3 requires 0x0303 (RFC 8446 §4.1.3)");
        }
        if (sv.isPresent()) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_VERSION_NOT_OFFERED,
                    "the server selected " + sv.get().selected()
                    + " in supported_versions; only TLSv1.3 was offered");
        }
        throw new TlsFailure(FailureReason.SERVER_HELLO_NOT_TLS13, "the server negotiated " + sh.legacyVersion()
                + "; Padlock speaks only TLSv1.3");
    }

    private State onHelloRetryRequest(ServerHello hrr, Bytes raw, CipherSuiteSpec spec) {
        if (retryRequest != null) {
            throw new TlsFailure(FailureReason.SECOND_HELLO_RETRY_REQUEST,
                    "received a second HelloRetryRequest (RFC 8446 §4.1.4)");
        }
        Optional<KeyShareHelloRetryRequest> ks = hrr.extension(KeyShareHelloRetryRequest.class);
        Optional<CookieExtension> cookie = hrr.extension(CookieExtension.class);
        ClientKeyShares retryShare = null;
        if (ks.isPresent()) {
            NamedGroup group = ks.get().selectedGroup();
            if (!hs.config.namedGroups().contains(group) || !KeyExchanges.supports(group)) {
                throw new TlsFailure(FailureReason.RETRY_GROUP_NOT_OFFERED,
                        "HelloRetryRequest selected " + group + ", which was not offered");
            }
            if (shares.offers(group)) {
                throw new TlsFailure(FailureReason.RETRY_GROUP_ALREADY_SHARED, "HelloRetryRequest asked for " + group
                        + ", for which a key share was already sent");
            }
            retryShare = ClientKeyShares.startOne(group, hs.config.random());
        } else if (cookie.isEmpty()) {
            // RFC 8446 §4.1.4: an HRR that would not change the ClientHello is illegal_parameter.
            throw new TlsFailure(FailureReason.RETRY_WOULD_NOT_CHANGE_CLIENT_HELLO,
                    "HelloRetryRequest would not change the ClientHello");
        }
        hs.transcript.begin(spec);
        hs.transcript.replaceWithMessageHash();
        hs.transcript.add(raw);
        hs.session.protocolVersion(ProtocolVersion.TLSV1_3);
        hs.session.cipherSuite(spec.suite());

        ClientKeyShares newShares = retryShare == null ? shares : retryShare;
        List<Extension> ext = new ArrayList<>(hs.extensions(newShares));
        cookie.ifPresent(ext::add);
        // RFC 8446 §4.1.4: offer again only a PSK whose hash is the chosen suite's; its binder
        // now covers message_hash and the HelloRetryRequest (§4.2.11.2).
        ClientTicket offeredAgain = offered;
        if (offered != null && !sameHash(offered.suite(), spec)) {
            hs.secrets.erase(offered.psk());
            offeredAgain = null;
        }
        ClientHello second = hs.withPsk(new ClientHello(hello.legacyVersion(), hello.random(),
                hello.legacySessionId(), hello.cipherSuites(), hello.legacyCompressionMethods(), ext), offeredAgain);
        hs.sendCompatibilityChangeCipherSpec();
        hs.send(second);
        return new ExpectServerHello(hs, second, newShares, offeredAgain, hrr, spec);
    }

    private State onServerHello(ServerHello sh, Bytes raw, CipherSuiteSpec spec) {
        KeyShareServerHello ks = sh.extension(KeyShareServerHello.class).orElseThrow(() -> new TlsFailure(
                FailureReason.SERVER_HELLO_MISSING_KEY_SHARE,
                        "ServerHello has no key_share (PSK-only modes were not offered)"));
        NamedGroup group = ks.share().group();
        if (retryRequest != null) {
            Optional<KeyShareHelloRetryRequest> asked = retryRequest.extension(KeyShareHelloRetryRequest.class);
            if (asked.isPresent() && !asked.get().selectedGroup().equals(group)) {
                throw new TlsFailure(FailureReason.SERVER_HELLO_GROUP_DIFFERS_FROM_RETRY,
                        "ServerHello key_share group " + group
                        + " differs from the HelloRetryRequest's " + asked.get().selectedGroup());
            }
        }
        byte[] sharedSecret = shares.finish(ks.share());

        if (retryRequest == null) {
            // After a HelloRetryRequest the transcript began with that suite, the same (§4.1.4).
            hs.transcript.begin(spec);
        }
        hs.transcript.add(raw);
        hs.session.protocolVersion(ProtocolVersion.TLSV1_3);
        hs.session.cipherSuite(spec.suite());
        hs.session.namedGroup(group);

        EarlySecret early = hs.secrets.hold("early_secret", earlySecret(sh, spec));
        HandshakeSecret handshakeSecret = hs.secrets.hold("handshake_secret", early.handshakeSecret(sharedSecret));
        Arrays.fill(sharedSecret, (byte) 0);
        // RFC 8446 §7.1: without 0-RTT nothing more derives from the Early Secret, nor from the
        // PSK, whose ticket is used once only (§C.4) whether or not the server took it.
        hs.secrets.erase(early);
        if (offered != null) {
            hs.secrets.erase(offered.psk());
        }
        byte[] th = hs.transcript.currentHash();
        TrafficSecret client = hs.secrets.hold("client_handshake_traffic_secret",
                handshakeSecret.clientHandshakeTrafficSecret(th));
        TrafficSecret server = hs.secrets.hold("server_handshake_traffic_secret",
                handshakeSecret.serverHandshakeTrafficSecret(th));
        hs.installReadSecret(server);
        hs.installWriteSecret(client);
        Optional<Authenticated> byPsk = sh.extension(PreSharedKeyServerHello.class).map(Authenticated::byPsk);
        return new ExpectEncryptedExtensions(hs, hello, new HandshakeKeys(handshakeSecret, client, server), byPsk);
    }

    /**
     * RFC 8446 §4.2.11: a server that accepted our PSK names it by index, with a suite of the
     * PSK's hash; then the server authenticates with the PSK, and the session is the original
     * one's, its peer certificates included.
     */
    private EarlySecret earlySecret(ServerHello sh, CipherSuiteSpec spec) {
        Optional<PreSharedKeyServerHello> psk = sh.extension(PreSharedKeyServerHello.class);
        if (psk.isEmpty()) {
            return EarlySecret.withoutPsk(spec);
        }
        ClientTicket ticket = offered;
        if (psk.get().selectedIdentity() != 0) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_PSK_IDENTITY_NOT_OFFERED,
                    "ServerHello selected PSK identity " + psk.get().selectedIdentity()
                    + ", but only one was offered");
        }
        if (!sameHash(ticket.suite(), spec)) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_PSK_HASH_MISMATCH,
                    "the server resumed with " + spec.suite() + ", whose hash is not that of "
                    + "the PSK's suite " + ticket.suite());
        }
        hs.session.resumed(true);
        hs.session.peerCertificates(ticket.peerCertificates());
        hs.session.localCertificates(ticket.localCertificates());
        return EarlySecret.withPsk(spec, ticket.psk());
    }

    private static boolean sameHash(CipherSuite ticketSuite, CipherSuiteSpec spec) {
        return CipherSuiteSpec.of(ticketSuite).map(t -> t.hashAlgorithm().equals(spec.hashAlgorithm())).orElse(false);
    }
}
