package dev.padlock.handshake.tls12;

import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;

/**
 * Either side, after the peer's ChangeCipherSpec: the peer's Finished (RFC 5246 §7.4.9). In a
 * full handshake the server answers the client's with [NewSessionTicket,] ChangeCipherSpec and
 * Finished; in an abbreviated one (RFC 5077 §3.1) the client answers the server's.
 */
final class ExpectFinished implements State {
    private final Tls12Handshaker hs;
    private final Tls12Keys keys;
    private final boolean answer;

    /** @param answer whether our ChangeCipherSpec and Finished follow: server in full, client resuming */
    ExpectFinished(Tls12Handshaker hs, Tls12Keys keys, boolean answer) {
        this.hs = hs;
        this.keys = keys;
        this.answer = answer;
    }

    @Override
    public String expecting() {
        return "expecting the peer's Finished";
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Finished finished)) {
            throw Handshaker.unexpected(this, message);
        }
        boolean client = hs.config.clientMode();
        if (!keys.master().verifyDataMatches(!client, hs.transcript.currentHash(), finished.verifyData().toByteArray())) {
            throw new TlsFailure(FailureReason.FINISHED_MISMATCH,
                    "the " + (client ? "server's" : "client's") + " Finished does not verify");
        }
        hs.transcript.add(raw);
        if (answer) {
            if (!client && hs.ticketPromised) {
                Tls12Tickets.issue(hs, keys, hs.clientHello);
            }
            hs.out.sendChangeCipherSpec();
            hs.out.installWriteKeys(client ? keys.keyBlock().clientWrite() : keys.keyBlock().serverWrite());
            hs.send(new Finished(Bytes.wrap(keys.master().verifyData(client, hs.transcript.currentHash()))));
        }
        hs.keysInstalled(keys);
        return new Connected(hs);
    }
}
