package dev.padlock;

import dev.padlock.jsse.SessionAccess;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
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
