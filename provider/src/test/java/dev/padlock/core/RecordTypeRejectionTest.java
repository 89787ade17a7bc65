package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Content types in the wrong place, inside and outside protection (RFC 8446 §5, §5.1, §5.4, §6). */
class RecordTypeRejectionTest {
    private static final ByteBuffer CCS = plaintextRecord(ContentType.CHANGE_CIPHER_SPEC, Bytes.of((byte) 1));

    private static ByteBuffer changeCipherSpec() {
        return CCS.duplicate();
    }

    @Test
    void clientRejectsChangeCipherSpecInterleavedInAFragmentedServerHelloWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        Bytes serverHello = v.message(HandshakeType.SERVER_HELLO).message();
        deliver(v.client, handshakeRecord(serverHello.slice(0, 10)));
        assertRejectedInTheClear(v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED, changeCipherSpec());
    }

    @Test
    void serverRejectsChangeCipherSpecInterleavedInAFragmentedClientFinishedWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        var finished = v.message(HandshakeType.FINISHED);
        deliver(v.server, v.client.protect(ContentType.HANDSHAKE, finished.message().slice(0, 6), finished.epoch()));
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED, changeCipherSpec());
    }

    @Test
    void failedServerQueuesNoSecondAlertForLaterRecords() {
        TlsConnection server = connection(serverConfig());
        server.start();
        TlsFailure first = assertRejectedInTheClear(server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, changeCipherSpec());
        TlsFailure again = assertThrows(TlsFailure.class, () -> deliver(server, changeCipherSpec()));
        assertSame(first, again);
        assertEquals(0, drainRecords(server).size(), "exactly one fatal alert per connection");
    }

    @Test
    void clientAcceptsServerHelloFragmentedAcrossRecords() {
        ClientVictim v = new ClientVictim();
        Bytes serverHello = v.message(HandshakeType.SERVER_HELLO).message();
        deliver(v.client, handshakeRecord(serverHello.slice(0, 10)),
                handshakeRecord(serverHello.slice(10, serverHello.length())));
        assertEquals("expecting EncryptedExtensions", v.client.handshaker().expecting());
    }

    @Test
    void serverRejectsPlaintextAlertAfterTheHandshakeWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.PROTECTED_RECORD_OUTER_TYPE,
                plaintextRecord(ContentType.ALERT, Bytes.of((byte) 2, (byte) 40)));
    }

    @Test
    void serverRejectsProtectedChangeCipherSpecWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.PROTECTED_RECORD_INNER_TYPE,
                v.client.protect(ContentType.CHANGE_CIPHER_SPEC, Bytes.of((byte) 1)));
    }

    @Test
    void serverRejectsProtectedRecordOfUnknownInnerContentTypeWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.PROTECTED_RECORD_INNER_TYPE,
                v.client.protect(new ContentType(0x19), Bytes.of((byte) 1)));
    }

    /**
     * After the handshake records are decrypted straight into a caller's buffer that is big
     * enough; application data that interrupts a fragmented post-handshake message must still be
     * refused (RFC 8446 §5.1), and none of it may reach the caller.
     */
    @Test
    void serverRejectsApplicationDataInterleavedInAFragmentedKeyUpdateWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        Bytes keyUpdate = message(HandshakeType.KEY_UPDATE, Bytes.of((byte) 0));
        deliver(v.server, v.client.protect(ContentType.HANDSHAKE, keyUpdate.slice(0, 2)));
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        ByteBuffer data = v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'x', (byte) 'y'));
        TlsFailure f = assertThrows(TlsFailure.class, () -> v.server.receive(data, new ByteBuffer[] {sink}, 0, 1));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertEquals(FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED, f.reason());
        assertEquals(0, sink.position(), "nothing delivered");
        assertEquals(0, sink.get(0), "the decrypted bytes were wiped from the caller's buffer");
        assertEquals(0, sink.get(1));
        assertProtectedAlertQueued(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE);
    }

    /** A post-handshake message opened in the caller's buffer is taken back and wiped from it. */
    @Test
    void postHandshakeMessageOpenedInTheCallersBufferIsTakenBackAndWiped() {
        ServerVictim v = new ServerVictim();
        v.complete();
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        sink.position(100);
        ByteBuffer keyUpdate = v.client.protect(ContentType.HANDSHAKE,
                message(HandshakeType.KEY_UPDATE, Bytes.of((byte) 0)));
        assertEquals(0, v.server.receive(keyUpdate, new ByteBuffer[] {sink}, 0, 1));
        assertEquals(100, sink.position(), "nothing delivered");
        for (int i = 100; i < 105; i++) {
            assertEquals(0, sink.get(i), "byte " + i + " wiped");
        }
        assertTrue(v.server.failure() == null, "the KeyUpdate was processed as one");
    }

    @Test
    void serverRejectsEmptyProtectedHandshakeRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.ZERO_LENGTH_HANDSHAKE_RECORD,
                v.client.protect(ContentType.HANDSHAKE, Bytes.EMPTY));
    }

    /** RFC 8446 §5.4: a zero-length Alert TLSInnerPlaintext.content is unexpected_message. */
    @Test
    void serverRejectsEmptyProtectedAlertRecordWithUnexpectedMessage() {
        ServerVictim v = new ServerVictim();
        v.complete();
        TlsFailure f = assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.ZERO_LENGTH_ALERT_RECORD,
                v.client.protect(ContentType.ALERT, Bytes.EMPTY));
        assertTrue(f.getMessage().contains("zero-length alert"), f.getMessage());
    }

    /** §5.1 asks the same of plaintext records: no zero-length fragments of non-data types. */
    @Test
    void clientRejectsEmptyPlaintextAlertRecordDuringTheHandshakeWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> deliver(v.client, plaintextRecord(ContentType.ALERT, Bytes.EMPTY)));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertEquals(FailureReason.ZERO_LENGTH_ALERT_RECORD, f.reason());
    }

    /**
     * RFC 8446 §5.1: an Alert record carries exactly one alert, neither fragmented nor
     * coalesced. One that does not parse as exactly one (a partial alert, an alert and a
     * partial one, two alerts) is malformed, so decode_error (§6).
     */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1, 3, 4})
    void serverRejectsAlertRecordNotHoldingExactlyOneAlertWithDecodeError(int length) {
        ServerVictim v = new ServerVictim();
        v.complete();
        byte[] content = new byte[length];
        for (int i = 0; i < length; i += 2) {
            content[i] = 1;
        }
        TlsFailure f = assertRejectedProtected(v.server, v.client, AlertDescription.DECODE_ERROR,
                FailureReason.ALERT_RECORD_LENGTH,
                v.client.protect(ContentType.ALERT, Bytes.wrap(content)));
        assertTrue(f.getMessage().contains("exactly one alert"), f.getMessage());
    }

    @Test
    void serverTreatsWarningLevelAlertOtherThanCloseAsFatalAndAnswersNothing() {
        // RFC 8446 §6.2: every alert but close_notify and user_canceled is fatal, whatever its level.
        ServerVictim v = new ServerVictim();
        v.complete();
        ByteBuffer alert = v.client.protect(ContentType.ALERT, Bytes.of((byte) 1, (byte) 42));
        TlsFailure f = assertThrows(TlsFailure.class, () -> deliver(v.server, alert));
        assertEquals(AlertDescription.BAD_CERTIFICATE, f.alert());
        assertEquals(FailureReason.PEER_ALERT, f.reason());
        assertEquals("Received fatal alert: bad_certificate", f.getMessage());
        assertTrue(v.server.failureFromPeer());
        assertEquals(0, drainRecords(v.server).size(), "no alert answers a fatal alert");
    }

    @Test
    void clientAnswersNothingToAPlaintextFatalAlertDuringTheHandshake() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> deliver(v.client, plaintextRecord(ContentType.ALERT, Bytes.of((byte) 2, (byte) 40))));
        assertEquals(AlertDescription.HANDSHAKE_FAILURE, f.alert());
        assertEquals(FailureReason.PEER_ALERT, f.reason());
        assertTrue(v.client.failureFromPeer());
        assertEquals(0, drainRecords(v.client).size(), "no alert answers a fatal alert");
    }
}
