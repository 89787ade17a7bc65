package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ClientKeyShares;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.crypto.Transcript;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.LiveSecrets;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.Resumption;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.ClientTicket;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Extension;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareClientHello;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.PskIdentity;
import dev.padlock.wire.PskKeyExchangeMode;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.RecordSizeLimitExtension;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SessionTicketExtension;
import dev.padlock.wire.SignatureAlgorithmsCertExtension;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.SupportedVersionsClientHello;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/** The client side of RFC 8446 §2: ClientHello, then the states named Expect*. */
public final class ClientHandshaker extends Tls13Handshaker {

    ClientHandshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session, LiveSecrets secrets) {
        super(config, out, session, secrets);
    }

    @Override
    public void start() {
        byte[] random = new byte[32];
        config.random().nextBytes(random);
        ClientTicket offered = usableTicket();
        if (offered != null) {
            secrets.hold("psk", offered.psk());
        }
        // RFC 8446 §D.4: in middlebox compatibility mode the client sends a non-empty
        // legacy_session_id, which also tells the server to send its change_cipher_spec; RFC
        // 5077 §3.4: beside a TLS 1.2 ticket, one shows whether a TLS 1.2 server resumed.
        byte[] sessionId = new byte[config.middleboxCompatibility() || offeredTls12 != null ? 32 : 0];
        config.random().nextBytes(sessionId);

        ClientKeyShares shares = ClientKeyShares.start(config.namedGroups(), config.keyShareCount(), config.random());
        session.localSignatureSchemes(Negotiation.union(config.signatureSchemes(), config.signatureSchemesCert()));
        session.requestedServerNames(config.serverNames());
        ClientHello hello = withPsk(new ClientHello(ProtocolVersion.TLSV1_2, Bytes.wrap(random),
                Bytes.wrap(sessionId), suites(), Bytes.of((byte) 0), extensions(shares)), offered);
        offeredExtensions = Negotiation.typesOf(hello.extensions());
        firstClientHello = hello;
        send(hello);
        begin(new ExpectServerHello(this, hello, shares, offered));
    }

    /** The extension types of our ClientHello, which the server's extensions must answer. */
    Set<Integer> offeredExtensions() {
        return offeredExtensions;
    }

    /** The first ClientHello as sent, from which a TLS 1.2 machine continues. */
    public ClientHello firstClientHello() {
        return firstClientHello;
    }

    /** The TLS 1.2 ticket the ClientHello offers in session_ticket (RFC 5077 §3.1), or null. */
    public ClientTicket offeredTls12Ticket() {
        return offeredTls12;
    }

    private ClientHello firstClientHello;
    private ClientTicket offeredTls12;
    private Set<Integer> offeredExtensions = Set.of();
    private boolean changeCipherSpecSent;
    private int ticketsReceived;

    /**
     * RFC 8446 §4.6.1: keep the ticket with the PSK derived from its nonce. A lifetime of 0
     * means "discard"; clients must not keep a ticket beyond 7 days whatever the server says.
     */
    void onNewSessionTicket(NewSessionTicket ticket, CipherSuiteSpec suite) {
        Negotiation.checkAllowed(ticket.extensions(), HandshakeType.NEW_SESSION_TICKET);
        ticketsReceived++;
        ClientSessionCache cache = config.resumption().clientCache();
        ResumptionMasterSecret resumptionMasterSecret = resumptionMasterSecret();
        if (cache == null || resumptionMasterSecret == null || resumptionMasterSecret.isDestroyed()
                || ticket.ticketLifetime() == 0) {
            return;
        }
        long lifetime = Math.min(ticket.ticketLifetime(), Resumption.MAX_TICKET_LIFETIME.toSeconds());
        PreSharedKey psk = resumptionMasterSecret.psk(ticket.ticketNonce().toByteArray());
        String alpn = session.applicationProtocol() == null ? "" : session.applicationProtocol();
        cache.put(ticketScope(), session.id(), new ClientTicket(ticket.ticket(), suite.suite(),
                psk, alpn, hostName(config.serverNames()), session.peerCertificates(),
                session.localCertificates(), ticket.ticketAgeAdd(), lifetime, config.clock().millis()));
    }

    /**
     * The connections this one's tickets may serve: same server, same SNI, same endpoint
     * identification (RFC 8446 §4.6.1). Null without a peer host: such tickets are not kept.
     */
    private ClientSessionCache.Scope ticketScope() {
        if (config.peerHost() == null) {
            return null;
        }
        return new ClientSessionCache.Scope(config.peerHost(), config.peerPort(), hostName(config.serverNames()),
                config.resumption().endpointIdentification());
    }

    /** The newest unexpired ticket for this server and scope whose suite is still enabled. */
    private ClientTicket usableTicket() {
        ClientSessionCache cache = config.resumption().clientCache();
        if (cache == null) {
            return null;
        }
        Optional<ClientTicket> ticket = cache.take(ticketScope());
        if (ticket.isPresent() && config.suitesFor(ProtocolVersion.TLSV1_2).stream()
                .anyMatch(s -> s.suite().equals(ticket.get().suite()))) {
            // A TLS 1.2 session's ticket goes in session_ticket, for a TLS 1.2 server to resume.
            secrets.hold("ticket_master_secret", ticket.get().psk());
            offeredTls12 = ticket.get();
            return null;
        }
        if (ticket.isEmpty() || config.suitesFor(ProtocolVersion.TLSV1_3).stream()
                .noneMatch(s -> s.suite().equals(ticket.get().suite()))) {
            return null;
        }
        return ticket.get();
    }

    /**
     * Appends pre_shared_key, which must come last (RFC 8446 §4.2.11), with the binder over the
     * transcript so far and Truncate(ClientHello): first encoded with a zero binder of the right
     * length, which the truncation cuts off, then filled in (§4.2.11.2).
     *
     * @param offered the ticket to offer, or null for none; taken from the cache, so offered in
     *                this connection only (RFC 8446 §C.4)
     */
    ClientHello withPsk(ClientHello hello, ClientTicket offered) {
        if (offered == null) {
            return hello;
        }
        CipherSuiteSpec spec = CipherSuiteSpec.of(offered.suite()).orElseThrow();
        PskIdentity identity = new PskIdentity(offered.ticket(), offered.obfuscatedAge(config.clock().millis()));
        List<Extension> ext = new ArrayList<>(hello.extensions());
        ext.add(new PreSharedKeyClientHello(List.of(identity), List.of(Bytes.wrap(new byte[spec.hashLength()]))));
        ClientHello placeholder = copy(hello, ext);
        Bytes encoded = placeholder.encode();
        Bytes truncated = encoded.slice(0, encoded.length() - placeholder.bindersLength());
        Transcript forBinder = transcript;
        if (!transcript.isBegun()) {
            forBinder = new Transcript();
            forBinder.begin(spec);
        }
        EarlySecret early = secrets.hold("early_secret", EarlySecret.withPsk(spec, offered.psk()));
        byte[] binder = early.computeBinder(true, forBinder.hashOf(truncated));
        // RFC 8446 §7.1: this Early Secret served the binder only; ServerHello brings the one that goes on.
        secrets.erase(early);
        ext.set(ext.size() - 1, new PreSharedKeyClientHello(List.of(identity), List.of(Bytes.wrap(binder))));
        return copy(hello, ext);
    }

    private static ClientHello copy(ClientHello hello, List<Extension> extensions) {
        return new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(), hello.cipherSuites(),
                hello.legacyCompressionMethods(), extensions);
    }

    /** The host_name among the server names we send, or "". */
    static String hostName(List<SNIServerName> names) {
        for (SNIServerName name : names) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                return new String(name.getEncoded(), StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    @Override
    public boolean rejectedEarlyData() {
        return false;
    }

    /** How many NewSessionTicket messages the server sent after the handshake. */
    public int ticketsReceived() {
        return ticketsReceived;
    }

    /** RFC 8446 §D.4: one change_cipher_spec, before the second ClientHello or the second flight. */
    void sendCompatibilityChangeCipherSpec() {
        if (config.middleboxCompatibility() && !changeCipherSpecSent) {
            changeCipherSpecSent = true;
            out.sendChangeCipherSpec();
        }
    }

    private List<CipherSuite> suites() {
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuiteSpec spec : config.cipherSuites()) {
            if (!spec.isTls12() || config.enables(ProtocolVersion.TLSV1_2)) {
                suites.add(spec.suite());
            }
        }
        return suites;
    }

    /** The ClientHello extensions, with {@code shares} as the key_share list. */
    List<Extension> extensions(ClientKeyShares shares) {
        List<Extension> ext = new ArrayList<>();
        if (!config.serverNames().isEmpty()) {
            List<ServerName> names = new ArrayList<>();
            for (SNIServerName name : config.serverNames()) {
                names.add(new ServerName(name.getType(), Bytes.of(name.getEncoded())));
            }
            ext.add(new ServerNameExtension(names));
        }
        ext.add(new SupportedGroupsExtension(config.namedGroups()));
        ext.add(new SignatureAlgorithmsExtension(config.enables(ProtocolVersion.TLSV1_2)
                ? Tls12Offer.signatureSchemes(config) : config.signatureSchemes()));
        if (!config.signatureSchemesCert().equals(config.signatureSchemes())) {
            ext.add(new SignatureAlgorithmsCertExtension(config.signatureSchemesCert()));
        }
        ext.add(new SupportedVersionsClientHello(offeredVersions()));
        ext.add(new KeyShareClientHello(shares.entries()));
        ext.add(new PskKeyExchangeModesExtension(List.of(PskKeyExchangeMode.PSK_DHE_KE)));
        if (!config.applicationProtocols().isEmpty()) {
            List<Bytes> names = new ArrayList<>();
            for (String p : config.applicationProtocols()) {
                names.add(Negotiation.alpnBytes(p));
            }
            ext.add(new AlpnExtension(names));
        }
        if (config.recordSizeLimit() > 0) {
            ext.add(new RecordSizeLimitExtension(config.recordSizeLimit()));
        }
        if (config.helloAuthorities()) {
            // RFC 8446 §4.2.4: lets the server's key manager pick a chain we trust.
            Negotiation.certificateAuthorities(config.peerTrust().acceptedIssuers()).ifPresent(ext::add);
        }
        if (config.enables(ProtocolVersion.TLSV1_2)) {
            ext.addAll(Tls12Offer.clientHelloExtensions());
            ext.add(offeredTls12 == null ? SessionTicketExtension.EMPTY : new SessionTicketExtension(offeredTls12.ticket()));
        }
        return ext;
    }

    /** RFC 8446 §4.2.1: the enabled versions, highest first. */
    private List<ProtocolVersion> offeredVersions() {
        return config.enables(ProtocolVersion.TLSV1_2)
                ? List.of(ProtocolVersion.TLSV1_3, ProtocolVersion.TLSV1_2) : List.of(ProtocolVersion.TLSV1_3);
    }
}
