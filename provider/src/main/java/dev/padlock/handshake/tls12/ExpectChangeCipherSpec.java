package dev.padlock.handshake.tls12;

import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeMessage;

/**
 * Either side, before the peer's Finished: its ChangeCipherSpec (RFC 5246 §7.1), after which its
 * records are under the key block's keys for its direction. Any handshake message here is
 * unexpected_message: Finished before ChangeCipherSpec would be read without protection.
 */
final class ExpectChangeCipherSpec implements State {
    private final Tls12Handshaker hs;
    private final Tls12Keys keys;

    ExpectChangeCipherSpec(Tls12Handshaker hs, Tls12Keys keys) {
        this.hs = hs;
        this.keys = keys;
    }

    @Override
    public String expecting() {
        return "expecting the peer's ChangeCipherSpec";
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return true;
    }

    @Override
    public State onChangeCipherSpec() {
        boolean client = hs.config.clientMode();
        hs.out.installReadKeys(client ? keys.keyBlock().serverWrite() : keys.keyBlock().clientWrite());
        return new ExpectFinished(hs, keys);
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        throw Handshaker.unexpected(this, message);
    }
}
