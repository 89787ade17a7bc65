package dev.padlock.handshake;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateEntry;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.TlsFailure;
import java.io.ByteArrayInputStream;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parsing and judging the peer's certificate chain (RFC 8446 §4.4.2). */
public final class PeerCertificates {
    private PeerCertificates() {
    }

    /**
     * RFC 8446 §4.2 and §4.4.2: a CertificateEntry extension must be one the table allows there
     * and must answer one the peer was sent ({@code solicited}: ClientHello or CertificateRequest).
     */
    public static void checkEntryExtensions(Certificate message, Set<Integer> solicited) {
        for (CertificateEntry entry : message.entries()) {
            Negotiation.checkResponseExtensions(entry.extensions(), HandshakeType.CERTIFICATE, false, solicited);
        }
    }

    public static List<X509Certificate> parse(Certificate message) {
        List<X509Certificate> chain = new ArrayList<>(message.entries().size());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (CertificateEntry entry : message.entries()) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(entry.certData().toByteArray())));
            }
        } catch (CertificateException e) {
            throw new TlsFailure(AlertDescription.BAD_CERTIFICATE,
                    "the peer's certificate could not be parsed: " + e.getMessage(), e);
        }
        return chain;
    }

    /**
     * The alert for a chain the trust manager refused, chosen as SunJSSE chooses it so that
     * peers see the same alerts from either provider; the exception stays the cause.
     */
    public static TlsFailure rejected(CertificateException e, String whose) {
        AlertDescription alert = AlertDescription.CERTIFICATE_UNKNOWN;
        if (e.getCause() instanceof CertPathValidatorException cpve) {
            if (cpve.getReason() == BasicReason.REVOKED) {
                alert = AlertDescription.CERTIFICATE_REVOKED;
            } else if (cpve.getReason() == BasicReason.EXPIRED) {
                alert = AlertDescription.CERTIFICATE_EXPIRED;
            } else if (cpve.getReason() == BasicReason.INVALID_SIGNATURE
                    || cpve.getReason() == BasicReason.NOT_YET_VALID) {
                alert = AlertDescription.BAD_CERTIFICATE;
            } else if (cpve.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
                alert = AlertDescription.UNSUPPORTED_CERTIFICATE;
            }
        }
        return new TlsFailure(alert, whose + " certificate is not trusted: " + e.getMessage(), e);
    }

    /** The authType SunJSSE passes to checkClientTrusted in TLS 1.3. */
    public static String clientAuthType(X509Certificate endEntity) {
        String algorithm = endEntity.getPublicKey().getAlgorithm();
        return switch (algorithm) {
            case "RSA", "DSA", "EC", "RSASSA-PSS" -> algorithm;
            default -> "UNKNOWN";
        };
    }
}
