package dev.padlock.handshake.tls12;

import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;

/**
 * The handshake is over. Padlock never renegotiates (RFC 5746 §4.4, §4.5 let either side
 * refuse): a client ignores HelloRequest (handled before the states see it), and a server
 * answers a new ClientHello with a fatal handshake_failure, as SunJSSE does with
 * {@code jdk.tls.rejectClientInitiatedRenegotiation=true}.
 */
final class Connected implements State {
    private final Tls12Handshaker hs;

    Connected(Tls12Handshaker hs) {
        this.hs = hs;
    }

    @Override
    public String expecting() {
        return "connected";
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (message instanceof ClientHello && !hs.config.clientMode()) {
            throw new TlsFailure(FailureReason.RENEGOTIATION_REFUSED,
                    "the client tried to renegotiate; Padlock does not renegotiate TLS 1.2 connections");
        }
        throw Handshaker.unexpected(this, message);
    }
}
