package dev.padlock.wire;

/**
 * padding (RFC 7685 §3): {@code length} zero bytes. RFC 7685 requires the sender to fill the
 * body with zeros; we hold only the length, so a non-zero byte is {@code decode_error} (it could
 * not re-encode byte for byte).
 */
public record PaddingExtension(int length) implements Extension {

    public PaddingExtension {
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("padding length out of range: " + length);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PADDING;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.bytes(new byte[length]);
    }

    static PaddingExtension decode(TlsReader body) {
        int n = body.remaining();
        for (int i = 0; i < n; i++) {
            if (body.u8("padding") != 0) {
                throw body.fail("padding", "non-zero byte at offset " + i);
            }
        }
        return new PaddingExtension(n);
    }
}
