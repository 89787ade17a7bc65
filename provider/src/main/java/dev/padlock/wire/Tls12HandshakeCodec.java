package dev.padlock.wire;

/** Decodes a TLS 1.2 handshake message body by its type (RFC 5246 §7.4, RFC 8422 §5, RFC 5077 §3.3). */
public final class Tls12HandshakeCodec {
    /** RFC 5246 §7.4.9: verify_data_length is 12 for every suite Padlock speaks. */
    public static final int VERIFY_DATA_LENGTH = 12;

    private Tls12HandshakeCodec() {
    }

    /**
     * Decodes {@code body} (without the 4-byte header) as a TLS 1.2 message of {@code type}; a
     * type TLS 1.2 does not define is {@code unexpected_message}.
     */
    public static HandshakeMessage decode(HandshakeType type, Bytes body) {
        int c = type.code();
        TlsReader r = TlsReader.of(body, type.name());
        if (c == HandshakeType.HELLO_REQUEST.code()) {
            return HelloRequest.decode(r);
        } else if (c == HandshakeType.CLIENT_HELLO.code()) {
            return ClientHello.decode(r);
        } else if (c == HandshakeType.SERVER_HELLO.code()) {
            return ServerHello.decode(r);
        } else if (c == HandshakeType.NEW_SESSION_TICKET.code()) {
            return Tls12NewSessionTicket.decode(r);
        } else if (c == HandshakeType.CERTIFICATE.code()) {
            return Tls12Certificate.decode(r);
        } else if (c == HandshakeType.SERVER_KEY_EXCHANGE.code()) {
            return ServerKeyExchange.decode(r);
        } else if (c == HandshakeType.CERTIFICATE_REQUEST.code()) {
            return Tls12CertificateRequest.decode(r);
        } else if (c == HandshakeType.SERVER_HELLO_DONE.code()) {
            return ServerHelloDone.decode(r);
        } else if (c == HandshakeType.CERTIFICATE_VERIFY.code()) {
            return CertificateVerify.decode(r);
        } else if (c == HandshakeType.CLIENT_KEY_EXCHANGE.code()) {
            return ClientKeyExchange.decode(r);
        } else if (c == HandshakeType.FINISHED.code()) {
            return Finished.decode(r, VERIFY_DATA_LENGTH);
        }
        throw new TlsFailure(FailureReason.UNKNOWN_HANDSHAKE_TYPE, "unexpected handshake message type " + type);
    }
}
