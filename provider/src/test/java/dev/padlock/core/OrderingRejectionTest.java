package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * Records at the wrong moment (RFC 8446 §5, §5.1): of the wrong content type, unprotected where
 * protection is required, or a message split across a key change; unexpected_message. Which
 * handshake message each state accepts is {@link WrongMomentTest}'s catalogue, which covers every
 * state against every message type.
 */
class OrderingRejectionTest {
    private static final Bytes APPLICATION_BYTES = Bytes.of((byte) 'x');

    private static ByteBuffer changeCipherSpec(int payload) {
        return plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, Bytes.of((byte) payload));
    }

    // ---- client side -------------------------------------------------------------------------

    @Test
    void clientRejectsSecondServerHelloInTheClearWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.PROTECTED_RECORD_OUTER_TYPE,
                v.server.record(v.message(HandshakeType.SERVER_HELLO)));
    }

    @Test
    void clientRejectsApplicationDataBeforeServerFinishedWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.FINISHED);
        ByteBuffer record = v.server.protect(ContentType.APPLICATION_DATA, APPLICATION_BYTES,
                v.message(HandshakeType.FINISHED).epoch());
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.APPLICATION_DATA_DURING_HANDSHAKE, record);
    }

    @Test
    void clientRejectsHandshakeMessageSplitAcrossTheKeyChangeAfterServerHelloWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        Bytes serverHello = v.message(HandshakeType.SERVER_HELLO).message();
        Bytes encryptedExtensions = v.message(HandshakeType.ENCRYPTED_EXTENSIONS).message();
        ByteBuffer record = handshakeRecord(serverHello.concat(encryptedExtensions.slice(0, 3)));
        assertRejectedInTheClear(v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE, record);
    }

    // ---- server side -------------------------------------------------------------------------

    @Test
    void serverRejectsProtectedApplicationDataBeforeClientFinishedWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        ByteBuffer record = v.client.protect(ContentType.APPLICATION_DATA, APPLICATION_BYTES,
                v.message(HandshakeType.FINISHED).epoch());
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.APPLICATION_DATA_DURING_HANDSHAKE, record);
    }

    @Test
    void serverRejectsPlaintextApplicationDataBeforeTheHandshakeWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE, FailureReason.UNPROTECTED_RECORD,
                plaintextRecord(ContentType.APPLICATION_DATA, APPLICATION_BYTES));
    }

    @Test
    void serverRejectsChangeCipherSpecAfterTheHandshakeWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, changeCipherSpec(1));
    }

    @Test
    void serverRejectsChangeCipherSpecBeforeClientHelloWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, changeCipherSpec(1));
    }

    @Test
    void serverRejectsSecondChangeCipherSpecWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        deliver(v.server, changeCipherSpec(1));
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, changeCipherSpec(1));
    }

    @Test
    void serverRejectsChangeCipherSpecWithPayloadOtherThan01WithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, changeCipherSpec(2));
    }

    @Test
    void serverRejectsTwoByteChangeCipherSpecWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC,
                plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, Bytes.of((byte) 1, (byte) 1)));
    }

    @Test
    void serverRejectsZeroLengthHandshakeRecordWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.ZERO_LENGTH_HANDSHAKE_RECORD, handshakeRecord(Bytes.EMPTY));
    }

    @Test
    void serverRejectsAlertInterleavedInAFragmentedClientHelloWithUnexpectedMessage() {
        TlsConnection server = connection(serverConfig());
        server.start();
        Bytes hello = clientHelloOf(connection(clientConfig()));
        ByteBuffer firstHalf = handshakeRecord(hello.slice(0, hello.length() / 2));
        ByteBuffer alert = plaintextRecord(ContentType.ALERT, Bytes.of((byte) 1, (byte) 0x5A));
        assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED, firstHalf, alert);
    }

    @Test
    void serverRejectsProtectedHandshakeRecordInTheClearAfterServerHelloWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.PROTECTED_RECORD_OUTER_TYPE,
                handshakeRecord(v.message(HandshakeType.FINISHED).message()));
    }
}
