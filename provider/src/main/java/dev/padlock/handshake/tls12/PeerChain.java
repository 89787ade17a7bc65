package dev.padlock.handshake.tls12;

import dev.padlock.handshake.PeerCertificates;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Tls12Certificate;
import dev.padlock.wire.TlsFailure;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** The TLS 1.2 Certificate message (RFC 5246 §7.4.2, §7.4.6): ours to send, the peer's to parse. */
final class PeerChain {
    private PeerChain() {
    }

    static List<X509Certificate> parse(Tls12Certificate message) {
        List<X509Certificate> chain = new ArrayList<>(message.certificates().size());
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Bytes der : message.certificates()) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der.toByteArray())));
            }
        } catch (CertificateException e) {
            throw new TlsFailure(FailureReason.CERTIFICATE_UNPARSABLE,
                    "the peer's certificate could not be parsed: " + e.getMessage(), e);
        }
        return chain;
    }

    /** Our chain as a Certificate message; an empty one for a client without a credential. */
    static Tls12Certificate of(List<X509Certificate> chain) {
        List<Bytes> encoded = new ArrayList<>();
        for (X509Certificate cert : chain) {
            try {
                encoded.add(Bytes.wrap(cert.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new TlsFailure(FailureReason.INTERNAL, "our certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        return new Tls12Certificate(encoded);
    }

    /** The alert for a chain the trust manager refused, as in TLS 1.3 (SunJSSE's choice). */
    static TlsFailure rejected(CertificateException e, String whose) {
        return PeerCertificates.rejected(e, whose);
    }
}
