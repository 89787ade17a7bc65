package dev.padlock.session;

import dev.padlock.crypto.PreSharedKey;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A NewSessionTicket as the client keeps it (RFC 8446 §4.6.1): the opaque ticket and what
 * resuming with it needs.
 *
 * @param ticket              the opaque ticket, the PSK identity
 * @param suite               the suite of the handshake that issued it; the PSK goes with its hash
 * @param psk                 HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)
 * @param applicationProtocol the ALPN result of that handshake ("" for none)
 * @param serverName          the host_name sent in that handshake ("" for none)
 * @param peerCertificates    the server's certificate chain, which a resumed session reports
 * @param ticketAgeAdd        the server's ticket_age_add
 * @param localCertificates   our own chain in the original handshake (client authentication)
 * @param lifetimeSeconds     the server's ticket_lifetime
 * @param receivedAt          when the ticket arrived, in epoch milliseconds
 */
public record ClientTicket(Bytes ticket, CipherSuite suite, PreSharedKey psk, String applicationProtocol,
        String serverName, List<X509Certificate> peerCertificates, List<X509Certificate> localCertificates,
        long ticketAgeAdd, long lifetimeSeconds, long receivedAt) {

    public ClientTicket {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(psk, "psk");
        Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        Objects.requireNonNull(serverName, "serverName");
        peerCertificates = List.copyOf(peerCertificates);
        localCertificates = List.copyOf(localCertificates);
    }

    /** RFC 8446 §4.2.11.1: the age in milliseconds plus ticket_age_add, modulo 2^32. */
    public long obfuscatedAge(long now) {
        return (Math.max(0, now - receivedAt) + ticketAgeAdd) & 0xFFFFFFFFL;
    }

    /**
     * RFC 8446 §4.6.1: a ticket is not used beyond its lifetime; nor, here, beyond the session
     * timeout of the client's session context (0: no such limit).
     */
    public boolean isUsable(long now, long timeoutSeconds) {
        long age = now - receivedAt;
        long limit = timeoutSeconds > 0 ? Math.min(lifetimeSeconds, timeoutSeconds) : lifetimeSeconds;
        return age >= 0 && age < limit * 1000;
    }

    @Override
    public String toString() {
        return "ClientTicket(" + suite + ", " + ticket.length() + "-byte ticket, lifetime " + lifetimeSeconds + "s)";
    }
}
