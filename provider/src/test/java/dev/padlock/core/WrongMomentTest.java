package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateRequest;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.EncryptedExtensions;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyUpdate;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
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

    /**
     * A handshake state, named by its class (and the moment, where one class serves two), the
     * messages it accepts, and its {@code expecting()} text, which a rejection must name.
     */
    private record State(String name, Set<String> accepts, String expecting) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<State> CLIENT_STATES = List.of(
            new State("ExpectServerHello", Set.of("ServerHello"), "expecting ServerHello"),
            new State("ExpectEncryptedExtensions", Set.of("EncryptedExtensions"), "expecting EncryptedExtensions"),
            new State("ExpectCertificateOrCertificateRequest", Set.of("Certificate", "CertificateRequest"),
                    "expecting CertificateRequest or Certificate"),
            new State("ExpectServerCertificate after CertificateRequest", Set.of("Certificate"),
                    "expecting the server's Certificate"),
            new State("ExpectServerCertificateVerify", Set.of("CertificateVerify"),
                    "expecting the server's CertificateVerify"),
            new State("ExpectServerFinished", Set.of("Finished"), "expecting the server's Finished"),
            new State("Connected", Set.of("NewSessionTicket", "KeyUpdate"), "connected"));

    private static final List<State> SERVER_STATES = List.of(
            new State("ExpectClientHello", Set.of("ClientHello"), "expecting ClientHello"),
            new State("ExpectClientHello after HelloRetryRequest", Set.of("ClientHello"),
                    "expecting the second ClientHello"),
            new State("ExpectClientCertificate", Set.of("Certificate"), "expecting the client's Certificate"),
            new State("ExpectClientCertificateVerify", Set.of("CertificateVerify"),
                    "expecting the client's CertificateVerify"),
            new State("ExpectClientFinished", Set.of("Finished"), "expecting the client's Finished"),
            new State("Connected", Set.of("KeyUpdate"), "connected"));

    private static Stream<Arguments> wrong(List<State> states) {
        List<Arguments> out = new ArrayList<>();
        states.forEach(state -> SAMPLES.keySet().stream().filter(m -> !state.accepts().contains(m)).sorted()
                .forEach(m -> out.add(Arguments.of(state, m))));
        return out.stream();
    }

    static Stream<Arguments> clientWrongMoments() {
        return wrong(CLIENT_STATES);
    }

    static Stream<Arguments> serverWrongMoments() {
        return wrong(SERVER_STATES);
    }

    /** The rejection's detail names the state it came from by that state's expecting() text. */
    private static void assertNamesState(TlsFailure f, State state, String message) {
        assertTrue(f.getMessage().endsWith(" while " + state.expecting()),
                () -> state + " rejecting " + message + " said: " + f.getMessage());
    }

    @ParameterizedTest(name = "client in {0} rejects {1}")
    @MethodSource("clientWrongMoments")
    void clientRejectsEveryHandshakeMessageItDoesNotExpectWithUnexpectedMessage(State state, String message) {
        Bytes m = SAMPLES.get(message);
        if (state.name().equals("ExpectServerHello")) {
            TlsConnection client = connection(clientConfig());
            client.start();
            drainRecords(client);
            assertNamesState(assertRejectedInTheClear(client, AlertDescription.UNEXPECTED_MESSAGE,
                    FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, handshakeRecord(m)),
                    state, message);
            return;
        }
        ClientVictim v = state.name().startsWith("ExpectServerCertificate after")
                ? new ClientVictim(clientConfig(), serverConfig(KeyKind.EC_P256, ConnectionPair.ALL_GROUPS,
                        ClientAuth.REQUIRED))
                : new ClientVictim();
        ByteBuffer record;
        if (state.name().equals("Connected")) {
            v.complete();
            record = v.server.protect(ContentType.HANDSHAKE, m);
        } else {
            v.deliverUpTo(switch (state.name()) {
                case "ExpectEncryptedExtensions" -> HandshakeType.ENCRYPTED_EXTENSIONS;
                case "ExpectCertificateOrCertificateRequest" -> HandshakeType.CERTIFICATE;
                case "ExpectServerCertificate after CertificateRequest" -> HandshakeType.CERTIFICATE;
                case "ExpectServerCertificateVerify" -> HandshakeType.CERTIFICATE_VERIFY;
                default -> HandshakeType.FINISHED;
            });
            record = v.server.protect(ContentType.HANDSHAKE, m, v.message(HandshakeType.FINISHED).epoch());
        }
        assertNamesState(assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, record),
                state, message);
    }

    @ParameterizedTest(name = "server in {0} rejects {1}")
    @MethodSource("serverWrongMoments")
    void serverRejectsEveryHandshakeMessageItDoesNotExpectWithUnexpectedMessage(State state, String message) {
        Bytes m = SAMPLES.get(message);
        if (state.name().startsWith("ExpectClientHello")) {
            boolean retried = state.name().endsWith("after HelloRetryRequest");
            TlsConnection server = connection(retried
                    ? serverConfig(KeyKind.EC_P256, List.of(NamedGroup.SECP256R1), ClientAuth.NONE) : serverConfig());
            server.start();
            if (retried) {
                answerWithHelloRetryRequest(server);
            }
            assertNamesState(assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                    FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, handshakeRecord(m)),
                    state, message);
            return;
        }
        ServerVictim v = state.name().startsWith("ExpectClientCertificate")
                ? new ServerVictim(withClientCertificate(), Config.of(serverConfig(KeyKind.EC_P256,
                        ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED)))
                : new ServerVictim();
        ByteBuffer record;
        if (state.name().equals("Connected")) {
            v.complete();
            record = v.client.protect(ContentType.HANDSHAKE, m);
        } else {
            if (state.name().equals("ExpectClientCertificateVerify")) {
                deliver(v.server, v.client.record(v.message(HandshakeType.CERTIFICATE)));
            }
            record = v.client.protect(ContentType.HANDSHAKE, m, v.message(HandshakeType.FINISHED).epoch());
        }
        assertNamesState(assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, record),
                state, message);
    }

    /** A client that has a certificate to send when asked. */
    private static HandshakeConfig withClientCertificate() {
        return ConnectionPair.make(true, TestPki.keyStore(KeyKind.EC_P256), CipherSuiteSpec.SUPPORTED,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of());
    }

    /**
     * Feeds {@code server}, which enables only secp256r1, a ClientHello whose one key share is
     * for x25519, so that it answers with a HelloRetryRequest (RFC 8446 §4.1.4) and waits for
     * the second ClientHello.
     */
    private static void answerWithHelloRetryRequest(TlsConnection server) {
        deliver(server, handshakeRecord(clientHelloOf(connection(clientConfig()))));
        List<ByteBuffer> answer = drainRecords(server);
        ServerHello hrr = decodeServerHello(fragment(answer.get(0)));
        assertTrue(hrr.isHelloRetryRequest(), "the server asked for another key share");
    }

    @Test
    void serverRejectsUnknownHandshakeMessageTypeWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE, FailureReason.UNKNOWN_HANDSHAKE_TYPE,
                handshakeRecord(message(new HandshakeType(0xFE), Bytes.of((byte) 0))));
    }

    // ---- RFC 8446 §5.1: a key change ends the record -----------------------------------------

    @Test
    void serverRejectsHandshakeBytesAfterClientFinishedInTheSameRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        var finished = v.message(HandshakeType.FINISHED);
        ByteBuffer record = v.client.protect(ContentType.HANDSHAKE,
                finished.message().concat(new KeyUpdate(false).encode()), finished.epoch());
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE, record);
    }

    @Test
    void clientRejectsNewSessionTicketInTheSameRecordAsServerFinishedWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.FINISHED);
        var finished = v.message(HandshakeType.FINISHED);
        ByteBuffer record = v.server.protect(ContentType.HANDSHAKE,
                finished.message().concat(SAMPLES.get("NewSessionTicket")), finished.epoch());
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE, record);
    }

    @Test
    void serverRejectsHandshakeBytesAfterKeyUpdateInTheSameRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        Bytes twoUpdates = new KeyUpdate(false).encode().concat(new KeyUpdate(false).encode());
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE,
                v.client.protect(ContentType.HANDSHAKE, twoUpdates));
    }

    @Test
    void serverRejectsKeyUpdateWithRequestUpdateOtherThan0Or1WithIllegalParameter() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_UPDATE_REQUEST_INVALID,
                v.client.protect(ContentType.HANDSHAKE, Bytes.fromHex("18 000001 02")));
    }

    @Test
    void serverRejectsAlertRecordOfThreeBytesWithDecodeError() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.DECODE_ERROR, FailureReason.ALERT_RECORD_LENGTH,
                plaintextRecord(ContentType.ALERT, Bytes.of((byte) 2, (byte) 40, (byte) 0)));
    }
}
