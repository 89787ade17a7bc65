package dev.padlock.wire;

import java.util.Objects;

/** cookie: {@code opaque cookie<1..2^16-1>} (RFC 8446 §4.2.2). */
public record CookieExtension(Bytes cookie) implements Extension {

    public CookieExtension {
        Objects.requireNonNull(cookie, "cookie");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.COOKIE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector16(cookie);
    }

    static CookieExtension decode(TlsReader body) {
        Bytes cookie = body.vector16("cookie", 1, 0xFFFF);
        body.expectEnd();
        return new CookieExtension(cookie);
    }
}
