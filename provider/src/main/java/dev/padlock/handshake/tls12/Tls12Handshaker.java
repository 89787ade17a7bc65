package dev.padlock.handshake.tls12;

import dev.padlock.crypto.Tls12KeyBlock;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.crypto.Transcript;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.LiveSecrets;
import dev.padlock.session.ClientTicket;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.Tls12HandshakeCodec;
import java.util.Objects;

/**
 * One side of one TLS 1.2 handshake (RFC 5246 §7.3), ECDHE with AEAD suites only, extended
 * master secret required (RFC 7627), and the connection after it, which never renegotiates.
 *
 * <p>It owns the transcript and the current state; the connection core feeds it whole handshake
 * messages and the peer's ChangeCipherSpec, and it answers through {@link HandshakeOutput}.
 */
public final class Tls12Handshaker extends Handshaker {
    final HandshakeConfig config;
    final HandshakeOutput out;
    final Transcript transcript = new Transcript();
    final TlsSession session;
    final LiveSecrets secrets;

    private State state;
    /**
     * Whether the ServerHello carried an empty session_ticket, promising a NewSessionTicket
     * before the server's ChangeCipherSpec (RFC 5077 §3.2); set once by the hello states.
     */
    boolean ticketPromised;
    /** Server: the ClientHello answered, for the ticket issued at the end; client: null. */
    ClientHello clientHello;
    /** Volatile: applications export from their own threads (see {@link LiveSecrets#whileLive}). */
    private volatile Tls12Keys keys;

    private Tls12Handshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session, LiveSecrets secrets) {
        super(session, secrets);
        this.config = Objects.requireNonNull(config, "config");
        this.out = Objects.requireNonNull(out, "out");
        this.session = session;
        this.secrets = secrets;
    }

    /** A TLS 1.2 machine for {@code config}'s side, which sends its own ClientHello or waits for one. */
    public static Tls12Handshaker create(HandshakeConfig config, HandshakeOutput out, TlsSession session,
            LiveSecrets secrets) {
        return new Tls12Handshaker(config, out, session, secrets);
    }

    /**
     * Client: a TLS 1.2 ServerHello answered {@code sent}, a ClientHello that also offered TLS 1.3;
     * this machine continues from it (RFC 8446 §4.1.3: it checks the downgrade sentinel).
     * {@code offered} is the TLS 1.2 ticket that ClientHello carried, or null.
     */
    public static Tls12Handshaker continueClient(HandshakeConfig config, HandshakeOutput out, TlsSession session,
            LiveSecrets secrets, ClientHello sent, ClientTicket offered) {
        Tls12Handshaker hs = new Tls12Handshaker(config, out, session, secrets);
        hs.transcript.add(sent.encode());
        hs.state = new ExpectServerHello(hs, sent, offered);
        return hs;
    }

    @Override
    public void start() {
        if (state != null) {
            return;
        }
        state = config.clientMode() ? ClientHelloSender.send(this) : new ExpectClientHello(this);
    }

    @Override
    public void onMessage(Bytes raw) {
        if (state == null) {
            throw new IllegalStateException("handshake not started");
        }
        HandshakeType type = new HandshakeType(raw.get(0) & 0xFF);
        HandshakeMessage message = Tls12HandshakeCodec.decode(type, raw.slice(4, raw.length()));
        if (config.clientMode() && type.equals(HandshakeType.HELLO_REQUEST)) {
            // RFC 5246 §7.4.1.1: a client may ignore HelloRequest, which is not part of the
            // transcript; Padlock never renegotiates (README: renegotiation).
            return;
        }
        state = state.handle(message, raw);
    }

    @Override
    public void onChangeCipherSpec() {
        state = state.onChangeCipherSpec();
    }

    @Override
    public boolean isComplete() {
        return state != null && state.isConnected();
    }

    @Override
    public boolean rejectedEarlyData() {
        return false;
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return state != null && state.acceptsChangeCipherSpec();
    }

    @Override
    public boolean canUpdateKeys() {
        return false;
    }

    @Override
    public String expecting() {
        return state == null ? "not started" : state.expecting();
    }

    /** RFC 5246 has no KeyUpdate: a key near its limit ends the connection instead. */
    @Override
    public void updateKeys(boolean requestPeerUpdate) {
        throw new IllegalStateException("TLS 1.2 has no KeyUpdate; the connection closes before a key's limit");
    }

    /** RFC 5705 §4 over the extended master secret, as RFC 7627 §5.4 allows; a null context differs from an empty one. */
    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        Tls12Keys k = keys;
        if (k == null || !isComplete()) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        return secrets.whileLive("keying material cannot be exported once the connection is closed",
                () -> k.master().exportKeyingMaterial(label, context, length, k.clientRandom(), k.serverRandom()));
    }

    /** Adds a handshake message to the transcript and sends it. */
    void send(HandshakeMessage message) {
        Bytes raw = message.encode();
        transcript.add(raw);
        out.sendHandshake(raw);
    }

    /** The master secret and key block (RFC 5246 §6.3), held until the connection ends. */
    Tls12Keys deriveKeys(Tls12MasterSecret master, byte[] clientRandom, byte[] serverRandom) {
        secrets.hold("master_secret", master);
        out.tls12MasterSecretDerived(master);
        Tls12KeyBlock block = secrets.hold("key_block", master.keyBlock(clientRandom, serverRandom));
        keys = new Tls12Keys(master, block, clientRandom, serverRandom);
        return keys;
    }

    /** Both directions run on the new keys: the key block's copies are the record layer's now. */
    void keysInstalled(Tls12Keys k) {
        secrets.erase(k.keyBlock());
    }
}
