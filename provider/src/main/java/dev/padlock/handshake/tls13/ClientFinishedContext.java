package dev.padlock.handshake.tls13;

import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.MasterSecret;
import dev.padlock.crypto.TrafficSecret;

/**
 * What the server carries from its Finished to the client's Finished; {@code clientWantsTickets}
 * and {@code serverName} decide the NewSessionTickets sent after it (RFC 8446 §4.6.1).
 */
record ClientFinishedContext(HandshakeKeys keys, MasterSecret master, TrafficSecret clientApplication,
        TrafficSecret serverApplication, ExporterMasterSecret exporter, boolean clientWantsTickets,
        String serverName) {
    @Override
    public String toString() {
        return "ClientFinishedContext";
    }
}
