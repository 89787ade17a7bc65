package dev.padlock.jsse;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.TlsFailure;
import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;

/**
 * Turns a {@link TlsFailure} into the exception class JSSE users already catch (DESIGN.md,
 * "Errors and alerts"), with SunJSSE's "(alert) reason" message format.
 */
final class Failures {
    private static final Set<AlertDescription> PROTOCOL_ERRORS = Set.of(AlertDescription.UNEXPECTED_MESSAGE,
            AlertDescription.DECODE_ERROR, AlertDescription.RECORD_OVERFLOW, AlertDescription.BAD_RECORD_MAC);

    /**
     * Alerts that only ever reject a handshake. A TLS 1.3 client has finished its side of the
     * handshake when the server reads its Certificate and Finished, so the server's verdict
     * (certificate_required, bad_certificate, ...) arrives afterwards; it is still a failed
     * handshake to the application, as it is in SunJSSE.
     */
    private static final Set<AlertDescription> HANDSHAKE_ALERTS = Set.of(AlertDescription.HANDSHAKE_FAILURE,
            AlertDescription.BAD_CERTIFICATE, AlertDescription.UNSUPPORTED_CERTIFICATE,
            AlertDescription.CERTIFICATE_REVOKED, AlertDescription.CERTIFICATE_EXPIRED,
            AlertDescription.CERTIFICATE_UNKNOWN, AlertDescription.ILLEGAL_PARAMETER, AlertDescription.UNKNOWN_CA,
            AlertDescription.ACCESS_DENIED, AlertDescription.DECRYPT_ERROR, AlertDescription.PROTOCOL_VERSION,
            AlertDescription.INSUFFICIENT_SECURITY, AlertDescription.MISSING_EXTENSION,
            AlertDescription.UNSUPPORTED_EXTENSION, AlertDescription.UNRECOGNIZED_NAME,
            AlertDescription.CERTIFICATE_REQUIRED, AlertDescription.NO_APPLICATION_PROTOCOL);

    private Failures() {
    }

    /** Whether a fatal alert received from the peer can only mean that it rejected the handshake. */
    static boolean rejectsHandshake(AlertDescription alert) {
        return HANDSHAKE_ALERTS.contains(alert);
    }

    static SSLException toException(TlsFailure failure, boolean duringHandshake) {
        String message = "(" + failure.alert().name() + ") " + failure.getMessage();
        SSLException e;
        if (failure.getCause() instanceof CertificateException) {
            e = new SSLHandshakeException(message);
        } else if (PROTOCOL_ERRORS.contains(failure.alert())) {
            e = new SSLProtocolException(message);
        } else if (duringHandshake) {
            e = new SSLHandshakeException(message);
        } else {
            e = new SSLException(message);
        }
        e.initCause(failure.getCause() != null ? failure.getCause() : failure);
        return e;
    }
}
