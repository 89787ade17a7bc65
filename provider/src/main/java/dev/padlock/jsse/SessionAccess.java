package dev.padlock.jsse;

import dev.padlock.session.TicketKeys;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * The bridge from the public {@code dev.padlock.Padlock} API to Padlock's sessions and session
 * contexts, whose classes stay package-private. Not exported from the module.
 */
public final class SessionAccess {
    private SessionAccess() {
    }

    /** @throws IllegalArgumentException for a session that is not Padlock's */
    public static boolean isResumed(SSLSession session) {
        return padlock(session).tlsSession().resumed();
    }

    /** @throws IllegalArgumentException for a session that is not Padlock's */
    public static byte[] exportKeyingMaterial(SSLSession session, String label, byte[] context, int length)
            throws SSLKeyException {
        return padlock(session).exportKeyingMaterialData(label, context, length);
    }

    /** The key exchange group of a Padlock session; empty for another provider's or before ServerHello. */
    public static Optional<String> group(SSLSession session) {
        if (session instanceof PadlockSession padlock) {
            return Optional.ofNullable(padlock.tlsSession().namedGroup()).map(NamedGroup::name);
        }
        return Optional.empty();
    }

    /** Every key exchange group Padlock implements, in its default order. */
    public static List<String> supportedNamedGroups() {
        return List.of(ParametersState.supportedNamedGroups());
    }

    /** Every CertificateVerify signature scheme Padlock implements, in its default order. */
    public static List<String> supportedSignatureSchemes() {
        return ContextDefaults.SUPPORTED_SCHEMES.stream().map(SignatureScheme::name).toList();
    }

    private static PadlockSession padlock(SSLSession session) {
        Objects.requireNonNull(session, "session");
        if (!(session instanceof PadlockSession padlock)) {
            throw new IllegalArgumentException("not a Padlock session: " + session.getClass().getName());
        }
        return padlock;
    }

    /** @throws IllegalArgumentException for a session context that is not Padlock's */
    public static void setTicketKeys(SSLSessionContext serverContext, List<byte[]> keys) {
        Objects.requireNonNull(serverContext, "serverContext");
        if (!(serverContext instanceof PadlockSessionContext padlock)) {
            throw new IllegalArgumentException("not a Padlock session context: " + serverContext.getClass().getName());
        }
        padlock.ticketKeys(TicketKeys.fixed(keys));
    }
}
