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

    private Failures() {
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
