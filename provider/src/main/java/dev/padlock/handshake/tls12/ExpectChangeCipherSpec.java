package dev.padlock.handshake.tls12;

import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.Tls12NewSessionTicket;

/**
 * Either side, before the peer's Finished: its ChangeCipherSpec (RFC 5246 §7.1), after which its
 * records are under the key block's keys for its direction. Any handshake message here is
 * unexpected_message: Finished before ChangeCipherSpec would be read without protection.
 */
final class ExpectChangeCipherSpec implements State {
    private final Tls12Handshaker hs;
    private final Tls12Keys keys;
    /** Whether our ChangeCipherSpec and Finished answer the peer's: client resuming, server in full. */
    private final boolean answer;
    /** Client: whether a promised NewSessionTicket may still come first (RFC 5077 §3.3). */
    private final boolean ticketExpected;

    ExpectChangeCipherSpec(Tls12Handshaker hs, Tls12Keys keys, boolean answer) {
        this(hs, keys, answer, hs.config.clientMode() && hs.ticketPromised);
    }

    private ExpectChangeCipherSpec(Tls12Handshaker hs, Tls12Keys keys, boolean answer, boolean ticketExpected) {
        this.hs = hs;
        this.keys = keys;
        this.answer = answer;
        this.ticketExpected = ticketExpected;
    }

    @Override
    public String expecting() {
        return ticketExpected ? "expecting NewSessionTicket or the peer's ChangeCipherSpec"
                : "expecting the peer's ChangeCipherSpec";
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return true;
    }

    @Override
    public State onChangeCipherSpec() {
        boolean client = hs.config.clientMode();
        hs.out.installReadKeys(client ? keys.keyBlock().serverWrite() : keys.keyBlock().clientWrite());
        return new ExpectFinished(hs, keys, answer);
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (message instanceof Tls12NewSessionTicket ticket && ticketExpected) {
            // RFC 5077 §3.3: the ticket is part of the transcript the server's Finished covers.
            hs.transcript.add(raw);
            Tls12Tickets.keep(hs, ticket, keys);
            return new ExpectChangeCipherSpec(hs, keys, answer, false);
        }
        throw Handshaker.unexpected(this, message);
    }
}
