package dev.padlock.core;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.HandshakeType;

/**
 * Watches one connection: the opt-in key log and the debug log hang here. Every method has a
 * do-nothing default; the core calls them in wire order.
 */
public interface ConnectionObserver {

    ConnectionObserver NONE = new ConnectionObserver() {
    };

    /**
     * A traffic or exporter secret, labelled as in the NSS key log format
     * (CLIENT_HANDSHAKE_TRAFFIC_SECRET, SERVER_TRAFFIC_SECRET_0, EXPORTER_SECRET, ...; in TLS 1.2
     * CLIENT_RANDOM with the master secret).
     * Only a key log may keep these bytes; nothing else may print them.
     */
    default void secret(String label, byte[] clientRandom, byte[] secret) {
    }

    /** A whole handshake message was sent ({@code outbound}) or received. */
    default void handshakeMessage(boolean outbound, HandshakeType type, int length) {
    }

    /** An alert was sent or received. */
    default void alert(boolean outbound, AlertDescription description) {
    }

    /** The handshake finished; {@code summary} names the negotiated parameters. */
    default void handshakeComplete(String summary) {
    }

    /** The connection failed; {@code detail} says why (never a secret). */
    default void failed(boolean byPeer, AlertDescription alert, String detail) {
    }
}
