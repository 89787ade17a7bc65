package dev.padlock.wire;

/** KeyUpdate (RFC 8446 §4.6.3): {@code update_not_requested(0)} or {@code update_requested(1)}. */
public record KeyUpdate(boolean updateRequested) implements HandshakeMessage {

    @Override
    public HandshakeType type() {
        return HandshakeType.KEY_UPDATE;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u8(updateRequested ? 1 : 0);
    }

    /** Any value other than 0 or 1 is {@code illegal_parameter} (RFC 8446 §4.6.3). */
    public static KeyUpdate decode(TlsReader body) {
        int v = body.u8("request_update");
        body.expectEnd();
        if (v > 1) {
            throw new TlsFailure(FailureReason.KEY_UPDATE_REQUEST_INVALID,
                    body.context() + ".request_update: value " + v + " is neither 0 nor 1");
        }
        return new KeyUpdate(v == 1);
    }
}
