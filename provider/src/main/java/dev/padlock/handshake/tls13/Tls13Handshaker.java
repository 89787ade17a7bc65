package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.crypto.Transcript;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.LiveSecrets;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyUpdate;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.util.Objects;

/**
 * One side of one TLS 1.3 handshake, and the post-handshake messages after it (RFC 8446 §4.6).
 *
 * <p>It owns the transcript and the current state; the connection core feeds it whole handshake
 * messages and it answers through {@link HandshakeOutput}. It does no I/O and throws only
 * {@link TlsFailure}.
 */
public abstract sealed class Tls13Handshaker extends Handshaker permits ClientHandshaker, ServerHandshaker {
    final HandshakeConfig config;
    final HandshakeOutput out;
    final Transcript transcript = new Transcript();
    final TlsSession session;
    /** Every secret this connection still needs, so that each is erased when it is not (RFC 8446 §7.2). */
    final LiveSecrets secrets;

    private State state;

    private TrafficSecret readApplicationSecret;
    private TrafficSecret writeApplicationSecret;
    /** N of the current application_traffic_secret_N in each direction (RFC 8446 §7.2). */
    private int readGeneration;
    private int writeGeneration;
    /** Volatile: applications export from their own threads (see {@link LiveSecrets#whileLive}). */
    private volatile ExporterMasterSecret exporterMasterSecret;
    /**
     * RFC 8446 §7.1; each session ticket's PSK derives from it (§4.6.1). The client keeps it for
     * tickets that may come at any time; the server erases it once its tickets are sent.
     */
    private ResumptionMasterSecret resumptionMasterSecret;

    Tls13Handshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session, LiveSecrets secrets) {
        super(session, secrets);
        this.config = Objects.requireNonNull(config, "config");
        this.out = Objects.requireNonNull(out, "out");
        this.session = session;
        this.secrets = secrets;
    }

    /** The client or the server machine, as {@code config} says. */
    public static Tls13Handshaker create(HandshakeConfig config, HandshakeOutput out, TlsSession session,
            LiveSecrets secrets) {
        return config.clientMode()
                ? new ClientHandshaker(config, out, session, secrets)
                : new ServerHandshaker(config, out, session, secrets);
    }

    @Override
    public final void onMessage(Bytes raw) {
        if (state == null) {
            throw new IllegalStateException("handshake not started");
        }
        HandshakeType type = new HandshakeType(raw.get(0) & 0xFF);
        CipherSuiteSpec suite = state.suite();
        if (type.equals(HandshakeType.FINISHED) && suite == null) {
            throw new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                    "received Finished while " + state.expecting());
        }
        HandshakeMessage message = HandshakeCodec.decode(type, raw.slice(4, raw.length()),
                suite == null ? 0 : suite.hashLength());
        state = state.handle(message, raw);
    }

    @Override
    public final boolean isComplete() {
        return state != null && state.isConnected();
    }

    @Override
    public final boolean acceptsChangeCipherSpec() {
        return state != null && state.acceptsChangeCipherSpec();
    }

    @Override
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

    /**
     * The handshake is over: what outlives it (RFC 8446 §7.1, §7.5), set once here by the
     * state that completes it.
     *
     * @param resumption client: the resumption_master_secret for NewSessionTickets to come;
     *                   server: null, as it derives PSKs only for the tickets it sends at once
     */
    final void enterApplicationPhase(TrafficSecret read, TrafficSecret write, ExporterMasterSecret exporter,
            ResumptionMasterSecret resumption) {
        this.readApplicationSecret = read;
        this.writeApplicationSecret = write;
        this.exporterMasterSecret = exporter;
        this.resumptionMasterSecret = resumption;
        out.exporterMasterSecretDerived(exporter);
    }

    /** Client: the secret each NewSessionTicket's PSK derives from (RFC 8446 §4.6.1), or null. */
    final ResumptionMasterSecret resumptionMasterSecret() {
        return resumptionMasterSecret;
    }

    @Override
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

    @Override
    public final byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        ExporterMasterSecret exporter = exporterMasterSecret;
        if (exporter == null) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        return secrets.whileLive("keying material cannot be exported once the connection is closed",
                () -> exporter.export(label, context == null ? new byte[0] : context, length));
    }
}
