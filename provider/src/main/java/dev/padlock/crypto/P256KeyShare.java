package dev.padlock.crypto;

import dev.padlock.crypto.p256.P256;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;

/**
 * A started secp256r1 exchange on Padlock's own P-256 ({@link P256}): the private scalar stays
 * here and never prints. The peer's point is refused with the same reasons as the JCA path of
 * {@link EcdhKeyExchange}.
 */
final class P256KeyShare implements ClientKeyShare {
    private final byte[] privateKey;
    private final Bytes keyShare;

    P256KeyShare(byte[] privateKey) {
        this.privateKey = privateKey;
        this.keyShare = Bytes.wrap(P256.publicKey(privateKey));
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.SECP256R1;
    }

    @Override
    public Bytes keyShare() {
        return keyShare;
    }

    @Override
    public byte[] finish(Bytes serverShare) {
        try {
            return P256.ecdh(privateKey, serverShare.toByteArray());
        } catch (P256.InvalidPointException e) {
            throw failure(e, serverShare.length());
        }
    }

    /** RFC 8446 §4.2.8.2: a wrong length is decode_error, any other bad point illegal_parameter. */
    private static TlsFailure failure(P256.InvalidPointException e, int length) {
        NamedGroup group = NamedGroup.SECP256R1;
        return switch (e.error()) {
            case WRONG_LENGTH -> new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH,
                    group + " key_exchange must be " + P256.POINT_LENGTH + " bytes, got " + length);
            case NOT_UNCOMPRESSED -> new TlsFailure(FailureReason.KEY_SHARE_NOT_UNCOMPRESSED,
                    group + " key_exchange is not an uncompressed point");
            case COORDINATE_OUT_OF_RANGE -> new TlsFailure(FailureReason.KEY_SHARE_COORDINATE_OUT_OF_RANGE,
                    group + " key_exchange coordinate out of range");
            case NOT_ON_CURVE -> new TlsFailure(FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE,
                    group + " key_exchange point is not on the curve");
        };
    }

    @Override
    public String toString() {
        return "KeyShare(" + NamedGroup.SECP256R1 + ")";
    }
}
