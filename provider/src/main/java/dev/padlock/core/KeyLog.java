package dev.padlock.core;

import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeType;

/**
 * The opt-in NSS key log of one connection: each secret, labelled, with the ClientHello's
 * random, handed to the {@link ConnectionObserver} as its keys are installed. Off (nothing
 * exported) unless the observer is one.
 */
final class KeyLog {
    private final ConnectionObserver observer;
    private byte[] clientRandom;
    private int readGeneration;
    private int writeGeneration;

    KeyLog(ConnectionObserver observer) {
        this.observer = observer;
    }

    /** Takes the client random from the first ClientHello, sent or received. */
    void handshakeMessage(Bytes message) {
        int type = message.get(0) & 0xFF;
        if (clientRandom == null && type == HandshakeType.CLIENT_HELLO.code() && message.length() >= 38) {
            // RFC 8446 §4.1.2: the random follows msg_type (1), length (3) and legacy_version (2).
            clientRandom = message.slice(6, 38).toByteArray();
        }
    }

    /** Keys for the peer's records were installed; {@code client} if the peer is the client. */
    void readKeysInstalled(boolean client, RecordKeys keys) {
        log(client, readGeneration++, keys);
    }

    /** Keys for our records were installed; {@code client} if we are the client. */
    void writeKeysInstalled(boolean client, RecordKeys keys) {
        log(client, writeGeneration++, keys);
    }

    void exporterMasterSecret(ExporterMasterSecret secret) {
        if (observer != ConnectionObserver.NONE && clientRandom != null) {
            observer.secret("EXPORTER_SECRET", clientRandom.clone(), secret.insecureExportForKeyLog());
        }
    }

    /**
     * TLS 1.2 logs one line for the whole connection, {@code CLIENT_RANDOM <client_random>
     * <master_secret>}: both directions' keys follow from it and the randoms (RFC 5246 §6.3).
     * The connection calls this when the handshake derives the master secret (full handshake)
     * or restores it (resumption).
     */
    void tls12MasterSecret(Tls12MasterSecret secret) {
        if (observer != ConnectionObserver.NONE && clientRandom != null) {
            observer.secret("CLIENT_RANDOM", clientRandom.clone(), secret.insecureExportForKeyLog());
        }
    }

    /**
     * TLS 1.3 labels follow the order keys are installed in each direction: first the
     * handshake traffic secret, then application traffic secret 0, then one per KeyUpdate.
     */
    private void log(boolean clientSecret, int generation, RecordKeys keys) {
        if (observer == ConnectionObserver.NONE || clientRandom == null || !(keys instanceof Tls13RecordKeys tls13)) {
            return;
        }
        String side = clientSecret ? "CLIENT_" : "SERVER_";
        String label = generation == 0 ? side + "HANDSHAKE_TRAFFIC_SECRET" : side + "TRAFFIC_SECRET_" + (generation - 1);
        observer.secret(label, clientRandom.clone(), tls13.secret().insecureExportForKeyLog());
    }
}
