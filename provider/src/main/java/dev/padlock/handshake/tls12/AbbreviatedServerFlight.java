package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.handshake.ApplicationProtocols;
import dev.padlock.handshake.ServerNames;
import dev.padlock.session.ResumptionState;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Finished;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerHello;

/**
 * Server, resuming from a ticket (RFC 5077 §3.1, RFC 5246 §7.3 abbreviated handshake):
 * ServerHello echoing the client's session ID, [NewSessionTicket], ChangeCipherSpec, Finished;
 * then the client's ChangeCipherSpec and Finished.
 */
final class AbbreviatedServerFlight {
    private AbbreviatedServerFlight() {
    }

    static State send(Tls12Handshaker hs, ClientHello hello, Bytes raw, ResumptionState state) {
        CipherSuiteSpec suite = CipherSuiteSpec.of(state.suite()).orElseThrow();
        boolean acceptedServerName = ServerNames.accept(hs.config, hs.session, hello);
        String alpn = ApplicationProtocols.select(hs.config, hello);
        hs.transcript.begin(suite);
        hs.transcript.add(raw);
        ServerHello serverHello = ServerFlight.serverHello(hs, hello, suite, acceptedServerName, alpn,
                hello.legacySessionId());
        hs.send(serverHello);
        hs.session.protocolVersion(ProtocolVersion.TLSV1_2);
        hs.session.cipherSuite(suite.suite());
        hs.session.applicationProtocol(alpn);
        hs.session.resumed(true);
        hs.session.peerCertificates(state.peerCertificates());
        hs.session.localCertificates(state.localCertificates());
        Tls12Keys keys;
        try {
            keys = hs.deriveKeys(Tls12MasterSecret.restore(suite, state.psk()), hello.random().toByteArray(),
                    serverHello.random().toByteArray());
        } finally {
            state.psk().destroy();
        }
        if (hs.ticketPromised) {
            Tls12Tickets.issue(hs, keys, hello);
        }
        hs.out.sendChangeCipherSpec();
        hs.out.installWriteKeys(keys.keyBlock().serverWrite());
        hs.send(new Finished(Bytes.wrap(keys.master().verifyData(false, hs.transcript.currentHash()))));
        return new ExpectChangeCipherSpec(hs, keys, false);
    }
}
