package dev.padlock.handshake;

import dev.padlock.session.TlsSession;

/** The server side of RFC 8446 §2: wait for a ClientHello, answer with one flight. */
public final class ServerHandshaker extends Handshaker {
    private boolean changeCipherSpecSent;

    ServerHandshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session) {
        super(config, out, session);
    }

    @Override
    public void start() {
        begin(new ExpectClientHello(this, null));
    }

    /**
     * RFC 8446 §D.4: a server answering a client in compatibility mode (non-empty
     * legacy_session_id) sends one change_cipher_spec right after its first handshake message.
     */
    void sendCompatibilityChangeCipherSpec(boolean clientAskedForIt) {
        if (clientAskedForIt && !changeCipherSpecSent) {
            changeCipherSpecSent = true;
            out.sendChangeCipherSpec();
        }
    }
}
