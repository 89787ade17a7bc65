package dev.padlock.wire;

import java.util.Objects;

/**
 * ec_point_formats (RFC 8422 §5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}.
 * Only uncompressed (0) is defined for use; a list without it is illegal_parameter (§5.1.2).
 */
public record EcPointFormatsExtension(Bytes formats) implements Extension {
    public static final int UNCOMPRESSED = 0;
    public static final EcPointFormatsExtension UNCOMPRESSED_ONLY =
            new EcPointFormatsExtension(Bytes.of((byte) UNCOMPRESSED));

    public EcPointFormatsExtension {
        Objects.requireNonNull(formats, "formats");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.EC_POINT_FORMATS;
    }

    public boolean allowsUncompressed() {
        for (int i = 0; i < formats.length(); i++) {
            if ((formats.get(i) & 0xFF) == UNCOMPRESSED) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(formats);
    }

    static EcPointFormatsExtension decode(TlsReader body) {
        Bytes formats = body.vector8("ec_point_format_list", 1, 255);
        body.expectEnd();
        return new EcPointFormatsExtension(formats);
    }
}
