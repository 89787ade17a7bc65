package dev.padlock.handshake;

/**
 * A point in a handshake of any protocol version, named by what it waits for. Each version's
 * states are such points, so that a message out of place reads the same whichever machine
 * runs: "received Finished while expecting ServerHello" (RFC 8446 §4, RFC 5246 §7.4).
 */
public interface HandshakeStep {

    /** What this point waits for, for error messages ("expecting ServerHello"). */
    String expecting();
}
