package dev.padlock.handshake.tls12;

import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;
import java.security.MessageDigest;

/**
 * Either side, after the peer's ChangeCipherSpec: the peer's Finished (RFC 5246 §7.4.9). The
 * server answers the client's with its own ChangeCipherSpec and Finished.
 */
final class ExpectFinished implements State {
    private final Tls12Handshaker hs;
    private final Tls12Keys keys;

    ExpectFinished(Tls12Handshaker hs, Tls12Keys keys) {
        this.hs = hs;
        this.keys = keys;
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
        byte[] expected = keys.master().verifyData(!client, hs.transcript.currentHash());
        if (!MessageDigest.isEqual(expected, finished.verifyData().toByteArray())) {
            throw new TlsFailure(FailureReason.FINISHED_MISMATCH,
                    "the " + (client ? "server's" : "client's") + " Finished does not verify");
        }
        hs.transcript.add(raw);
        if (!client) {
            hs.out.sendChangeCipherSpec();
            hs.out.installWriteKeys(keys.keyBlock().serverWrite());
            hs.send(new Finished(Bytes.wrap(keys.master().verifyData(false, hs.transcript.currentHash()))));
        }
        hs.keysInstalled(keys);
        return new Connected(hs);
    }
}
