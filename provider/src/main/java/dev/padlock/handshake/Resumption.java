package dev.padlock.handshake;

import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.TicketKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * Session resumption with PSKs from stateless tickets (RFC 8446 §2.2, §4.6.1), as configured.
 *
 * @param clientCache    client: where received tickets go and offered ones come from (null: none)
 * @param endpointIdentification client: the endpoint identification algorithm the trust manager
 *                       applies to this connection ("" for none); tickets are offered only to
 *                       connections that apply the same one (see {@link ClientSessionCache.Scope})
 * @param ticketKeys     server: the keys that seal and open tickets (null: no tickets, no resumption)
 * @param ticketCount    server: how many NewSessionTickets to send after a handshake (0: none)
 * @param ticketLifetime server: the ticket_lifetime to announce, at most 7 days (§4.6.1)
 */
public record Resumption(ClientSessionCache clientCache, String endpointIdentification, TicketKeys ticketKeys,
        int ticketCount, Duration ticketLifetime) {

    /** RFC 8446 §4.6.1: servers MUST NOT use any value greater than 604800 seconds (7 days). */
    public static final Duration MAX_TICKET_LIFETIME = Duration.ofDays(7);
    public static final Duration DEFAULT_TICKET_LIFETIME = Duration.ofDays(1);
    public static final int DEFAULT_TICKET_COUNT = 2;

    public static final Resumption DISABLED = new Resumption(null, "", null, 0, DEFAULT_TICKET_LIFETIME);

    public Resumption {
        Objects.requireNonNull(endpointIdentification, "endpointIdentification");
        if (ticketCount < 0 || ticketCount > 255) {
            throw new IllegalArgumentException("ticket count must be between 0 and 255: " + ticketCount);
        }
        if (ticketLifetime.isNegative() || ticketLifetime.compareTo(MAX_TICKET_LIFETIME) > 0) {
            throw new IllegalArgumentException("ticket lifetime must be between 0 and 604800 seconds (7 days): "
                    + ticketLifetime.toSeconds());
        }
    }

    /** @param endpointIdentification the algorithm in force, such as "HTTPS"; null or "" for none */
    public static Resumption client(ClientSessionCache cache, String endpointIdentification) {
        return new Resumption(cache, endpointIdentification == null ? "" : endpointIdentification, null, 0,
                DEFAULT_TICKET_LIFETIME);
    }

    public static Resumption server(TicketKeys keys, int ticketCount, Duration ticketLifetime) {
        return new Resumption(null, "", keys, ticketCount, ticketLifetime);
    }
}
