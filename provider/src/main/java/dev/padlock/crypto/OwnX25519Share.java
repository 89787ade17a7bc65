package dev.padlock.crypto;

import dev.padlock.crypto.curve25519.X25519;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;

/**
 * A started X25519 exchange on Padlock's own {@link X25519}: the client's public u-coordinate and
 * its 32-byte private scalar, which stays here and never prints.
 */
final class OwnX25519Share implements ClientKeyShare {
    private final byte[] scalar;
    private final Bytes keyShare;

    OwnX25519Share(byte[] scalar, Bytes keyShare) {
        this.scalar = scalar;
        this.keyShare = keyShare;
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.X25519;
    }

    @Override
    public Bytes keyShare() {
        return keyShare;
    }

    @Override
    public byte[] finish(Bytes serverShare) {
        return agree(scalar, serverShare);
    }

    /**
     * X25519(scalar, peer), refusing a wrong length ({@code decode_error}) and an all-zero result
     * ({@code illegal_parameter}, RFC 7748 §6.1 and RFC 8446 §7.4.2). The result is all zero
     * exactly when the peer's point has small order, a property of the public share alone, so
     * the branch on it reveals nothing of the scalar. The reason is the one the JCA path gives
     * (the JDK refuses such points as invalid keys), so both switch positions fail alike.
     */
    static byte[] agree(byte[] scalar, Bytes peer) {
        if (peer.length() != X25519.LENGTH) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH,
                    NamedGroup.X25519 + " key_exchange must be 32 bytes, got " + peer.length());
        }
        byte[] secret = X25519.scalarMult(scalar, peer.toByteArray());
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        if (acc == 0) {
            throw new TlsFailure(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY,
                    NamedGroup.X25519 + " key_exchange is a point of small order (all-zero shared secret)");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "KeyShare(" + NamedGroup.X25519 + ")";
    }
}
