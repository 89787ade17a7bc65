package dev.padlock.wire;

import java.util.Objects;

/** {@code PskIdentity}: {@code opaque identity<1..2^16-1>} and {@code uint32 obfuscated_ticket_age} (RFC 8446 §4.2.11). */
public record PskIdentity(Bytes identity, long obfuscatedTicketAge) {

    public PskIdentity {
        Objects.requireNonNull(identity, "identity");
        if (obfuscatedTicketAge < 0 || obfuscatedTicketAge > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("obfuscated_ticket_age out of range: " + obfuscatedTicketAge);
        }
    }

    static PskIdentity read(TlsReader r) {
        Bytes identity = r.vector16("identity", 1, 0xFFFF);
        return new PskIdentity(identity, r.u32("obfuscated_ticket_age"));
    }

    void write(TlsWriter w) {
        w.vector16(identity).u32(obfuscatedTicketAge);
    }
}
