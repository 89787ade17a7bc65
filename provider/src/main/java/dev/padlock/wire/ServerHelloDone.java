package dev.padlock.wire;

/** ServerHelloDone (RFC 5246 §7.4.5): an empty body. */
public record ServerHelloDone() implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO_DONE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
    }

    public static ServerHelloDone decode(TlsReader body) {
        body.expectEnd();
        return new ServerHelloDone();
    }
}
