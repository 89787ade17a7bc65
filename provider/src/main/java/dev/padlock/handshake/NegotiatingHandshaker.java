package dev.padlock.handshake;

import dev.padlock.handshake.tls12.Tls12Handshaker;
import dev.padlock.handshake.tls13.ClientHandshaker;
import dev.padlock.handshake.tls13.Tls13Handshaker;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SupportedVersionsServerHello;
import dev.padlock.wire.TlsFailure;
import dev.padlock.wire.TlsReader;

/**
 * TLS 1.3 and TLS 1.2 both enabled: the first hello decides which machine runs, and this hands
 * every message to it.
 *
 * <p>Client: the TLS 1.3 machine sends a ClientHello that also offers TLS 1.2; a ServerHello
 * without supported_versions chose TLS 1.2 (RFC 8446 §4.2.1), and the TLS 1.2 machine continues
 * from that ClientHello. Server: the ClientHello's versions pick the machine
 * ({@link VersionNegotiation#choose}). Both machines share this one's {@link LiveSecrets}.
 */
public final class NegotiatingHandshaker extends Handshaker {
    private final HandshakeConfig config;
    private final HandshakeOutput out;
    private final LiveSecrets secrets;
    /** The machine in charge: the client's TLS 1.3 one until a TLS 1.2 ServerHello; the server's from the ClientHello. */
    private Handshaker current;
    private boolean decided;

    NegotiatingHandshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session, LiveSecrets secrets) {
        super(session, secrets);
        this.config = config;
        this.out = out;
        this.secrets = secrets;
    }

    @Override
    public void start() {
        if (config.clientMode()) {
            current = Tls13Handshaker.create(config, out, session(), secrets);
            current.start();
        }
    }

    @Override
    public void onMessage(Bytes raw) {
        if (!decided) {
            decided = true;
            HandshakeType type = new HandshakeType(raw.get(0) & 0xFF);
            current = config.clientMode() ? clientMachine(type, raw) : serverMachine(type, raw);
        }
        current.onMessage(raw);
    }

    private Handshaker clientMachine(HandshakeType type, Bytes raw) {
        if (!type.equals(HandshakeType.SERVER_HELLO)) {
            throw new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                    "received " + type + " while expecting ServerHello");
        }
        ServerHello hello = ServerHello.decode(TlsReader.of(raw.slice(4, raw.length()), "ServerHello"));
        if (hello.extension(SupportedVersionsServerHello.class).isPresent()) {
            return current;
        }
        ClientHandshaker tls13 = (ClientHandshaker) current;
        return Tls12Handshaker.continueClient(config, out, session(), secrets, tls13.firstClientHello(),
                tls13.offeredTls12Ticket());
    }

    private Handshaker serverMachine(HandshakeType type, Bytes raw) {
        if (!type.equals(HandshakeType.CLIENT_HELLO)) {
            throw new TlsFailure(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                    "received " + type + " while expecting ClientHello");
        }
        ProtocolVersion version = VersionNegotiation.choose(config,
                ClientHello.decode(TlsReader.of(raw.slice(4, raw.length()), "ClientHello")));
        Handshaker machine = version.equals(ProtocolVersion.TLSV1_3)
                ? Tls13Handshaker.create(config, out, session(), secrets)
                : Tls12Handshaker.create(config, out, session(), secrets);
        machine.start();
        return machine;
    }

    @Override
    public boolean isComplete() {
        return current != null && current.isComplete();
    }

    @Override
    public boolean rejectedEarlyData() {
        return current != null && current.rejectedEarlyData();
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return current != null && current.acceptsChangeCipherSpec();
    }

    @Override
    public void onChangeCipherSpec() {
        if (current == null) {
            throw new TlsFailure(FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC,
                    "unexpected change_cipher_spec while expecting ClientHello");
        }
        current.onChangeCipherSpec();
    }

    @Override
    public boolean canUpdateKeys() {
        return current == null || current.canUpdateKeys();
    }

    @Override
    public String expecting() {
        return current == null ? "expecting ClientHello" : current.expecting();
    }

    @Override
    public void updateKeys(boolean requestPeerUpdate) {
        if (current == null) {
            throw new IllegalStateException("KeyUpdate is only possible after the handshake");
        }
        current.updateKeys(requestPeerUpdate);
    }

    @Override
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        if (current == null) {
            throw new IllegalStateException("keying material can be exported only after the handshake");
        }
        return current.exportKeyingMaterial(label, context, length);
    }

    /** The machine that runs the handshake, once the hellos chose it (for tests and diagnostics). */
    public Handshaker current() {
        return current;
    }
}
