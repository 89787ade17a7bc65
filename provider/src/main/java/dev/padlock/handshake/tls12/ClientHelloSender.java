package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.Tls12Offer;
import dev.padlock.session.ClientTicket;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SessionTicketExtension;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SupportedGroupsExtension;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIServerName;

/** A TLS 1.2-only client's ClientHello (RFC 5246 §7.4.1.2): no supported_versions, no key_share. */
final class ClientHelloSender {
    private ClientHelloSender() {
    }

    static State send(Tls12Handshaker hs) {
        byte[] random = new byte[32];
        hs.config.random().nextBytes(random);
        List<CipherSuite> suites = new ArrayList<>();
        for (CipherSuiteSpec spec : hs.config.suitesFor(ProtocolVersion.TLSV1_2)) {
            suites.add(spec.suite());
        }
        hs.session.localSignatureSchemes(Negotiation.union(Tls12Offer.signatureSchemes(hs.config),
                hs.config.signatureSchemesCert()));
        hs.session.requestedServerNames(hs.config.serverNames());
        ClientTicket offered = Tls12Tickets.offerable(hs);
        if (offered != null) {
            hs.secrets.hold("ticket_master_secret", offered.psk());
        }
        // RFC 5077 §3.4: a session ID beside a ticket lets the client see the server resume it.
        byte[] sessionId = new byte[offered == null ? 0 : 32];
        hs.config.random().nextBytes(sessionId);
        ClientHello hello = new ClientHello(ProtocolVersion.TLSV1_2, Bytes.wrap(random), Bytes.wrap(sessionId), suites,
                Bytes.of((byte) 0), extensions(hs, offered));
        hs.send(hello);
        return new ExpectServerHello(hs, hello, offered);
    }

    private static List<Extension> extensions(Tls12Handshaker hs, ClientTicket offered) {
        List<Extension> ext = new ArrayList<>();
        if (!hs.config.serverNames().isEmpty()) {
            List<ServerName> names = new ArrayList<>();
            for (SNIServerName name : hs.config.serverNames()) {
                names.add(new ServerName(name.getType(), Bytes.of(name.getEncoded())));
            }
            ext.add(new ServerNameExtension(names));
        }
        ext.add(new SupportedGroupsExtension(Tls12Offer.ecdheGroups(hs.config)));
        ext.add(new SignatureAlgorithmsExtension(Tls12Offer.signatureSchemes(hs.config)));
        if (!hs.config.applicationProtocols().isEmpty()) {
            List<Bytes> names = new ArrayList<>();
            for (String p : hs.config.applicationProtocols()) {
                names.add(Negotiation.alpnBytes(p));
            }
            ext.add(new AlpnExtension(names));
        }
        ext.addAll(Tls12Offer.clientHelloExtensions());
        ext.add(offered == null ? SessionTicketExtension.EMPTY : new SessionTicketExtension(offered.ticket()));
        return ext;
    }
}
