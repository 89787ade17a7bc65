package dev.padlock.jsse;

import dev.padlock.wire.NamedGroup;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** Reads Padlock-only facts from an {@link SSLSession}, for the public {@code dev.padlock.Padlock} API. */
public final class SessionFacts {
    private SessionFacts() {
    }

    public static Optional<String> group(SSLSession session) {
        if (session instanceof PadlockSession padlock) {
            return Optional.ofNullable(padlock.tlsSession().namedGroup()).map(NamedGroup::name);
        }
        return Optional.empty();
    }

    public static boolean resumed(SSLSession session) {
        return session instanceof PadlockSession padlock && padlock.tlsSession().resumed();
    }
}
