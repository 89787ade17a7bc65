package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.core.ScriptedPeer.Sent;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Certificate;
import dev.padlock.wire.CertificateEntry;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.EarlyDataExtension;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.UnknownExtension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extensions in the protected messages (RFC 8446 §4.2, §4.3, §4.4.2, §4.6.1): one the table does
 * not allow there is illegal_parameter; one answering nothing we offered is unsupported_extension.
 */
class ExtensionRejectionTest {
    private static final Extension KEY_SHARE_BODY = new UnknownExtension(ExtensionType.KEY_SHARE, Bytes.of((byte) 0, (byte) 0x1D));
    private static final Extension UNKNOWN = new UnknownExtension(new ExtensionType(0x7A7A), Bytes.EMPTY);
    private static final Extension STATUS_REQUEST = new UnknownExtension(ExtensionType.STATUS_REQUEST, Bytes.EMPTY);

    private static ClientVictim requestingServer() {
        return new ClientVictim(clientConfig(),
                serverConfig(KeyKind.EC_P256, ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED));
    }

    /** Delivers the flight up to {@code type}, then {@code replacement} under that message's key. */
    private static void assertClientRejectsReplacement(ClientVictim v, HandshakeType type, Bytes replacement,
            AlertDescription alert, FailureReason reason) {
        v.deliverUpTo(type);
        assertRejectedProtected(v.client, v.server, alert, reason, v.server.record(v.replaced(type, replacement)));
    }

    private static void assertClientRejectsEncryptedExtensions(List<Extension> extensions, AlertDescription alert,
            FailureReason reason) {
        assertClientRejectsReplacement(new ClientVictim(), HandshakeType.ENCRYPTED_EXTENSIONS,
                new EncryptedExtensions(extensions).encode(), alert, reason);
    }

    private static Bytes withFirstEntryExtensions(Sent certificateMessage, List<Extension> extensions) {
        Bytes raw = certificateMessage.message();
        Certificate c = (Certificate) HandshakeCodec.decode(HandshakeType.CERTIFICATE, body(raw), 0);
        List<CertificateEntry> entries = new ArrayList<>(c.entries());
        entries.set(0, new CertificateEntry(entries.get(0).certData(), extensions));
        return new Certificate(c.certificateRequestContext(), entries).encode();
    }

    // ---- EncryptedExtensions -----------------------------------------------------------------

