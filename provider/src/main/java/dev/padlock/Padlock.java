package dev.padlock;

import dev.padlock.jsse.SessionFacts;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * What JSSE has no words for, about a session Padlock negotiated. For a session from another
 * provider every answer is empty or false.
 */
public final class Padlock {
    private Padlock() {
    }

    /** The key exchange group ("x25519", "secp256r1", ...) of a Padlock session. */
    public static Optional<String> negotiatedGroup(SSLSession session) {
        return SessionFacts.group(session);
    }

    /** Whether a Padlock session was resumed from a ticket instead of a full handshake. */
    public static boolean isResumed(SSLSession session) {
        return SessionFacts.resumed(session);
    }
}
