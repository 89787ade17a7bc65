package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.MasterSecret;
import dev.padlock.crypto.ResumptionMasterSecret;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Client: the server's Finished (RFC 8446 §4.4.4), then the client's second flight. */
final class ExpectServerFinished implements State {
    private final ClientHandshaker hs;
    private final HandshakeKeys keys;
    private final CertificateRequest request;

    /**
     * @param server  how the server authenticated: without that proof there is no way here
     * @param request the server's CertificateRequest, or null if it sent none
     */
    ExpectServerFinished(ClientHandshaker hs, HandshakeKeys keys, Authenticated server, CertificateRequest request) {
        Objects.requireNonNull(server, "the server must have authenticated before its Finished");
        this.hs = hs;
        this.keys = keys;
        this.request = request;
    }

    @Override
    public String expecting() {
        return "expecting the server's Finished";
    }

    @Override
    public CipherSuiteSpec suite() {
        return keys.suite();
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof Finished finished)) {
            throw Handshaker.unexpected(this, message);
        }
        if (!keys.server().verifyFinished(hs.transcript.currentHash(), finished.verifyData().toByteArray())) {
            throw new TlsFailure(FailureReason.FINISHED_MISMATCH, "the server's Finished does not verify");
        }
        // Its read keys are installed and the server's Finished verified: its last use.
        hs.secrets.erase(keys.server());
        hs.transcript.add(raw);
        byte[] th = hs.transcript.currentHash();
        MasterSecret master = hs.secrets.hold("master_secret", keys.handshakeSecret().masterSecret());
        hs.secrets.erase(keys.handshakeSecret());
        TrafficSecret clientApplication = hs.secrets.hold(Tls13Handshaker.applicationSecretName(true, 0),
                master.clientApplicationTrafficSecret0(th));
        TrafficSecret serverApplication = hs.secrets.hold(Tls13Handshaker.applicationSecretName(false, 0),
                master.serverApplicationTrafficSecret0(th));
        ExporterMasterSecret exporter = hs.secrets.hold("exporter_master_secret", master.exporterMasterSecret(th));
        hs.installReadSecret(serverApplication);

        hs.sendCompatibilityChangeCipherSpec();
        if (request != null) {
            sendClientCertificate();
        }
        hs.send(new Finished(Bytes.wrap(keys.client().verifyData(hs.transcript.currentHash()))));
        hs.installWriteSecret(clientApplication);
        // Our Finished is computed and the application write keys replace the handshake ones.
        hs.secrets.erase(keys.client());
        ResumptionMasterSecret resumption = hs.secrets.hold("resumption_master_secret",
                master.resumptionMasterSecret(hs.transcript.currentHash()));
        // RFC 8446 §7.1: the last secret derived from the Master Secret.
        hs.secrets.erase(master);
        hs.enterApplicationPhase(serverApplication, clientApplication, exporter, resumption);
        return new Connected(hs, keys.suite());
    }

    /** RFC 8446 §4.4.2: a Certificate (empty if we have none) and, with a certificate, CertificateVerify. */
    private void sendClientCertificate() {
        List<SignatureScheme> serverSchemes = request.extension(SignatureAlgorithmsExtension.class)
                .orElseThrow().schemes();
        List<SignatureScheme> schemes = Negotiation.commonSchemes(serverSchemes, hs.config.signatureSchemes());
        Optional<Credential> credential = schemes.isEmpty() ? Optional.empty()
                : hs.config.credentials().chooseClientCredential(schemes,
                        Negotiation.authorities(request.extensions()));
        CertificateSigner.sendCertificate(hs, request.certificateRequestContext(), credential.orElse(null));
        if (credential.isPresent()) {
            CertificateSigner.sendCertificateVerify(hs, credential.get(), schemes, false);
        }
    }
}