    @Test
    void clientRejectsEncryptedExtensionsCarryingKeyShareWithIllegalParameter() {
        assertClientRejectsEncryptedExtensions(List.of(KEY_SHARE_BODY), AlertDescription.ILLEGAL_PARAMETER,
        FailureReason.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithEarlyDataItNeverOfferedWithUnsupportedExtension() {
        assertClientRejectsEncryptedExtensions(List.of(new EarlyDataExtension()), AlertDescription.UNSUPPORTED_EXTENSION,
        FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithServerNameItNeverSentWithUnsupportedExtension() {
        assertClientRejectsEncryptedExtensions(List.of(ServerNameExtension.EMPTY), AlertDescription.UNSUPPORTED_EXTENSION,
        FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithAlpnItNeverOfferedWithUnsupportedExtension() {
        assertClientRejectsEncryptedExtensions(List.of(new AlpnExtension(List.of(Bytes.of((byte) 'h', (byte) '2')))),
                AlertDescription.UNSUPPORTED_EXTENSION, FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithUnknownExtensionWithUnsupportedExtension() {
        assertClientRejectsEncryptedExtensions(List.of(UNKNOWN), AlertDescription.UNSUPPORTED_EXTENSION,
        FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithDuplicateExtensionWithDecodeError() {
        assertClientRejectsEncryptedExtensions(List.of(UNKNOWN, UNKNOWN), AlertDescription.DECODE_ERROR,
        FailureReason.DECODE);
    }

    @Test
    void clientRejectsAlpnProtocolItDidNotOfferWithIllegalParameter() {
        HandshakeConfig alpnClient = ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of("http/1.1"));
        ClientVictim v = new ClientVictim(alpnClient, serverConfig());
        Bytes ee = new EncryptedExtensions(List.of(new AlpnExtension(List.of(Bytes.of((byte) 'h', (byte) '2')))))
                .encode();
        assertClientRejectsReplacement(v, HandshakeType.ENCRYPTED_EXTENSIONS, ee, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.ALPN_NOT_OFFERED);
    }

    @Test
    void clientRejectsEncryptedExtensionsWithTrailingBytesWithDecodeError() {
        Bytes ee = message(HandshakeType.ENCRYPTED_EXTENSIONS, Bytes.fromHex("0000 00"));
        assertClientRejectsReplacement(new ClientVictim(), HandshakeType.ENCRYPTED_EXTENSIONS, ee,
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    // ---- CertificateRequest ------------------------------------------------------------------

    private static Bytes certificateRequest(Bytes context, List<Extension> extensions) {
        return new CertificateRequest(context, extensions).encode();
    }

    private static final Extension SIGNATURE_ALGORITHMS =
            new SignatureAlgorithmsExtension(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256));

    @Test
    void clientRejectsCertificateRequestWithoutSignatureAlgorithmsWithMissingExtension() {
        assertClientRejectsReplacement(requestingServer(), HandshakeType.CERTIFICATE_REQUEST,
                certificateRequest(Bytes.EMPTY, List.of(UNKNOWN)), AlertDescription.MISSING_EXTENSION,
                FailureReason.CERTIFICATE_REQUEST_MISSING_SIGNATURE_ALGORITHMS);
    }

    @Test
    void clientRejectsCertificateRequestWithContextDuringTheHandshakeWithIllegalParameter() {
        assertClientRejectsReplacement(requestingServer(), HandshakeType.CERTIFICATE_REQUEST,
                certificateRequest(Bytes.of((byte) 1), List.of(SIGNATURE_ALGORITHMS)),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.CERTIFICATE_REQUEST_CONTEXT_NOT_EMPTY);
    }

    @Test
    void clientRejectsCertificateRequestCarryingKeyShareWithIllegalParameter() {
        assertClientRejectsReplacement(requestingServer(), HandshakeType.CERTIFICATE_REQUEST,
                certificateRequest(Bytes.EMPTY, List.of(SIGNATURE_ALGORITHMS, KEY_SHARE_BODY)),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.EXTENSION_NOT_ALLOWED);
    }

    // ---- Certificate -------------------------------------------------------------------------

    @Test
    void clientRejectsEmptyServerCertificateWithDecodeError() {
        assertClientRejectsReplacement(new ClientVictim(), HandshakeType.CERTIFICATE,
                new Certificate(Bytes.EMPTY, List.of()).encode(), AlertDescription.DECODE_ERROR,
                FailureReason.SERVER_CERTIFICATE_EMPTY);
    }

    @Test
    void clientRejectsServerCertificateWithRequestContextWithIllegalParameter() {
        ClientVictim v = new ClientVictim();
        Bytes raw = v.message(HandshakeType.CERTIFICATE).message();
        Certificate c = (Certificate) HandshakeCodec.decode(HandshakeType.CERTIFICATE, body(raw), 0);
        assertClientRejectsReplacement(v, HandshakeType.CERTIFICATE,
                new Certificate(Bytes.of((byte) 7), c.entries()).encode(), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SERVER_CERTIFICATE_CONTEXT_NOT_EMPTY);
    }

    @Test
    void clientRejectsCertificateEntryCarryingKeyShareWithIllegalParameter() {
        ClientVictim v = new ClientVictim();
        assertClientRejectsReplacement(v, HandshakeType.CERTIFICATE,
                withFirstEntryExtensions(v.message(HandshakeType.CERTIFICATE), List.of(KEY_SHARE_BODY)),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void clientRejectsCertificateEntryWithStatusRequestItNeverSentWithUnsupportedExtension() {
        // RFC 8446 §4.4.2: extensions in the server's Certificate must correspond to the ClientHello's.
        ClientVictim v = new ClientVictim();
        assertClientRejectsReplacement(v, HandshakeType.CERTIFICATE,
                withFirstEntryExtensions(v.message(HandshakeType.CERTIFICATE), List.of(STATUS_REQUEST)),
                AlertDescription.UNSUPPORTED_EXTENSION, FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void serverRejectsClientCertificateEntryCarryingKeyShareWithIllegalParameter() {
        HandshakeConfig client = ConnectionPair.make(true, TestPki.keyStore(KeyKind.ED25519), CipherSuiteSpec.SUPPORTED,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of());
        ServerVictim v = new ServerVictim(client,
                Config.of(serverConfig(KeyKind.EC_P256, ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED)));
        Sent certificate = v.message(HandshakeType.CERTIFICATE);
        ByteBuffer record = v.client.record(new Sent(withFirstEntryExtensions(certificate, List.of(KEY_SHARE_BODY)),
                certificate.epoch()));
        assertRejectedProtected(v.server, v.client, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.EXTENSION_NOT_ALLOWED, record);
    }

    // ---- NewSessionTicket --------------------------------------------------------------------

    @Test
    void clientRejectsNewSessionTicketCarryingKeyShareWithIllegalParameter() {
        ClientVictim v = new ClientVictim();
        v.complete();
        Bytes ticket = new NewSessionTicket(3600, 0, Bytes.of((byte) 0), Bytes.of((byte) 1), List.of(KEY_SHARE_BODY))
                .encode();
        assertRejectedProtected(v.client, v.server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.EXTENSION_NOT_ALLOWED,
                v.server.protect(ContentType.HANDSHAKE, ticket));
    }
}
