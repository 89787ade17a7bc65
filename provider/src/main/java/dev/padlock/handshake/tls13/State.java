package dev.padlock.handshake.tls13;

import dev.padlock.handshake.HandshakeStep;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeMessage;

/**
 * One state of a handshake: it expects certain messages, consumes one, and names the next
 * state. Every message it does not expect is {@code unexpected_message} (RFC 8446 §4).
 */
interface State extends HandshakeStep {

    /**
     * @param message the decoded message
     * @param raw     its exact bytes, header included, for the transcript
     */
    State handle(HandshakeMessage message, Bytes raw);

    /** What this state waits for, for error messages ("expected ServerHello"). */
    String expecting();

    /** True once the handshake is over: post-handshake messages only from here on. */
    default boolean isConnected() {
        return false;
    }

    /** RFC 8446 §5: a peer's CCS is dropped between the first ClientHello and the peer's Finished. */
    default boolean acceptsChangeCipherSpec() {
        return !isConnected();
    }
}
