package dev.padlock.wire;

/** EndOfEarlyData (RFC 8446 §4.5): an empty body. */
public record EndOfEarlyData() implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.END_OF_EARLY_DATA;
    }

    @Override
    public void encodeBody(TlsWriter w) {
    }

    public static EndOfEarlyData decode(TlsReader body) {
        body.expectEnd();
        return new EndOfEarlyData();
    }
}
