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
        return new KeyShareEntry(group, r.vector16("key_exchange", 1, 0xFFFF));
    }

    void write(TlsWriter w) {
        group.write(w);
        w.vector16(keyExchange);
    }
}
