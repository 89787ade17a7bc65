package dev.padlock.crypto;

import javax.security.auth.Destroyable;

/**
 * What the handshake installs in one direction of the record layer: which record protection
 * to use from the next record on, and its keys. The connection builds its record protection
 * from it at once and then destroys it; the traffic secrets it came from stay the handshake's
 * to erase.
 *
 * <p>One kind per record protection: TLS 1.3's AEAD with the sequence number in the nonce
 * (RFC 8446 §5.2, §5.3), and TLS 1.2's AEAD with its fixed IV and explicit nonce (RFC 5246
 * §6.2.3.3).
 */
public sealed interface RecordKeys extends Destroyable permits Tls13RecordKeys, Tls12RecordKeys {

    /** The suite whose AEAD protects the records. */
    CipherSuiteSpec suite();

    /** The write key and the IV (TLS 1.3) or fixed IV (TLS 1.2); destroyed with this value. */
    TrafficKeys keys();

    /** Zeroes the keys this value holds. */
    @Override
    default void destroy() {
        keys().destroy();
    }

    @Override
    default boolean isDestroyed() {
        return keys().isDestroyed();
    }
}
