package dev.padlock.wire;

/** HelloRequest (RFC 5246 §7.4.1.1): an empty body; a server's invitation to renegotiate. */
public record HelloRequest() implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.HELLO_REQUEST;
    }

    @Override
    public void encodeBody(TlsWriter w) {
    }

    public static HelloRequest decode(TlsReader body) {
        body.expectEnd();
        return new HelloRequest();
    }
}
