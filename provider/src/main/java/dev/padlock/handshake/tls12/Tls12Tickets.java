package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.handshake.Resumption;
import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.ClientTicket;
import dev.padlock.session.ResumptionState;
import dev.padlock.session.TicketKeys;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SessionTicketExtension;
import dev.padlock.wire.Tls12NewSessionTicket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/**
 * TLS 1.2 session tickets (RFC 5077): the server seals the master secret with the same ticket
 * keys and state format as TLS 1.3 tickets (the state's suite says which version it serves); the
 * client keeps tickets in the same cache, under the same scope.
 */
final class Tls12Tickets {
    /** RFC 5077 §3.3: opaque ticket<0..2^16-1>. */
    private static final int MAX_TICKET_LENGTH = 0xFFFF;

    private Tls12Tickets() {
    }

    /** Server: the client asked for tickets (RFC 5077 §3.2) and this server issues them. */
    static boolean willIssue(Tls12Handshaker hs, ClientHello hello) {
        Resumption r = hs.config.resumption();
        return hello.extension(SessionTicketExtension.class).isPresent() && r.ticketKeys() != null
                && r.ticketCount() > 0 && !r.ticketLifetime().isZero();
    }

    /**
     * Server: the state of the ticket the client offers, if this server sealed it for a TLS 1.2
     * session it can resume now; anything else means a full handshake, no error (RFC 5077 §3.1).
     * RFC 5077 §3.4: resumption is signalled by echoing the client's session ID, so a client
     * that sent none is not resumed.
     */
    static Optional<ResumptionState> accept(Tls12Handshaker hs, ClientHello hello) {
        TicketKeys keys = hs.config.resumption().ticketKeys();
        Optional<SessionTicketExtension> ext = hello.extension(SessionTicketExtension.class);
        if (keys == null || ext.isEmpty() || ext.get().ticket().isEmpty() || hello.legacySessionId().isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> plaintext = keys.open(ext.get().ticket().toByteArray());
        if (plaintext.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResumptionState> state;
        try {
            state = ResumptionState.decode(plaintext.get());
        } finally {
            Arrays.fill(plaintext.get(), (byte) 0);
        }
        if (state.isEmpty()) {
            return state;
        }
        if (!usable(hs, hello, state.get())) {
            state.get().psk().destroy();
            return Optional.empty();
        }
        return state;
    }

    private static boolean usable(Tls12Handshaker hs, ClientHello hello, ResumptionState state) {
        long age = hs.config.clock().millis() - state.createdAt();
        Optional<CipherSuiteSpec> suite = CipherSuiteSpec.of(state.suite());
        return suite.isPresent() && suite.get().isTls12()
                && hs.config.suitesFor(ProtocolVersion.TLSV1_2).contains(suite.get())
                && hello.cipherSuites().contains(state.suite())
                && state.psk().length() == 48
                && age >= 0 && age < state.lifetimeSeconds() * 1000
                // RFC 6066 §3: a session is resumed only for the server name it was made for.
                && state.serverName().equals(hostName(hello));
    }

    /** Server: one NewSessionTicket sealing this session (RFC 5077 §3.3), after the client's Finished. */
    static void issue(Tls12Handshaker hs, Tls12Keys keys, ClientHello hello) {
        Resumption resumption = hs.config.resumption();
        long lifetime = resumption.ticketLifetime().toSeconds();
        String alpn = hs.session.applicationProtocol() == null ? "" : hs.session.applicationProtocol();
        PreSharedKey master = keys.master().forTicket();
        byte[] plaintext;
        try {
            plaintext = new ResumptionState(keys.suite().suite(), master, alpn, hostName(hello),
                    hs.session.peerCertificates(), hs.session.localCertificates(), hs.config.clock().millis(), 0,
                    lifetime).encode();
        } finally {
            master.destroy();
        }
        byte[] ticket;
        try {
            ticket = resumption.ticketKeys().seal(plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
        // RFC 5077 §3.3: a promised ticket that cannot be sent goes as an empty one.
        hs.send(new Tls12NewSessionTicket(lifetime, ticket.length > MAX_TICKET_LENGTH ? Bytes.EMPTY
                : Bytes.wrap(ticket)));
    }

    /** Client: the ticket for the next connection to this server, scoped as TLS 1.3 tickets are. */
    static void keep(Tls12Handshaker hs, Tls12NewSessionTicket nst, Tls12Keys keys) {
        ClientSessionCache cache = hs.config.resumption().clientCache();
        ClientSessionCache.Scope scope = scope(hs);
        if (cache == null || scope == null || nst.ticket().isEmpty()) {
            return;
        }
        // RFC 5077 §3.3: a hint of 0 says nothing; Padlock keeps no ticket beyond 7 days in any version.
        long max = Resumption.MAX_TICKET_LIFETIME.toSeconds();
        long lifetime = nst.lifetimeHint() == 0 ? Resumption.DEFAULT_TICKET_LIFETIME.toSeconds()
                : Math.min(nst.lifetimeHint(), max);
        String alpn = hs.session.applicationProtocol() == null ? "" : hs.session.applicationProtocol();
        cache.put(scope, hs.session.id(), new ClientTicket(nst.ticket(), keys.suite().suite(),
                keys.master().forTicket(), alpn, hostName(hs.config.serverNames()), hs.session.peerCertificates(),
                hs.session.localCertificates(), 0, lifetime, hs.config.clock().millis()));
    }

    /** Client: a cached TLS 1.2 ticket for this server that an enabled suite can resume, or null. */
    static ClientTicket offerable(Tls12Handshaker hs) {
        ClientSessionCache cache = hs.config.resumption().clientCache();
        ClientSessionCache.Scope scope = scope(hs);
        if (cache == null || scope == null) {
            return null;
        }
        return cache.take(scope).filter(t -> CipherSuiteSpec.of(t.suite())
                .filter(s -> hs.config.suitesFor(ProtocolVersion.TLSV1_2).contains(s)).isPresent()).orElse(null);
    }

    private static ClientSessionCache.Scope scope(Tls12Handshaker hs) {
        if (hs.config.peerHost() == null) {
            return null;
        }
        return new ClientSessionCache.Scope(hs.config.peerHost(), hs.config.peerPort(),
                hostName(hs.config.serverNames()), hs.config.resumption().endpointIdentification());
    }

    private static String hostName(List<SNIServerName> names) {
        for (SNIServerName name : names) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME) {
                return new String(name.getEncoded(), StandardCharsets.US_ASCII);
            }
        }
        return "";
    }

    private static String hostName(ClientHello hello) {
        for (ServerName name : hello.extension(ServerNameExtension.class).map(ServerNameExtension::names)
                .orElse(List.of())) {
            if (name.nameType() == StandardConstants.SNI_HOST_NAME) {
                return new String(name.name().toByteArray(), StandardCharsets.US_ASCII);
            }
        }
        return "";
    }
}
