package dev.padlock.wire;

/** Decodes a handshake message body by its type. */
public final class HandshakeCodec {
    private HandshakeCodec() {
    }

    /**
     * Decodes {@code body} (the message without its 4-byte header) as a message of {@code type};
     * {@code hashLength} is the negotiated hash's length, for Finished. A type that is not a
     * TLS 1.3 handshake message is {@code unexpected_message}.
     */
    public static HandshakeMessage decode(HandshakeType type, Bytes body, int hashLength) {
        int c = type.code();
        TlsReader r = TlsReader.of(body, contextName(type));
        if (c == HandshakeType.CLIENT_HELLO.code()) {
            return ClientHello.decode(r);
        } else if (c == HandshakeType.SERVER_HELLO.code()) {
            return ServerHello.decode(r);
        } else if (c == HandshakeType.NEW_SESSION_TICKET.code()) {
            return NewSessionTicket.decode(r);
        } else if (c == HandshakeType.END_OF_EARLY_DATA.code()) {
            return EndOfEarlyData.decode(r);
        } else if (c == HandshakeType.ENCRYPTED_EXTENSIONS.code()) {
            return EncryptedExtensions.decode(r);
        } else if (c == HandshakeType.CERTIFICATE.code()) {
            return Certificate.decode(r);
        } else if (c == HandshakeType.CERTIFICATE_REQUEST.code()) {
            return CertificateRequest.decode(r);
        } else if (c == HandshakeType.CERTIFICATE_VERIFY.code()) {
            return CertificateVerify.decode(r);
        } else if (c == HandshakeType.FINISHED.code()) {
            return Finished.decode(r, hashLength);
        } else if (c == HandshakeType.KEY_UPDATE.code()) {
            return KeyUpdate.decode(r);
        }
        throw new TlsFailure(FailureReason.UNKNOWN_HANDSHAKE_TYPE, "unexpected handshake message type " + type);
    }

    private static String contextName(HandshakeType type) {
        StringBuilder sb = new StringBuilder();
        for (String part : type.name().split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
