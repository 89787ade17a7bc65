package dev.padlock.handshake;

import dev.padlock.handshake.tls12.Tls12Handshaker;
import dev.padlock.handshake.tls13.Tls13Handshaker;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.TlsFailure;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.security.auth.Destroyable;

/**
 * One side of one handshake, and the post-handshake messages after it: what the connection
 * core talks to, whichever protocol version runs beneath.
 *
 * <p>The core feeds it whole handshake messages and it answers through {@link HandshakeOutput}.
 * It does no I/O and throws only {@link TlsFailure}. {@link #create} is the one place that
 * picks the state machine; each version's machine is a sub-package ({@code tls13}, {@code tls12}).
 */
public abstract sealed class Handshaker permits Tls13Handshaker, Tls12Handshaker, NegotiatingHandshaker {
    private final TlsSession session;
    private final LiveSecrets secrets;

    /**
     * @param secrets the machine's own {@link LiveSecrets}, which this erases when told; a
     *                negotiating handshaker shares its own with the machine it hands over to
     */
    protected Handshaker(TlsSession session, LiveSecrets secrets) {
        this.session = Objects.requireNonNull(session, "session");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /**
     * The machine for {@code config}'s versions: with one version enabled, that version's; with
     * both, one that lets the first hello decide (RFC 8446 §4.2.1, §D).
     */
    public static Handshaker create(HandshakeConfig config, HandshakeOutput out, TlsSession session) {
        boolean tls13 = config.enables(ProtocolVersion.TLSV1_3);
        boolean tls12 = config.enables(ProtocolVersion.TLSV1_2);
        if (tls13 && tls12) {
            return new NegotiatingHandshaker(config, out, session, new LiveSecrets());
        }
        return tls13 ? Tls13Handshaker.create(config, out, session, new LiveSecrets())
                : Tls12Handshaker.create(config, out, session, new LiveSecrets());
    }

    /** Starts the handshake: the client sends its ClientHello, the server waits for one. */
    public abstract void start();

    /** Consumes one complete handshake message: type, 24-bit length and body. */
    public abstract void onMessage(Bytes raw);

    public abstract boolean isComplete();

    /**
     * Server: the ClientHello being answered offered early_data, which Padlock never accepts,
     * so the client's 0-RTT records are to be skipped (RFC 8446 §4.2.10).
     */
    public abstract boolean rejectedEarlyData();

    public abstract boolean acceptsChangeCipherSpec();

    /**
     * A change_cipher_spec record arrived where {@link #acceptsChangeCipherSpec} allowed it: TLS
     * 1.2 switches to the peer's new read keys (RFC 5246 §7.1); TLS 1.3 drops it (RFC 8446 §5).
     */
    public void onChangeCipherSpec() {
    }

    /**
     * Whether {@link #updateKeys} can renew our write key: TLS 1.3 only. A TLS 1.2 connection
     * whose key nears its usage limit is closed instead (RFC 5246 has no KeyUpdate).
     */
    public boolean canUpdateKeys() {
        return true;
    }

    public final TlsSession session() {
        return session;
    }

    /** What the handshake waits for, for diagnostics. */
    public abstract String expecting();

    /**
     * Sends a KeyUpdate and moves our writing to the next traffic secret (RFC 8446 §4.6.3).
     * The core calls this before a key's usage limit; applications reach it through the
     * Padlock API.
     */
    public abstract void updateKeys(boolean requestPeerUpdate);

    /**
     * RFC 8446 §7.5 exporter; empty context and absent context hash alike (HKDF of Hash("")).
     * Safe to call from any thread: erasure waits for an export under way.
     */
    public abstract byte[] exportKeyingMaterial(String label, byte[] context, int length);

    /**
     * The connection closed or failed: erases every secret it still held, the application
     * traffic secrets, the exporter master secret and the client's resumption master secret
     * included. Nothing can be derived afterwards: no KeyUpdate, no exported keying material,
     * no PSK from a late NewSessionTicket.
     */
    public final void eraseSecrets() {
        secrets.eraseAll();
    }

    /** Whether {@link #eraseSecrets} ran; safe to call from any thread. */
    public final boolean secretsErased() {
        return secrets.isClosed();
    }

    /** For tests: sees each secret of this connection, under its RFC 8446 name, as it is derived. */
    final void observeSecrets(BiConsumer<String, Destroyable> observer) {
        secrets.observe(observer);
    }

    public static TlsFailure unexpected(HandshakeStep state, HandshakeMessage message) {
        return new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                "received " + message.type() + " while " + state.expecting());
    }
}
