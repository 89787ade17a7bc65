package dev.padlock.crypto;

import javax.security.auth.Destroyable;

/**
 * The key block of RFC 5246 §6.3 cut into the keys of each direction. AEAD suites use no MAC
 * keys, so the block is client_write_key, server_write_key, client_write_IV, server_write_IV.
 */
public final class Tls12KeyBlock implements Destroyable {
    private final Tls12RecordKeys clientWrite;
    private final Tls12RecordKeys serverWrite;

    Tls12KeyBlock(Tls12RecordKeys clientWrite, Tls12RecordKeys serverWrite) {
        this.clientWrite = clientWrite;
        this.serverWrite = serverWrite;
    }

    /** The keys of the records the client sends. */
    public Tls12RecordKeys clientWrite() {
        return clientWrite;
    }

    /** The keys of the records the server sends. */
    public Tls12RecordKeys serverWrite() {
        return serverWrite;
    }

    /** Zeroes the keys of both directions. */
    @Override
    public void destroy() {
        clientWrite.destroy();
        serverWrite.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return clientWrite.isDestroyed() && serverWrite.isDestroyed();
    }

    @Override
    public String toString() {
        return "Tls12KeyBlock(" + clientWrite.suite().suite() + ")";
    }
}
