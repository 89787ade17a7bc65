package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.HandshakeStep;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeMessage;

/**
 * One state of a TLS 1.3 handshake: it expects certain messages, consumes one, and names the
 * next state. Every message it does not expect is {@code unexpected_message} (RFC 8446 §4).
 * What a state learns that a later one needs goes into the next state's constructor: the
 * states are values, and the handshaker holds no per-handshake field that they write.
 */
sealed interface State extends HandshakeStep permits ExpectServerHello, ExpectEncryptedExtensions,
        ExpectCertificateOrCertificateRequest, ExpectServerCertificate, ExpectServerCertificateVerify,
        ExpectServerFinished, ExpectClientHello, ExpectClientCertificate, ExpectClientCertificateVerify,
        ExpectClientFinished, Connected {

    /**
     * @param message the decoded message
     * @param raw     its exact bytes, header included, for the transcript
     */
    State handle(HandshakeMessage message, Bytes raw);

    /** What this state waits for, for error messages ("expected ServerHello"). */
    @Override
    String expecting();

    /**
     * The suite a ServerHello or HelloRetryRequest fixed, or null before one did. Its hash
     * length is the length of Finished.verify_data (RFC 8446 §4.4.4).
     */
    CipherSuiteSpec suite();

    /** True once the handshake is over: post-handshake messages only from here on. */
    default boolean isConnected() {
        return false;
    }

    /** RFC 8446 §5: a peer's CCS is dropped between the first ClientHello and the peer's Finished. */
    default boolean acceptsChangeCipherSpec() {
        return !isConnected();
    }
}
