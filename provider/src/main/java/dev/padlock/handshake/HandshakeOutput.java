package dev.padlock.handshake;

import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.wire.Bytes;

/**
 * What the handshake asks of the connection beneath it. The core implements this: it frames
 * messages into records under the write protection in force at the time of the call, so the
 * order of calls is the order on the wire (RFC 8446 §5.1: a key change starts a new record).
 */
public interface HandshakeOutput {

    /** Sends one complete handshake message (4-byte header included). */
    void sendHandshake(Bytes message);

    /**
     * Sends a change_cipher_spec record: TLS 1.2's announcement that our next record is under the
     * new keys (RFC 5246 §7.1), or TLS 1.3's middlebox-compatibility one (RFC 8446 §D.4).
     */
    void sendChangeCipherSpec();

    /**
     * Records from the peer are protected under {@code keys} from the next record on. The
     * callee owns {@code keys} and destroys them once its record protection holds its own.
     */
    void installReadKeys(RecordKeys keys);

    /**
     * Our records are protected under {@code keys} from the next record on. The callee owns
     * {@code keys} and destroys them once its record protection holds its own.
     */
    void installWriteKeys(RecordKeys keys);

    /** The §7.5 exporter secret exists now (for the opt-in key log; nothing to install). */
    default void exporterMasterSecretDerived(ExporterMasterSecret secret) {
    }

    /** TLS 1.2: the master secret exists now, derived or restored (for the opt-in key log). */
    default void tls12MasterSecretDerived(Tls12MasterSecret secret) {
    }
}
