package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.HandshakeSecret;
import dev.padlock.crypto.KeyExchange;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.MasterSecret;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.handshake.ApplicationProtocols;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Negotiation;
import dev.padlock.handshake.ServerNames;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.Extension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.KeyShareServerHello;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.PskKeyExchangeMode;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.RecordSizeLimitExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedVersionsServerHello;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Server: the answer to an acceptable ClientHello, in RFC 8446 §2 order — ServerHello,
 * EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify, Finished.
 */
final class ServerFlight {
    private final ServerHandshaker hs;
    private final ClientHello hello;
    private final CipherSuiteSpec suite;
    private final KeyShareEntry clientShare;
    /** The PSK accepted for resumption, or null for a full handshake. */
    private final PskAcceptor.Accepted psk;

    ServerFlight(ServerHandshaker hs, ClientHello hello, CipherSuiteSpec suite, KeyShareEntry clientShare,
            PskAcceptor.Accepted psk) {
        this.hs = hs;
        this.hello = hello;
        this.suite = suite;
        this.clientShare = clientShare;
        this.psk = psk;
    }

    /**
     * signature_algorithms, and certificate_authorities naming the trust's accepted issuers so
     * that the client's key manager can pick a chain we will accept (RFC 8446 §4.3.2, §4.2.4);
     * SunJSSE 17 and 25 servers send both.
     */
    private void sendCertificateRequest() {
        List<Extension> extensions = new ArrayList<>();
        extensions.add(new SignatureAlgorithmsExtension(hs.config.signatureSchemes()));
        Negotiation.certificateAuthorities(hs.config.peerTrust().acceptedIssuers()).ifPresent(extensions::add);
        hs.send(new CertificateRequest(Bytes.EMPTY, extensions));
    }

    State send() {
        boolean acceptedServerName = ServerNames.accept(hs.config, hs.session, hello);
        String alpn = ApplicationProtocols.select(hs.config, hello);
        List<SignatureScheme> schemes = Negotiation.commonSchemes(hs.config.signatureSchemes(),
                hs.session.peerSignatureSchemes());
        Credential credential = psk == null ? chooseCredential(schemes) : null;

        HandshakeKeys keys = sendServerHello();
        sendEncryptedExtensions(acceptedServerName, alpn);
        boolean requestCertificate = psk == null && hs.config.clientAuth() != ClientAuth.NONE;
        if (psk != null) {
            // RFC 8446 §2.2, §4.3.2: the PSK authenticates; no CertificateRequest, Certificate
            // or CertificateVerify. The session reports the original client certificates.
            hs.session.resumed(true);
            hs.session.peerCertificates(psk.state().peerCertificates());
            hs.session.localCertificates(psk.state().localCertificates());
        } else {
            if (requestCertificate) {
                sendCertificateRequest();
            }
            CertificateSigner.sendCertificate(hs, Bytes.EMPTY, credential);
            CertificateSigner.sendCertificateVerify(hs, credential, schemes, true);
        }
        hs.send(new Finished(Bytes.wrap(keys.server().verifyData(hs.transcript.currentHash()))));

        byte[] th = hs.transcript.currentHash();
        MasterSecret master = hs.secrets.hold("master_secret", keys.handshakeSecret().masterSecret());
        hs.secrets.erase(keys.handshakeSecret());
        TrafficSecret clientApplication = hs.secrets.hold(Tls13Handshaker.applicationSecretName(true, 0),
                master.clientApplicationTrafficSecret0(th));
        TrafficSecret serverApplication = hs.secrets.hold(Tls13Handshaker.applicationSecretName(false, 0),
                master.serverApplicationTrafficSecret0(th));
        ExporterMasterSecret exporter = hs.secrets.hold("exporter_master_secret", master.exporterMasterSecret(th));
        hs.installWriteSecret(serverApplication);
        // Our Finished is computed and the application write keys replace the handshake ones.
        hs.secrets.erase(keys.server());
        boolean wantsTickets = hello.extension(PskKeyExchangeModesExtension.class)
                .map(m -> m.modes().contains(PskKeyExchangeMode.PSK_DHE_KE)).orElse(false);
        // The Master Secret lives on until the client's Finished gives resumption_master_secret.
        ClientFinishedContext next = new ClientFinishedContext(keys, master, clientApplication, serverApplication,
                exporter, wantsTickets, PskAcceptor.hostName(hello));
        return requestCertificate
                ? new ExpectClientCertificate(hs, next)
                : new ExpectClientFinished(hs, next);
    }

