package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.VersionNegotiation;
import dev.padlock.session.ClientTicket;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EcPointFormatsExtension;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SessionTicketExtension;
import dev.padlock.wire.TlsFailure;
import java.util.Optional;
import java.util.Set;

/** Client, after ClientHello: a TLS 1.2 ServerHello (RFC 5246 §7.4.1.3). */
final class ExpectServerHello implements State {
    private final Tls12Handshaker hs;
    private final ClientHello hello;
    /** The TLS 1.2 ticket {@code hello} offered (RFC 5077 §3.1), or null. */
    private final ClientTicket offered;

    ExpectServerHello(Tls12Handshaker hs, ClientHello hello, ClientTicket offered) {
        this.hs = hs;
        this.hello = hello;
        this.offered = offered;
    }

    @Override
    public String expecting() {
        return "expecting ServerHello";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ServerHello sh) || sh.isHelloRetryRequest()) {
            throw Handshaker.unexpected(this, message);
        }
        checkVersion(sh);
        CipherSuiteSpec suite = CipherSuiteSpec.of(sh.cipherSuite()).filter(CipherSuiteSpec::isTls12)
                .filter(s -> hello.cipherSuites().contains(s.suite()))
                .orElseThrow(() -> new TlsFailure(FailureReason.SERVER_HELLO_SUITE_NOT_OFFERED,
                        "the server selected " + sh.cipherSuite() + ", which was not offered for TLS 1.2"));
        if (sh.legacyCompressionMethod() != 0) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_COMPRESSION_NOT_NULL,
                    "ServerHello.compression_method must be null(0)");
        }
        checkExtensions(sh);
        hs.transcript.begin(suite);
        hs.transcript.add(raw);
        hs.session.protocolVersion(ProtocolVersion.TLSV1_2);
        hs.session.cipherSuite(suite.suite());
        String alpn = sh.extension(AlpnExtension.class)
                .map(a -> Negotiation.alpnString(a.protocolNames().get(0))).orElse("");
        hs.session.applicationProtocol(alpn);
        hs.ticketPromised = sh.extension(SessionTicketExtension.class).isPresent();
        if (offered != null && !hello.legacySessionId().isEmpty()
                && sh.legacySessionIdEcho().equals(hello.legacySessionId())) {
            return resume(sh, suite);
        }
        return new ExpectServerCertificate(hs, hello, sh, suite);
    }

    /**
     * RFC 5077 §3.4: the server echoed our session ID, so it accepted the ticket: the abbreviated
     * handshake (RFC 5246 §7.3) follows, on the ticket's master secret and the new randoms.
     */
    private State resume(ServerHello sh, CipherSuiteSpec suite) {
        if (!offered.suite().equals(suite.suite())) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_SUITE_NOT_OFFERED, "the server resumed the session with "
                    + suite.suite() + ", not its suite " + offered.suite());
        }
        hs.session.resumed(true);
        hs.session.peerCertificates(offered.peerCertificates());
        hs.session.localCertificates(offered.localCertificates());
        Tls12Keys keys = hs.deriveKeys(Tls12MasterSecret.restore(suite, offered.psk()), hello.random().toByteArray(),
                sh.random().toByteArray());
        offered.psk().destroy();
        return new ExpectChangeCipherSpec(hs, keys, true);
    }

    /**
     * RFC 5246 §E.1: the server's version is 1.2 (older ones are refused); RFC 8446 §4.1.3: a
     * client that offered TLS 1.3 refuses a server random that carries a downgrade sentinel.
     */
    private void checkVersion(ServerHello sh) {
        if (!sh.legacyVersion().equals(ProtocolVersion.TLSV1_2)) {
            throw new TlsFailure(FailureReason.SERVER_HELLO_VERSION_NOT_ENABLED, "the server negotiated "
                    + sh.legacyVersion() + "; Padlock speaks TLSv1.3 and TLSv1.2 only");
        }
        Bytes tail = sh.random().slice(24, 32);
        if (hs.config.enables(ProtocolVersion.TLSV1_3)
                && (tail.equals(VersionNegotiation.DOWNGRADE_TLS12) || tail.equals(VersionNegotiation.DOWNGRADE_TLS11))) {
            throw new TlsFailure(FailureReason.DOWNGRADE_SENTINEL, "the server negotiated TLSv1.2 but its random "
                    + "carries the RFC 8446 §4.1.3 downgrade sentinel: a TLS 1.3 server was downgraded");
        }
    }

    private void checkExtensions(ServerHello sh) {
        Set<Integer> offered = Negotiation.typesOf(hello.extensions());
        for (Extension e : sh.extensions()) {
            if (!offered.contains(e.type().code())) {
                throw new TlsFailure(FailureReason.EXTENSION_NOT_OFFERED,
                        "the server answered " + e.type() + ", which was not offered");
            }
        }
        if (sh.extension(ExtendedMasterSecretExtension.class).isEmpty()) {
            throw new TlsFailure(FailureReason.EXTENDED_MASTER_SECRET_MISSING, "the server does not support "
                    + "extended_master_secret (RFC 7627), which Padlock requires for TLS 1.2");
        }
        Optional<RenegotiationInfoExtension> ri = sh.extension(RenegotiationInfoExtension.class);
        if (ri.isPresent() && !ri.get().renegotiatedConnection().isEmpty()) {
            throw new TlsFailure(FailureReason.RENEGOTIATION_INFO_NOT_EMPTY,
                    "renegotiation_info is not empty on an initial handshake (RFC 5746 §3.4)");
        }
        Optional<EcPointFormatsExtension> pf = sh.extension(EcPointFormatsExtension.class);
        if (pf.isPresent() && !pf.get().allowsUncompressed()) {
            throw new TlsFailure(FailureReason.EC_POINT_FORMATS_NO_UNCOMPRESSED,
                    "the server's ec_point_formats lacks uncompressed (RFC 8422 §5.1.2)");
        }
        Optional<AlpnExtension> alpn = sh.extension(AlpnExtension.class);
        if (alpn.isPresent()) {
            if (alpn.get().protocolNames().size() != 1) {
                throw new TlsFailure(FailureReason.ALPN_ANSWER_NOT_ONE_PROTOCOL,
                        "the server's ALPN answer must name exactly one protocol (RFC 7301 §3.1)");
            }
            String chosen = Negotiation.alpnString(alpn.get().protocolNames().get(0));
            if (!hs.config.applicationProtocols().contains(chosen)) {
                throw new TlsFailure(FailureReason.ALPN_NOT_OFFERED,
                        "the server selected ALPN protocol '" + chosen + "', which was not offered");
            }
        }
    }
}
