package dev.padlock.wire;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One entry of a ServerNameList (RFC 6066 §3). Only {@code host_name} (0) is defined; other
 * types are read with the same {@code opaque<1..2^16-1>} layout and kept unchanged.
 */
public record ServerName(int nameType, Bytes name) {
    public static final int HOST_NAME = 0;

    public ServerName {
        if (nameType < 0 || nameType > 0xFF) {
            throw new IllegalArgumentException("name_type out of range: " + nameType);
        }
        Objects.requireNonNull(name, "name");
    }

    /** A host_name entry: the ASCII bytes of {@code host}, without a trailing dot (RFC 6066 §3). */
    public static ServerName hostName(String host) {
        return new ServerName(HOST_NAME, Bytes.wrap(host.getBytes(StandardCharsets.US_ASCII)));
    }

    static ServerName read(TlsReader r) {
        int type = r.u8("name_type");
        return new ServerName(type, r.vector16("host_name", 1, 0xFFFF));
    }

    void write(TlsWriter w) {
        w.u8(nameType).vector16(name);
    }
}
