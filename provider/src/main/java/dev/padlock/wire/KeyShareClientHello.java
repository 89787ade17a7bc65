package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * key_share in a ClientHello: {@code KeyShareEntry client_shares<0..2^16-1>} (RFC 8446 §4.2.8).
 * An empty list is legal (the client asks the server to choose via HelloRetryRequest).
 */
public record KeyShareClientHello(List<KeyShareEntry> shares) implements Extension {

    public KeyShareClientHello {
        shares = List.copyOf(shares);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.KEY_SHARE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16Prefixed(l -> shares.forEach(s -> s.write(l)));
    }

    static KeyShareClientHello decode(TlsReader body) {
        TlsReader list = body.sub16("client_shares", 0, 0xFFFF);
        List<KeyShareEntry> shares = new ArrayList<>();
        while (list.hasRemaining()) {
            shares.add(KeyShareEntry.read(list));
        }
        body.expectEnd();
        return new KeyShareClientHello(shares);
    }
}
