package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;

/**
 * A key exchange the client has {@link KeyExchange#start started}: the key_share it sent in its
 * ClientHello (RFC 8446 §4.2.8), and the private half that stays here (a DH private key, or a KEM
 * decapsulation key). It never prints or hands out the private half.
 */
public interface ClientKeyShare {

    NamedGroup group();

    /** key_exchange as sent: a DH public value (§4.2.8.1, §4.2.8.2) or a KEM encapsulation key. */
    Bytes keyShare();

    /**
     * The shared secret (RFC 8446 §7.4) from the server's key_exchange, which is validated first
     * ({@code illegal_parameter} if it is not acceptable). The caller zeroes it once used.
     */
    byte[] finish(Bytes serverShare);
}
