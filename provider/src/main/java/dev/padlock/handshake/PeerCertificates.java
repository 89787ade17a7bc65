package dev.padlock.handshake;

import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateEntry;
import dev.padlock.wire.FailureReason;
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
            throw new TlsFailure(FailureReason.CERTIFICATE_UNPARSABLE,
                    "the peer's certificate could not be parsed: " + e.getMessage(), e);
        }
        return chain;
    }

    /**
     * The alert for a chain the trust manager refused, chosen as SunJSSE chooses it so that
     * peers see the same alerts from either provider; the exception stays the cause.
     */
    public static TlsFailure rejected(CertificateException e, String whose) {
        FailureReason reason = FailureReason.CERTIFICATE_UNTRUSTED;
        if (e.getCause() instanceof CertPathValidatorException cpve) {
            if (cpve.getReason() == BasicReason.REVOKED) {
                reason = FailureReason.CERTIFICATE_REVOKED;
            } else if (cpve.getReason() == BasicReason.EXPIRED) {
                reason = FailureReason.CERTIFICATE_EXPIRED;
            } else if (cpve.getReason() == BasicReason.INVALID_SIGNATURE) {
                reason = FailureReason.CERTIFICATE_SIGNATURE_INVALID;
            } else if (cpve.getReason() == BasicReason.NOT_YET_VALID) {
                reason = FailureReason.CERTIFICATE_NOT_YET_VALID;
            } else if (cpve.getReason() == BasicReason.ALGORITHM_CONSTRAINED) {
                reason = FailureReason.CERTIFICATE_ALGORITHM_CONSTRAINED;
            }
        }
        return new TlsFailure(reason, whose + " certificate is not trusted: " + e.getMessage(), e);
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
