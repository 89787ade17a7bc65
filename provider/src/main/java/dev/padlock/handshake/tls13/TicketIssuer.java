package dev.padlock.handshake.tls13;

import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.handshake.Resumption;
import dev.padlock.session.ResumptionState;
import dev.padlock.session.TicketKeys;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.NewSessionTicket;
import java.util.Arrays;
import java.util.List;

/**
 * Server: NewSessionTickets after the client's Finished (RFC 8446 §4.6.1). The tickets are
 * stateless: each carries its resumption state sealed under the server's ticket key.
 */
final class TicketIssuer {
    /** RFC 8446 §4.6.1: opaque ticket<1..2^16-1>. */
    static final int MAX_TICKET_LENGTH = 0xFFFF;

    private TicketIssuer() {
    }

    /**
     * @param resumptionMasterSecret this connection's resumption_master_secret (RFC 8446 §7.1)
     * @param clientWantsTickets     the client sent psk_key_exchange_modes with psk_dhe_ke
     * @param serverName             the host_name the client asked for, or ""
     */
    static void issue(ServerHandshaker hs, ResumptionMasterSecret resumptionMasterSecret, boolean clientWantsTickets,
            String serverName) {
        Resumption resumption = hs.config.resumption();
        TicketKeys keys = resumption.ticketKeys();
        long lifetime = resumption.ticketLifetime().toSeconds();
        if (!clientWantsTickets || keys == null || resumption.ticketCount() == 0 || lifetime == 0) {
            return;
        }
        long now = hs.config.clock().millis();
        String alpn = hs.session.applicationProtocol() == null ? "" : hs.session.applicationProtocol();
        for (int i = 0; i < resumption.ticketCount(); i++) {
            // §4.6.1: the nonce must be unique among this connection's tickets.
            byte[] nonce = {(byte) i};
            long ageAdd = hs.config.random().nextInt() & 0xFFFFFFFFL;
            PreSharedKey psk = resumptionMasterSecret.psk(nonce);
            byte[] plaintext;
            try {
                plaintext = new ResumptionState(resumptionMasterSecret.suite().suite(), psk, alpn, serverName,
                        hs.session.peerCertificates(), hs.session.localCertificates(), now, ageAdd, lifetime).encode();
            } finally {
                // The ticket carries the PSK from here on; the server keeps no copy.
                psk.destroy();
            }
            byte[] ticket;
            try {
                ticket = keys.seal(plaintext);
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
            if (ticket.length > MAX_TICKET_LENGTH) {
                // Both certificate chains did not fit in opaque ticket<1..2^16-1> (§4.6.1); every
                // ticket of this connection would be as long, so it gets none and is not resumed.
                return;
            }
            hs.out.sendHandshake(new NewSessionTicket(lifetime, ageAdd, Bytes.wrap(nonce), Bytes.wrap(ticket),
                    List.of()).encode());
        }
    }
}
