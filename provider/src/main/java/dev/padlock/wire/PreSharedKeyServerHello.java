package dev.padlock.wire;

/** pre_shared_key in a ServerHello: {@code uint16 selected_identity} (RFC 8446 §4.2.11). */
public record PreSharedKeyServerHello(int selectedIdentity) implements Extension {

    public PreSharedKeyServerHello {
        if (selectedIdentity < 0 || selectedIdentity > 0xFFFF) {
            throw new IllegalArgumentException("selected_identity out of range: " + selectedIdentity);
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16(selectedIdentity);
    }

    static PreSharedKeyServerHello decode(TlsReader body) {
        int selected = body.u16("selected_identity");
        body.expectEnd();
        return new PreSharedKeyServerHello(selected);
    }
}
