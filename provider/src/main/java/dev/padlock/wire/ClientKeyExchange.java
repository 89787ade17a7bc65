package dev.padlock.wire;

import java.util.Objects;

/** ClientKeyExchange for ECDHE (RFC 8422 §5.7): {@code opaque point<1..2^8-1>}, the client's public value. */
public record ClientKeyExchange(Bytes publicKey) implements HandshakeMessage {

    public ClientKeyExchange {
        Objects.requireNonNull(publicKey, "publicKey");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_KEY_EXCHANGE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.vector8(publicKey);
    }

    public static ClientKeyExchange decode(TlsReader body) {
        Bytes point = body.vector8("point", 1, 255);
        body.expectEnd();
        return new ClientKeyExchange(point);
    }
}
