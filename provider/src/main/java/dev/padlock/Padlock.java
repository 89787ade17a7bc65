package dev.padlock;

import dev.padlock.jsse.SessionAccess;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLSession;

/** What Padlock tells and takes that JSSE has no words for. */
public final class Padlock {
    private Padlock() {
    }

    /**
     * The key exchange group ("x25519", "secp256r1", ...) of a Padlock session; empty for a
     * session of another provider.
     */
    public static Optional<String> negotiatedGroup(SSLSession session) {
        return SessionAccess.group(session);
    }

    /**
     * Every key exchange group Padlock implements ("x25519", "secp256r1", ...), in its default
     * preference order; what {@code SSLParameters.getNamedGroups} of a supported-parameters
     * object tells on JDK 20 and later. {@code jdk.tls.namedGroups} and
     * {@code jdk.tls.disabledAlgorithms} narrow what a context enables.
     */
    public static List<String> supportedNamedGroups() {
        return SessionAccess.supportedNamedGroups();
    }

    /**
     * Every signature scheme Padlock signs and verifies a handshake with ("ecdsa_secp256r1_sha256",
     * "rsa_pss_rsae_sha256", ...), in its default preference order.
     */
    public static List<String> supportedSignatureSchemes() {
        return SessionAccess.supportedSignatureSchemes();
    }

    /**
     * Whether the session's handshake resumed an earlier one with a PSK from a session ticket
     * (RFC 8446 §2.2): the server then sent no Certificate, and the session reports the peer
     * certificates of the original handshake.
     *
     * @throws IllegalArgumentException for a session of another provider
     */
    public static boolean isResumed(SSLSession session) {
        return SessionAccess.isResumed(session);
    }

    /**
     * Keying material exported from the session's connection (RFC 8446 §7.5, RFC 5705):
     * TLS-Exporter(label, context, length), the bytes the peer derives for the same label and
     * context. A null context is the same as an empty one in TLS 1.3. On JDK 25 and later
     * {@code ((ExtendedSSLSession) session).exportKeyingMaterialData(label, context, length)} gives
     * the same bytes; this method is for older JDKs.
     *
     * @param label   converted to UTF-8: 1 to 249 bytes
     * @param length  1 to 255 times the suite's hash length
     * @throws IllegalArgumentException for a session of another provider, an empty or too long
     *                                  label or a length out of range
     * @throws NullPointerException     for a null label
     * @throws IllegalStateException    before the session's handshake completes
     * @throws SSLKeyException          for a session of no connection (a failed or unstarted
     *                                  handshake) or of a connection that has closed both ways or
     *                                  failed, whose secrets are erased
     */
    public static byte[] exportKeyingMaterial(SSLSession session, String label, byte[] context, int length)
            throws SSLKeyException {
        return SessionAccess.exportKeyingMaterial(session, label, context, length);
    }

    /**
     * Makes the servers of {@code context} seal session tickets with the first of {@code keys}
     * and open tickets sealed with any of them, instead of keys of their own that rotate every
     * hour. Servers behind one address share keys this way, so that a client resumes on any of
     * them. Each key is 32 random bytes (AES-256); the caller rotates by passing a new list with
     * the new key first and keeps the previous keys for the ticket lifetime (the server session
     * context's session timeout, at most 7 days).
     *
     * @throws IllegalArgumentException for a context of another provider, an empty list or a key
     *                                  that is not 32 bytes
     */
    public static void setSessionTicketKeys(SSLContext context, List<byte[]> keys) {
        SessionAccess.setTicketKeys(context.getServerSessionContext(), keys);
    }
}
