package dev.padlock.handshake;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * Decides whether the peer's certificate chain is trusted, on behalf of the handshake.
 *
 * <p>The JSSE adapter implements this over an {@code X509ExtendedTrustManager}, passing the
 * engine or socket so that endpoint identification and algorithm constraints work as with
 * SunJSSE. It is called while the handshake session already carries the requested server
 * names and both sides' signature schemes.
 */
public interface PeerTrust {

    /** RFC 8446 has no key exchange "auth type"; SunJSSE passes UNKNOWN for TLS 1.3 servers. */
    String SERVER_AUTH_TYPE = "UNKNOWN";

    void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException;

    void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException;

    /**
     * The subjects of the CA certificates this trust accepts as issuers, for certificate_authorities
     * (RFC 8446 §4.2.4); empty when it names none, and then the extension is not sent.
     */
    default List<X500Principal> acceptedIssuers() {
        return List.of();
    }
}