    private Credential chooseCredential(List<SignatureScheme> schemes) {
        if (schemes.isEmpty()) {
            throw new TlsFailure(FailureReason.NO_COMMON_SIGNATURE_SCHEME, "no signature scheme in common: the client "
                    + "accepts " + hs.session.peerSignatureSchemes() + ", the server enables "
                    + hs.config.signatureSchemes());
        }
        return hs.config.credentials().chooseServerCredential(schemes, Negotiation.authorities(hello.extensions()))
                .orElseThrow(() -> new TlsFailure(FailureReason.NO_CERTIFICATE_FOR_SIGNATURE_SCHEMES,
                        "the server has no certificate for any signature scheme the client accepts: " + schemes));
    }

    private HandshakeKeys sendServerHello() {
        NamedGroup group = clientShare.group();
        KeyExchange.Response response = KeyExchanges.of(group).respond(clientShare.keyExchange(), hs.config.random());
        byte[] sharedSecret = response.sharedSecret();
        byte[] random = new byte[32];
        hs.config.random().nextBytes(random);
        List<Extension> ext = new ArrayList<>(List.of(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                new KeyShareServerHello(new KeyShareEntry(group, response.keyShare()))));
        if (psk != null) {
            ext.add(new PreSharedKeyServerHello(psk.index()));
        }
        hs.send(new ServerHello(ProtocolVersion.TLSV1_2, Bytes.wrap(random), hello.legacySessionId(),
                suite.suite(), 0, ext));
        hs.sendCompatibilityChangeCipherSpec(!hello.legacySessionId().isEmpty());
        hs.session.protocolVersion(ProtocolVersion.TLSV1_3);
        hs.session.cipherSuite(suite.suite());
        hs.session.namedGroup(group);

        EarlySecret early = psk == null ? hs.secrets.hold("early_secret", EarlySecret.withoutPsk(suite))
                : psk.earlySecret();
        HandshakeSecret handshakeSecret = hs.secrets.hold("handshake_secret", early.handshakeSecret(sharedSecret));
        Arrays.fill(sharedSecret, (byte) 0);
        // RFC 8446 §7.1: the binder is checked and there is no 0-RTT; nothing more derives from it.
        hs.secrets.erase(early);
        byte[] th = hs.transcript.currentHash();
        TrafficSecret client = hs.secrets.hold("client_handshake_traffic_secret",
                handshakeSecret.clientHandshakeTrafficSecret(th));
        TrafficSecret server = hs.secrets.hold("server_handshake_traffic_secret",
                handshakeSecret.serverHandshakeTrafficSecret(th));
        hs.installWriteSecret(server);
        hs.installReadSecret(client);
        return new HandshakeKeys(handshakeSecret, client, server);
    }

    private void sendEncryptedExtensions(boolean acceptedServerName, String alpn) {
        List<Extension> ext = new ArrayList<>();
        if (acceptedServerName) {
            ext.add(ServerNameExtension.EMPTY);
        }
        if (!alpn.isEmpty()) {
            ext.add(new AlpnExtension(List.of(Negotiation.alpnBytes(alpn))));
        }
        hello.extension(RecordSizeLimitExtension.class).ifPresent(limit -> {
            // RFC 8449 §4: below 64 is illegal_parameter; we answer with the largest TLS 1.3 value.
            if (limit.limit() < 64) {
                throw new TlsFailure(FailureReason.RECORD_SIZE_LIMIT_TOO_SMALL,
                        "record_size_limit " + limit.limit() + " is below 64");
            }
            hs.session.peerRecordSizeLimit(limit.limit());
            ext.add(new RecordSizeLimitExtension(hs.config.recordSizeLimit() > 0
                    ? hs.config.recordSizeLimit() : (1 << 14) + 1));
        });
        hs.send(new EncryptedExtensions(ext));
        hs.session.applicationProtocol(alpn);
    }
}
