package dev.padlock.wire;

/** A handshake message of TLS 1.3 (RFC 8446 §4) or TLS 1.2 (RFC 5246 §7.4). */
public sealed interface HandshakeMessage
        permits ClientHello, ServerHello, EncryptedExtensions, CertificateRequest, Certificate,
                CertificateVerify, Finished, NewSessionTicket, KeyUpdate, EndOfEarlyData,
                HelloRequest, ServerKeyExchange, ServerHelloDone, ClientKeyExchange, Tls12Certificate,
                Tls12CertificateRequest, Tls12NewSessionTicket {

    HandshakeType type();

    /** Writes the message body, without the 4-byte handshake header. */
    void encodeBody(TlsWriter w);

    /** The whole message, header included (msg_type u8, length u24): the bytes the transcript hashes. */
    default Bytes encode() {
        TlsWriter w = new TlsWriter(256);
        type().write(w);
        w.u24Prefixed(this::encodeBody);
        return w.toBytes();
    }
}
