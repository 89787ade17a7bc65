package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import java.security.SecureRandom;

/**
 * One side's ephemeral (EC)DHE key for a key_share entry (RFC 8446 §4.2.8), through JCA
 * ({@code XDH} and {@code EC}). Peer values that are malformed, off the curve, or that give an
 * all-zero X25519/X448 result fail with {@code illegal_parameter}.
 */
public sealed interface KeyShare permits XdhKeyShare, EcdhKeyShare {

    NamedGroup group();

    /** key_exchange as sent: the X25519/X448 u-coordinate, or 0x04 || X || Y (§4.2.8.2). */
    Bytes publicKey();

    /** The (EC)DHE shared secret with the peer's key_exchange (§7.4). */
    byte[] agree(Bytes peerPublic);

    static boolean supports(NamedGroup group) {
        return XdhKeyShare.supports(group) || EcdhKeyShare.supports(group);
    }

    /** A fresh key pair; {@link IllegalArgumentException} for a group {@link #supports} rejects. */
    static KeyShare generate(NamedGroup group, SecureRandom random) {
        if (XdhKeyShare.supports(group)) {
            return XdhKeyShare.generate(group, random);
        }
        if (EcdhKeyShare.supports(group)) {
            return EcdhKeyShare.generate(group, random);
        }
        throw new IllegalArgumentException("unsupported key share group " + group);
    }
}
