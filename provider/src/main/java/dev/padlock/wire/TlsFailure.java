package dev.padlock.wire;

import java.util.Objects;

/**
 * A protocol failure: the alert RFC 8446 §6.2 prescribes, and a detail a user can act on.
 *
 * <p>Handshake states and decoders only throw this; the connection core is the one place that
 * turns it into exactly one fatal alert. The detail must never carry secret material.
 */
public final class TlsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AlertDescription alert;

    public TlsFailure(AlertDescription alert, String detail) {
        super(detail);
        this.alert = Objects.requireNonNull(alert, "alert");
    }

    public TlsFailure(AlertDescription alert, String detail, Throwable cause) {
        super(detail, cause);
        this.alert = Objects.requireNonNull(alert, "alert");
    }

    public AlertDescription alert() {
        return alert;
    }

    public String detail() {
        return getMessage();
    }

    public static TlsFailure decodeError(String detail) {
        return new TlsFailure(AlertDescription.DECODE_ERROR, detail);
    }

    public static TlsFailure illegalParameter(String detail) {
        return new TlsFailure(AlertDescription.ILLEGAL_PARAMETER, detail);
    }

    public static TlsFailure unexpectedMessage(String detail) {
        return new TlsFailure(AlertDescription.UNEXPECTED_MESSAGE, detail);
    }

    @Override
    public String toString() {
        return "TlsFailure(" + alert + "): " + getMessage();
    }
}
