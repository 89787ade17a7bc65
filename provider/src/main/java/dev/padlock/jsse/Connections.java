package dev.padlock.jsse;

import dev.padlock.core.Config;
import dev.padlock.core.TlsConnection;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.session.TlsSession;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one place where an engine or a socket gets its connection: the configuration snapshot
 * from the parameters in force, the core connection over it, and the JSSE session that reports
 * it. The adapters differ only in the managers' binding (engine or socket) and how they name
 * the peer.
 */
final class Connections {
    private Connections() {
    }

    /**
     * A new connection's parts.
     *
     * @param tls            the sans-IO connection, not yet started
     * @param session        the JSSE view of its session
     * @param sessionContext where the session is cached once the handshake completes
     */
    record Opened(TlsConnection tls, PadlockSession session, PadlockSessionContext sessionContext) {
    }

    /**
     * @param credentials  the context's key manager, bound to the engine or socket
     * @param trust        the context's trust manager, bound likewise
     * @param alpnSelector the application's ALPN selector (server), or null
     * @param describedAs  how the debug log names this connection after its side ("engine host:port")
     * @throws SSLHandshakeException when the parameters leave nothing to negotiate with
     */
    static Opened open(PadlockContextSpi context, ParametersState parameters, Credentials credentials,
            PeerTrust trust, String peerHost, int peerPort, Function<List<String>, String> alpnSelector,
            String describedAs) throws SSLHandshakeException {
        HandshakeConfig config = parameters.toHandshakeConfig(credentials, trust, context.secureRandom(),
                context.clock(), peerHost, peerPort, alpnSelector,
                PadlockSessionContext.forHandshake(context, parameters));
        byte[] id = new byte[32];
        context.secureRandom().nextBytes(id);
        TlsSession state = new TlsSession(id, context.clock().instant(), peerHost, peerPort);
        String side = config.clientMode() ? "client " : "server ";
        TlsConnection tls = new TlsConnection(Config.of(config,
                context.diagnostics().observer(side + describedAs)), state);
        PadlockSessionContext sessions = config.clientMode() ? context.clientSessionContext()
                : context.serverSessionContext();
        return new Opened(tls, new PadlockSession(state, sessions, new KeyingMaterial(tls)), sessions);
    }
}
