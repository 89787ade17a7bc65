package dev.padlock.handshake.tls13;

import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.LiveSecrets;
import dev.padlock.session.TlsSession;

/** The server side of RFC 8446 §2: wait for a ClientHello, answer with one flight. */
public final class ServerHandshaker extends Tls13Handshaker {
    private boolean changeCipherSpecSent;
    private boolean rejectedEarlyData;

    ServerHandshaker(HandshakeConfig config, HandshakeOutput out, TlsSession session, LiveSecrets secrets) {
        super(config, out, session, secrets);
    }

    @Override
    public void start() {
        begin(new ExpectClientHello(this, null));
    }

    @Override
    public boolean rejectedEarlyData() {
        return rejectedEarlyData;
    }

    /**
     * RFC 8446 §4.2.10: early data is never accepted (no early_data in EncryptedExtensions); when
     * the ClientHello being answered offered it, the connection skips the 0-RTT records.
     */
    void earlyDataOffered(boolean offered) {
        rejectedEarlyData = offered;
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
