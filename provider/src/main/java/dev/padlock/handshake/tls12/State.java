package dev.padlock.handshake.tls12;

import dev.padlock.handshake.HandshakeStep;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;

/**
 * One state of a TLS 1.2 handshake (RFC 5246 §7.3): it expects certain messages, or the peer's
 * ChangeCipherSpec, consumes one and names the next state. What a state learns that a later one
 * needs goes into the next state's constructor.
 */
sealed interface State extends HandshakeStep permits ExpectServerHello, ExpectServerCertificate,
        ExpectServerKeyExchange, ExpectServerHelloDone, ExpectChangeCipherSpec,
        ExpectFinished, ExpectClientHello, ExpectClientCertificate, ExpectClientKeyExchange,
        ExpectClientCertificateVerify, Connected {

    /**
     * @param message the decoded message
     * @param raw     its exact bytes, header included, for the transcript
     */
    State handle(HandshakeMessage message, Bytes raw);

    /** RFC 5246 §7.1: ChangeCipherSpec comes right before the peer's Finished, nowhere else. */
    default boolean acceptsChangeCipherSpec() {
        return false;
    }

    /** The peer's ChangeCipherSpec: its next record is under the new keys. */
    default State onChangeCipherSpec() {
        throw new TlsFailure(FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC,
                "unexpected change_cipher_spec while " + expecting());
    }

    default boolean isConnected() {
        return false;
    }
}
