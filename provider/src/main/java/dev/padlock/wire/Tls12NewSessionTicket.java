package dev.padlock.wire;

import java.util.Objects;

/** NewSessionTicket of RFC 5077 §3.3: {@code uint32 ticket_lifetime_hint}, {@code opaque ticket<0..2^16-1>}. */
public record Tls12NewSessionTicket(long lifetimeHint, Bytes ticket) implements HandshakeMessage {

    public Tls12NewSessionTicket {
        Objects.requireNonNull(ticket, "ticket");
        if (lifetimeHint < 0 || lifetimeHint > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("ticket_lifetime_hint out of range: " + lifetimeHint);
        }
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.NEW_SESSION_TICKET;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u32(lifetimeHint);
        w.vector16(ticket);
    }

    public static Tls12NewSessionTicket decode(TlsReader body) {
        long hint = body.u32("ticket_lifetime_hint");
        Bytes ticket = body.vector16("ticket", 0, 0xFFFF);
        body.expectEnd();
        return new Tls12NewSessionTicket(hint, ticket);
    }

    @Override
    public String toString() {
        return "Tls12NewSessionTicket[hint " + lifetimeHint + " s, " + ticket.length() + " bytes]";
    }
}
