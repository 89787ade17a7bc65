package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import java.security.SecureRandom;

/**
 * The key exchange of one named group (RFC 8446 §4.2.7, §4.2.8), shaped as a key encapsulation
 * mechanism so that Diffie-Hellman groups and KEMs fit one handshake:
 * <ol>
 * <li>the client {@link #start}s: its key_share goes in the ClientHello, its private half stays in
 * the returned {@link ClientKeyShare} (for a KEM: an encapsulation key and its decapsulation key);
 * <li>the server {@link #respond}s to the client's key_share: it validates it and returns its own
 * key_share with the shared secret (for DH: a fresh key pair and the agreement; for a KEM: the
 * ciphertext of an encapsulation against the client's encapsulation key, and its secret);
 * <li>the client {@link ClientKeyShare#finish}es with the server's key_share (DH: agreement; KEM:
 * decapsulation of the ciphertext).
 * </ol>
 * A peer's key_share that is malformed, of the wrong length, off the curve, or that gives an
 * all-zero DH result fails with {@code illegal_parameter} (RFC 8446 §4.2.8.1, §4.2.8.2, §7.4).
 *
 * <p>Each supported group has one instance, found through {@link KeyExchanges}. A new group is one
 * new implementation listed here and in {@link KeyExchanges}; the handshake states do not change:
 * <ul>
 * <li>FFDHE (RFC 7919) is {@link FfdheKeyExchange}: DH like {@link XdhKeyExchange}, with shares and
 * secret left-padded to the length of p (RFC 8446 §4.2.8.1, §7.4.1).
 * <li>A pure KEM, {@link MlKemKeyExchange}: {@code start} generates a decapsulation key,
 * {@code respond} encapsulates, {@code finish} decapsulates; client and server shares differ in
 * length ({@link #clientShareLength()} is the encapsulation key's, {@link #serverShareLength()}
 * the ciphertext's).
 * <li>A hybrid such as X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem, 0x11EC) is a
 * {@link HybridKeyExchange} of two registered components, in the draft's order
 * ({@code new HybridKeyExchange(NamedGroup.X25519MLKEM768, mlKem768, x25519)}): each share and the
 * secret are the concatenation of the components', split by the components' fixed lengths.
 * </ul>
 */
public sealed interface KeyExchange permits XdhKeyExchange, EcdhKeyExchange, FfdheKeyExchange, MlKemKeyExchange,
        HybridKeyExchange {

    NamedGroup group();

    /** The length of the client's key_exchange: a DH public value, or a KEM encapsulation key. */
    int clientShareLength();

    /** The length of the server's key_exchange: a DH public value, or a KEM ciphertext. */
    int serverShareLength();

    /** Client: a new exchange whose key_share goes in the ClientHello; its private half stays inside. */
    ClientKeyShare start(SecureRandom random);

    /**
     * Server: the answer to the client's key_share, which is validated first ({@code illegal_parameter}
     * if it is not acceptable).
     */
    Response respond(Bytes clientShare, SecureRandom random);

    /**
     * The server's key_share for the ServerHello and the shared secret (RFC 8446 §7.4), which the
     * caller zeroes once the Handshake Secret is derived.
     */
    record Response(Bytes keyShare, byte[] sharedSecret) {
        @Override
        public String toString() {
            return "KeyExchange.Response(" + keyShare.length() + "-byte key_share)";
        }
    }
}
