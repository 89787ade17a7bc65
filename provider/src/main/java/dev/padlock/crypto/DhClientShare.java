package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import java.security.PrivateKey;

/**
 * A started Diffie-Hellman exchange (X25519/X448, ECDH, FFDHE): the public value the client
 * sent, and its private key, which stays here and never prints. Finishing is the group's
 * agreement of that key with the server's key_exchange, validated first.
 */
final class DhClientShare implements ClientKeyShare {
    /** The group's agreement: validates {@code serverShare}, returns the shared secret (RFC 8446 §7.4). */
    interface Agreement {
        byte[] agree(PrivateKey privateKey, Bytes serverShare);
    }

    private final NamedGroup group;
    private final PrivateKey privateKey;
    private final Bytes keyShare;
    private final Agreement agreement;

    DhClientShare(NamedGroup group, PrivateKey privateKey, Bytes keyShare, Agreement agreement) {
        this.group = group;
        this.privateKey = privateKey;
        this.keyShare = keyShare;
        this.agreement = agreement;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public Bytes keyShare() {
        return keyShare;
    }

    @Override
    public byte[] finish(Bytes serverShare) {
        return agreement.agree(privateKey, serverShare);
    }

    @Override
    public String toString() {
        return "KeyShare(" + group + ")";
    }
}
