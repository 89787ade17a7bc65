package dev.padlock.wire;

import java.util.Objects;

/** {@code KeyShareEntry}: a group and {@code opaque key_exchange<1..2^16-1>} (RFC 8446 §4.2.8). */
public record KeyShareEntry(NamedGroup group, Bytes keyExchange) {

    public KeyShareEntry {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(keyExchange, "keyExchange");
    }

    static KeyShareEntry read(TlsReader r) {
        NamedGroup group = NamedGroup.read(r, "group");
        // The syntax says key_exchange<1..2^16-1>, but an empty share is a share of the wrong
        // length for its group, which the group's own check answers with illegal_parameter
        // (RFC 8446 §4.2.8.2, RFC 7748), as strict peers and conformance suites expect.
        return new KeyShareEntry(group, r.vector16("key_exchange", 0, 0xFFFF));
    }

    void write(TlsWriter w) {
        group.write(w);
        w.vector16(keyExchange);
    }
}
