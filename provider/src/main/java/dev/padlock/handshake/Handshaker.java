package dev.padlock.handshake;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.crypto.Transcript;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyUpdate;
import dev.padlock.wire.TlsFailure;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.security.auth.Destroyable;

/**
 * One side of one TLS 1.3 handshake, and the post-handshake messages after it (RFC 8446 §4.6).
 *
 * <p>It owns the transcript and the current state; the connection core feeds it whole handshake
 * messages and it answers through {@link HandshakeOutput}. It does no I/O and throws only
 * {@link TlsFailure}.
 */
public abstract sealed class Handshaker permits ClientHandshaker, ServerHandshaker {
    final HandshakeConfig config;
    final HandshakeOutput out;
    final Transcript transcript = new Transcript();
    final TlsSession session;
    /** Every secret this connection still needs, so that each is erased when it is not (RFC 8446 §7.2). */
    final LiveSecrets secrets = new LiveSecrets();

    private State state;
    /** Set once ServerHello fixes the suite; decides the Finished length. */
    CipherSuiteSpec suite;

    private TrafficSecret readApplicationSecret;
    private TrafficSecret writeApplicationSecret;
    /** N of the current application_traffic_secret_N in each direction (RFC 8446 §7.2). */
    private int readGeneration;
    private int writeGeneration;
    private ExporterMasterSecret exporterMasterSecret;
    /**
     * RFC 8446 §7.1; each session ticket's PSK derives from it (§4.6.1). The server erases it
     * once its tickets are sent; the client keeps it for tickets that may come at any time.
     */
    ResumptionMasterSecret resumptionMasterSecret;

    Handshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session) {
        this.config = Objects.requireNonNull(config, "config");
        this.out = Objects.requireNonNull(out, "out");
        this.session = Objects.requireNonNull(session, "session");
    }

    public static Handshaker create(HandshakeConfig config, HandshakeOutput out, TlsSession session) {
        return config.clientMode()
                ? new ClientHandshaker(config, out, session)
                : new ServerHandshaker(config, out, session);
    }

    /** Starts the handshake: the client sends its ClientHello, the server waits for one. */
    public abstract void start();

    /** Consumes one complete handshake message: type, 24-bit length and body. */
    public final void onMessage(Bytes raw) {
        if (state == null) {
            throw new IllegalStateException("handshake not started");
        }
        HandshakeType type = new HandshakeType(raw.get(0) & 0xFF);
        if (type.equals(HandshakeType.FINISHED) && suite == null) {
            throw new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                    "received Finished while " + state.expecting());
        }
        HandshakeMessage message = HandshakeCodec.decode(type, raw.slice(4, raw.length()),
                suite == null ? 0 : suite.hashLength());
        state = state.handle(message, raw);
    }

    public final boolean isComplete() {
        return state != null && state.isConnected();
    }

    /**
     * Server: the ClientHello being answered offered early_data, which Padlock never accepts,
     * so the client's 0-RTT records are to be skipped (RFC 8446 §4.2.10).
     */
    public final boolean rejectedEarlyData() {
        return rejectedEarlyData;
    }

    boolean rejectedEarlyData;

    public final boolean acceptsChangeCipherSpec() {
        return state != null && state.acceptsChangeCipherSpec();
    }

    public final TlsSession session() {
        return session;
    }

    /** What the handshake waits for, for diagnostics. */
    public final String expecting() {
        return state == null ? "not started" : state.expecting();
    }

    final void begin(State first) {
        this.state = first;
    }

    /** Adds a handshake message to the transcript and sends it. */
    final void send(HandshakeMessage message) {
        Bytes raw = message.encode();
        transcript.add(raw);
        out.sendHandshake(raw);
    }

    final void enterApplicationPhase(TrafficSecret read, TrafficSecret write, ExporterMasterSecret exporter) {
        this.readApplicationSecret = read;
        this.writeApplicationSecret = write;
        this.exporterMasterSecret = exporter;
        out.exporterMasterSecretDerived(exporter);
    }

    /**
     * Sends a KeyUpdate and moves our writing to the next traffic secret (RFC 8446 §4.6.3).
     * The core calls this before a key's usage limit; applications reach it through the
     * Padlock API.
     */
    public final void updateKeys(boolean requestPeerUpdate) {
        if (!isComplete()) {
            throw new IllegalStateException("KeyUpdate is only possible after the handshake");
        }
        if (secrets.isClosed()) {
            throw new IllegalStateException("KeyUpdate is not possible once the connection is closed");
        }
        out.sendHandshake(new KeyUpdate(requestPeerUpdate).encode());
        TrafficSecret previous = writeApplicationSecret;
        writeApplicationSecret = secrets.hold(applicationSecretName(config.clientMode(), ++writeGeneration),
                previous.next());
        installWriteSecret(writeApplicationSecret);
        // RFC 8446 §7.2: once application_traffic_secret_N+1 and its keys exist, N is erased.
        secrets.erase(previous);
    }

    /** RFC 8446 §4.6.3: the peer moved to its next secret; answer if it asked us to. */
    final void onKeyUpdate(KeyUpdate update) {
        TrafficSecret previous = readApplicationSecret;
        readApplicationSecret = secrets.hold(applicationSecretName(!config.clientMode(), ++readGeneration),
                previous.next());
        installReadSecret(readApplicationSecret);
        secrets.erase(previous);
        if (update.updateRequested()) {
            updateKeys(false);
        }
    }

    /** Records from the peer are protected under {@code secret}'s key and IV (RFC 8446 §7.3) from the next one on. */
    final void installReadSecret(TrafficSecret secret) {
        out.installReadKeys(Tls13RecordKeys.of(secret));
    }

    /** Our records are protected under {@code secret}'s key and IV (RFC 8446 §7.3) from the next one on. */
    final void installWriteSecret(TrafficSecret secret) {
        out.installWriteKeys(Tls13RecordKeys.of(secret));
    }

    static String applicationSecretName(boolean client, int generation) {
        return (client ? "client" : "server") + "_application_traffic_secret_" + generation;
    }

    /**
     * The connection closed or failed: erases every secret it still held, the application
     * traffic secrets, the exporter master secret and the client's resumption master secret
     * included. Nothing can be derived afterwards: no KeyUpdate, no exported keying material,
     * no PSK from a late NewSessionTicket.
     */
    public final void eraseSecrets() {
        secrets.eraseAll();
    }

    /** For tests: sees each secret of this connection, under its RFC 8446 name, as it is derived. */
    final void observeSecrets(BiConsumer<String, Destroyable> observer) {
        secrets.observe(observer);
    }

    /** RFC 8446 §7.5 exporter; empty context and absent context hash alike (HKDF of Hash("")). */
    public final byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (exporterMasterSecret == null) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        if (secrets.isClosed()) {
            throw new IllegalStateException("keying material cannot be exported once the connection is closed");
        }
        return exporterMasterSecret.export(label, context == null ? new byte[0] : context, length);
    }

    static TlsFailure unexpected(State state, HandshakeMessage message) {
        return new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                "received " + message.type() + " while " + state.expecting());
    }
}
