package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.handshake.Handshaker;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.TlsFailure;

/** Server: the client's Finished (RFC 8446 §4.4.4); then application data flows both ways. */
final class ExpectClientFinished implements State {
    private final ServerHandshaker hs;
    private final ClientFinishedContext context;

    ExpectClientFinished(ServerHandshaker hs, ClientFinishedContext context) {
        this.hs = hs;
        this.context = context;
    }

    @Override
    public String expecting() {
        return "expecting the client's Finished";
    }

    @Override
    public CipherSuiteSpec suite() {
        return context.keys().suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Finished finished)) {
            throw Handshaker.unexpected(this, message);
        }
        if (!context.keys().client().verifyFinished(hs.transcript.currentHash(),
                finished.verifyData().toByteArray())) {
            throw new TlsFailure(FailureReason.FINISHED_MISMATCH, "the client's Finished does not verify");
        }
        // Its read keys are installed and the client's Finished verified: its last use.
        hs.secrets.erase(context.keys().client());
        hs.transcript.add(raw);
        ResumptionMasterSecret resumption = hs.secrets.hold("resumption_master_secret",
                context.master().resumptionMasterSecret(hs.transcript.currentHash()));
        // RFC 8446 §7.1: the last secret derived from the Master Secret.
        hs.secrets.erase(context.master());
        hs.installReadSecret(context.clientApplication());
        hs.enterApplicationPhase(context.clientApplication(), context.serverApplication(), context.exporter(), null);
        State connected = new Connected(hs, context.keys().suite());
        TicketIssuer.issue(hs, resumption, context.clientWantsTickets(), context.serverName());
        // The server derives PSKs only for the tickets it has just sent.
        hs.secrets.erase(resumption);
        return connected;
    }
}
