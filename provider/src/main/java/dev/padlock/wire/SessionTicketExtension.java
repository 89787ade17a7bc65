package dev.padlock.wire;

import java.util.Objects;

/**
 * SessionTicket (RFC 5077 §3.2): in a ClientHello the ticket offered (empty: "I support tickets,
 * send me one"); in a ServerHello always empty, promising a NewSessionTicket.
 */
public record SessionTicketExtension(Bytes ticket) implements Extension {
    public static final SessionTicketExtension EMPTY = new SessionTicketExtension(Bytes.EMPTY);

    public SessionTicketExtension {
        Objects.requireNonNull(ticket, "ticket");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SESSION_TICKET;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.bytes(ticket);
    }

    static SessionTicketExtension decode(TlsReader body) {
        return new SessionTicketExtension(body.rest());
    }

    @Override
    public String toString() {
        return "SessionTicketExtension[" + ticket.length() + " bytes]";
    }
}
