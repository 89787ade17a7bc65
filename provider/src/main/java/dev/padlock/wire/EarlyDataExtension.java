package dev.padlock.wire;

/** early_data in a ClientHello or EncryptedExtensions: an empty body (RFC 8446 §4.2.10). */
public record EarlyDataExtension() implements Extension {

    @Override
    public ExtensionType type() {
        return ExtensionType.EARLY_DATA;
    }

    @Override
    public void encodeBody(TlsWriter w) {
    }

    static EarlyDataExtension decode(TlsReader body) {
        body.expectEnd();
        return new EarlyDataExtension();
    }
}
