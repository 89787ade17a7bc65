package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.KeyUpdate;
import dev.padlock.wire.NewSessionTicket;

/** After the handshake: KeyUpdate both ways; the client takes NewSessionTicket (RFC 8446 §4.6). */
final class Connected implements State {
    private final Tls13Handshaker hs;
    private final CipherSuiteSpec suite;

    Connected(Tls13Handshaker hs, CipherSuiteSpec suite) {
        this.hs = hs;
        this.suite = suite;
    }

    @Override
    public CipherSuiteSpec suite() {
        return suite;
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
        if (message instanceof KeyUpdate update) {
            hs.onKeyUpdate(update);
            return this;
        }
        if (message instanceof NewSessionTicket ticket && hs instanceof ClientHandshaker client) {
            client.onNewSessionTicket(ticket, suite);
            return this;
        }
        throw Handshaker.unexpected(this, message);
    }
}
