package dev.padlock.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * NewSessionTicket (RFC 8446 §4.6.1): {@code uint32 ticket_lifetime}, {@code uint32 ticket_age_add},
 * {@code opaque ticket_nonce<0..255>}, {@code opaque ticket<1..2^16-1>},
 * {@code Extension extensions<0..2^16-2>}.
 */
public record NewSessionTicket(long ticketLifetime, long ticketAgeAdd, Bytes ticketNonce, Bytes ticket,
        List<Extension> extensions) implements HandshakeMessage {

    public NewSessionTicket {
        checkU32(ticketLifetime, "ticket_lifetime");
        checkU32(ticketAgeAdd, "ticket_age_add");
        Objects.requireNonNull(ticketNonce, "ticketNonce");
        Objects.requireNonNull(ticket, "ticket");
        extensions = List.copyOf(extensions);
    }

    private static void checkU32(long v, String field) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(field + " out of range: " + v);
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u32(ticketLifetime).u32(ticketAgeAdd).vector8(ticketNonce).vector16(ticket);
        Extensions.encodeList(w, extensions);
    }

    public static NewSessionTicket decode(TlsReader body) {
        long lifetime = body.u32("ticket_lifetime");
        long ageAdd = body.u32("ticket_age_add");
        Bytes nonce = body.vector8("ticket_nonce", 0, 255);
        Bytes ticket = body.vector16("ticket", 1, 0xFFFF);
        List<Extension> extensions = Extensions.decodeList(body, HandshakeType.NEW_SESSION_TICKET, false);
        body.expectEnd();
        return new NewSessionTicket(lifetime, ageAdd, nonce, ticket, extensions);
    }
}
