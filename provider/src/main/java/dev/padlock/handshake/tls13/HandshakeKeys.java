package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.HandshakeSecret;
import dev.padlock.crypto.TrafficSecret;

/** The handshake-phase secrets both sides carry from ServerHello to Finished (RFC 8446 §7.1). */
record HandshakeKeys(HandshakeSecret handshakeSecret, TrafficSecret client, TrafficSecret server) {
    /** The suite they were derived under; it outlives their erasure. */
    CipherSuiteSpec suite() {
        return client.suite();
    }

    @Override
    public String toString() {
        return "HandshakeKeys(" + client.suite().suite() + ")";
    }
}
