package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyUpdate;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every handshake message in every state that does not expect it (RFC 8446 §4: unexpected_message),
 * and the §5.1 rule that a key change ends the record.
 */
class WrongMomentTest {
    private static final Map<String, Bytes> SAMPLES = samples();

    /** One well-formed message of each TLS 1.3 type, so that decoding passes and ordering decides. */
    private static Map<String, Bytes> samples() {
        ClientVictim v = new ClientVictim();
        return Map.of(
                "ClientHello", clientHelloOf(connection(clientConfig())),
                "ServerHello", v.message(HandshakeType.SERVER_HELLO).message(),
                "NewSessionTicket", new NewSessionTicket(60, 0, Bytes.of((byte) 0), Bytes.of((byte) 1), List.of())
                        .encode(),
                "EndOfEarlyData", message(HandshakeType.END_OF_EARLY_DATA, Bytes.EMPTY),
                "EncryptedExtensions", new EncryptedExtensions(List.of()).encode(),
                "CertificateRequest", new CertificateRequest(Bytes.EMPTY, List.of(new SignatureAlgorithmsExtension(
                        List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)))).encode(),
                "Certificate", v.message(HandshakeType.CERTIFICATE).message(),
                "CertificateVerify", v.message(HandshakeType.CERTIFICATE_VERIFY).message(),
                "Finished", v.message(HandshakeType.FINISHED).message(),
                "KeyUpdate", new KeyUpdate(false).encode());
    }

    /** Client states, named by what they expect, and the messages each accepts. */
    private static final Map<String, Set<String>> CLIENT_STATES = Map.of(
            "ExpectServerHello", Set.of("ServerHello"),
            "ExpectEncryptedExtensions", Set.of("EncryptedExtensions"),
            "ExpectCertificateOrCertificateRequest", Set.of("Certificate", "CertificateRequest"),
            "ExpectServerCertificateVerify", Set.of("CertificateVerify"),
            "ExpectServerFinished", Set.of("Finished"),
            "Connected", Set.of("NewSessionTicket", "KeyUpdate"));

    private static final Map<String, Set<String>> SERVER_STATES = Map.of(
            "ExpectClientHello", Set.of("ClientHello"),
            "ExpectClientFinished", Set.of("Finished"),
            "Connected", Set.of("KeyUpdate"));

    private static Stream<Arguments> wrong(Map<String, Set<String>> states) {
        List<Arguments> out = new ArrayList<>();
        states.forEach((state, accepted) -> SAMPLES.keySet().stream().filter(m -> !accepted.contains(m)).sorted()
                .forEach(m -> out.add(Arguments.of(state, m))));
        return out.stream();
    }

    static Stream<Arguments> clientWrongMoments() {
        return wrong(CLIENT_STATES);
    }

    static Stream<Arguments> serverWrongMoments() {
        return wrong(SERVER_STATES);
    }

    @ParameterizedTest(name = "client in {0} rejects {1}")
    @MethodSource("clientWrongMoments")
    void clientRejectsEveryHandshakeMessageItDoesNotExpectWithUnexpectedMessage(String state, String message) {
        Bytes m = SAMPLES.get(message);
        if (state.equals("ExpectServerHello")) {
            TlsConnection client = connection(clientConfig());
            client.start();
            drainRecords(client);
            assertRejectedInTheClear(client, AlertDescription.UNEXPECTED_MESSAGE, handshakeRecord(m));
            return;
        }
        ClientVictim v = new ClientVictim();
        ByteBuffer record;
        if (state.equals("Connected")) {
            v.complete();
            record = v.server.protect(ContentType.HANDSHAKE, m);
        } else {
            v.deliverUpTo(switch (state) {
                case "ExpectEncryptedExtensions" -> HandshakeType.ENCRYPTED_EXTENSIONS;
                case "ExpectCertificateOrCertificateRequest" -> HandshakeType.CERTIFICATE;
                case "ExpectServerCertificateVerify" -> HandshakeType.CERTIFICATE_VERIFY;
                default -> HandshakeType.FINISHED;
            });
            record = v.server.protect(ContentType.HANDSHAKE, m, v.message(HandshakeType.FINISHED).epoch());
        }
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE, record);
    }

    @ParameterizedTest(name = "server in {0} rejects {1}")
    @MethodSource("serverWrongMoments")
    void serverRejectsEveryHandshakeMessageItDoesNotExpectWithUnexpectedMessage(String state, String message) {
        Bytes m = SAMPLES.get(message);
        if (state.equals("ExpectClientHello")) {
            TlsConnection server = connection(serverConfig());
            server.start();
            assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE, handshakeRecord(m));
            return;
        }
        ServerVictim v = new ServerVictim();
        ByteBuffer record;
        if (state.equals("Connected")) {
            v.complete();
            record = v.client.protect(ContentType.HANDSHAKE, m);
        } else {
            record = v.client.protect(ContentType.HANDSHAKE, m, v.message(HandshakeType.FINISHED).epoch());
        }
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE, record);
    }

    @Test
    void serverRejectsUnknownHandshakeMessageTypeWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                handshakeRecord(message(new HandshakeType(0xFE), Bytes.of((byte) 0))));
    }

    // ---- RFC 8446 §5.1: a key change ends the record -----------------------------------------

    @Test
    void serverRejectsHandshakeBytesAfterClientFinishedInTheSameRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        var finished = v.message(HandshakeType.FINISHED);
        ByteBuffer record = v.client.protect(ContentType.HANDSHAKE,
                finished.message().concat(new KeyUpdate(false).encode()), finished.epoch());
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE, record);
    }

    @Test
    void clientRejectsNewSessionTicketInTheSameRecordAsServerFinishedWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.FINISHED);
        var finished = v.message(HandshakeType.FINISHED);
        ByteBuffer record = v.server.protect(ContentType.HANDSHAKE,
                finished.message().concat(SAMPLES.get("NewSessionTicket")), finished.epoch());
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE, record);
    }

    @Test
    void serverRejectsHandshakeBytesAfterKeyUpdateInTheSameRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        Bytes twoUpdates = new KeyUpdate(false).encode().concat(new KeyUpdate(false).encode());
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                v.client.protect(ContentType.HANDSHAKE, twoUpdates));
    }

    @Test
    void serverRejectsKeyUpdateWithRequestUpdateOtherThan0Or1WithIllegalParameter() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.ILLEGAL_PARAMETER,
                v.client.protect(ContentType.HANDSHAKE, Bytes.fromHex("18 000001 02")));
    }

    @Test
    void serverRejectsAlertRecordOfThreeBytesWithDecodeError() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.DECODE_ERROR,
                plaintextRecord(ContentType.ALERT, Bytes.of((byte) 2, (byte) 40, (byte) 0)));
    }
}
