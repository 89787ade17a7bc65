package dev.padlock.wire;

/** extended_master_secret (RFC 7627 §5.1): empty extension_data, in ClientHello and ServerHello. */
public record ExtendedMasterSecretExtension() implements Extension {

    @Override
    public ExtensionType type() {
        return ExtensionType.EXTENDED_MASTER_SECRET;
    }

    @Override
    public void encodeBody(TlsWriter w) {
    }

    static ExtendedMasterSecretExtension decode(TlsReader body) {
        // RFC 7627 §5.1: "The extension_data field of this extension SHALL be empty."
        body.expectEnd();
        return new ExtendedMasterSecretExtension();
    }
}
