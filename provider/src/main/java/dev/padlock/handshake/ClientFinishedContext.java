package dev.padlock.handshake;

import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.MasterSecret;
import dev.padlock.crypto.TrafficSecret;

/** What the server carries from its Finished to the client's Finished. */
record ClientFinishedContext(HandshakeKeys keys, MasterSecret master, TrafficSecret clientApplication,
        TrafficSecret serverApplication, ExporterMasterSecret exporter) {
    @Override
    public String toString() {
        return "ClientFinishedContext";
    }
}
