package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.record.RecordHeader;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.NewSessionTicket;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records over the RFC 8446 §5 limits, and the core's own limits on a peer that sends endless nothing. */
class RecordAbuseTest {
    private static final int MAX_EMPTY = 3;
    private static final int MAX_KEY_UPDATES = 2;

    private static ServerVictim limitedServer() {
        ServerVictim v = new ServerVictim(clientConfig(), new Config(serverConfig(), MAX_EMPTY, MAX_KEY_UPDATES,
                ConnectionObserver.NONE));
        v.complete();
        return v;
    }

    private static TlsConnection startedServer() {
        TlsConnection server = connection(serverConfig());
        server.start();
        return server;
    }

    // ---- record_overflow (RFC 8446 §5.1, §5.2) -----------------------------------------------

    @Test
    void serverRejectsPlaintextRecordLongerThan2To14WithRecordOverflow() {
        int length = RecordHeader.MAX_PLAINTEXT + 1;
        assertRejectedInTheClear(startedServer(), AlertDescription.RECORD_OVERFLOW, FailureReason.PLAINTEXT_TOO_LONG,
                rawRecord(ContentType.HANDSHAKE.code(), length, new byte[length]));
    }

    @Test
    void serverRejectsRecordLongerThan2To14Plus256BeforeTheHandshakeWithRecordOverflow() {
        int length = RecordHeader.MAX_CIPHERTEXT + 1;
        assertRejectedInTheClear(startedServer(), AlertDescription.RECORD_OVERFLOW, FailureReason.CIPHERTEXT_TOO_LONG,
                rawRecord(ContentType.APPLICATION_DATA.code(), length, new byte[length]));
    }

    @Test
    void serverRejectsProtectedRecordLongerThan2To14Plus256WithRecordOverflow() {
        ServerVictim v = limitedServer();
        int length = RecordHeader.MAX_CIPHERTEXT + 1;
        assertRejectedProtected(v.server, v.client, AlertDescription.RECORD_OVERFLOW, FailureReason.CIPHERTEXT_TOO_LONG,
                rawRecord(ContentType.APPLICATION_DATA.code(), length, new byte[length]));
    }

    @Test
    void serverRejectsProtectedRecordWhoseInnerPlaintextExceeds2To14Plus1WithRecordOverflow() {
        ServerVictim v = limitedServer();
        // 2^14 + 2 bytes of TLSInnerPlaintext plus the 16-byte tag: inside 2^14 + 256, too long once opened.
        int length = RecordHeader.MAX_PLAINTEXT + 2 + 16;
        assertRejectedProtected(v.server, v.client, AlertDescription.RECORD_OVERFLOW,
                FailureReason.INNER_PLAINTEXT_TOO_LONG,
                rawRecord(ContentType.APPLICATION_DATA.code(), length, new byte[length]));
    }

    @Test
    void serverRejectsAuthenticProtectedRecordWhoseInnerPlaintextExceeds2To14Plus1WithRecordOverflow() throws Exception {
        ServerVictim v = limitedServer();
        byte[] inner = new byte[RecordHeader.MAX_PLAINTEXT + 2];
        inner[inner.length - 1] = (byte) ContentType.APPLICATION_DATA.code();
        assertRejectedProtected(v.server, v.client, AlertDescription.RECORD_OVERFLOW,
                FailureReason.INNER_PLAINTEXT_TOO_LONG, v.client.sealInnerPlaintext(inner));
    }

    @Test
    void serverRejectsProtectedRecordWhoseInnerPlaintextIsAllZerosWithUnexpectedMessage() throws Exception {
        // RFC 8446 §5.4: no non-zero octet means no content type.
        ServerVictim v = limitedServer();
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.INNER_PLAINTEXT_NO_CONTENT_TYPE,
                v.client.sealInnerPlaintext(new byte[16]));
    }

    @Test
    void serverAcceptsProtectedRecordCarryingPaddingItDidNotNeed() throws Exception {
        ServerVictim v = limitedServer();
        byte[] inner = {'h', 'i', (byte) ContentType.APPLICATION_DATA.code(), 0, 0, 0, 0, 0};
        assertEquals(2, deliver(v.server, v.client.sealInnerPlaintext(inner)));
    }

    @Test
    void clientRejectsServerFlightRecordLongerThan2To14Plus256WithRecordOverflow() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        int length = RecordHeader.MAX_CIPHERTEXT + 1;
        assertRejectedProtected(v.client, v.server, AlertDescription.RECORD_OVERFLOW, FailureReason.CIPHERTEXT_TOO_LONG,
                rawRecord(ContentType.APPLICATION_DATA.code(), length, new byte[length]));
    }

    @Test
    void serverRejectsRecordOfUnknownContentTypeWithUnexpectedMessage() {
        // RFC 8446 §5: an unexpected record type is unexpected_message.
        assertRejectedInTheClear(startedServer(), AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNKNOWN_RECORD_TYPE, rawRecord(0x19, 1, new byte[1]));
    }

    // ---- the core's limits -------------------------------------------------------------------

    @Test
    void serverRejectsMoreThanMaxEmptyRecordsInARowWithUnexpectedMessage() {
        ServerVictim v = limitedServer();
        for (int i = 0; i < MAX_EMPTY; i++) {
            assertEquals(0, deliver(v.server, v.client.protect(ContentType.APPLICATION_DATA, Bytes.EMPTY)));
        }
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.TOO_MANY_EMPTY_RECORDS,
                v.client.protect(ContentType.APPLICATION_DATA, Bytes.EMPTY));
    }

    @Test
    void serverRejectsEndlessUserCanceledAlertsWithUnexpectedMessage() {
        ServerVictim v = limitedServer();
        Bytes userCanceled = Bytes.fromHex("01 5a");
        for (int i = 0; i < MAX_EMPTY; i++) {
            assertEquals(0, deliver(v.server, v.client.protect(ContentType.ALERT, userCanceled)));
        }
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.TOO_MANY_EMPTY_RECORDS,
                v.client.protect(ContentType.ALERT, userCanceled));
    }

    @Test
    void serverCountsEmptyRecordsOnlyWhileNoDataArrives() {
        ServerVictim v = limitedServer();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < MAX_EMPTY; i++) {
                deliver(v.server, v.client.protect(ContentType.APPLICATION_DATA, Bytes.EMPTY));
            }
            assertEquals(1, deliver(v.server, v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'x'))));
        }
        assertEquals(null, v.server.failure());
    }

    @Test
    void serverRejectsMoreThanMaxKeyUpdatesInARowWithUnexpectedMessage() {
        ServerVictim v = limitedServer();
        for (int i = 0; i < MAX_KEY_UPDATES; i++) {
            v.client.handshaker.updateKeys(false);
            deliver(v.server, v.client.records(v.client.take()));
        }
        v.client.handshaker.updateKeys(false);
        assertRejectedProtected(v.server, v.client, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.TOO_MANY_POST_HANDSHAKE_MESSAGES,
                v.client.records(v.client.take()));
    }

    @Test
    void clientRejectsMoreThanMaxPostHandshakeMessagesInARowWithUnexpectedMessage() {
        ClientVictim v = new ClientVictim(new Config(clientConfig(), MAX_EMPTY, MAX_KEY_UPDATES,
                ConnectionObserver.NONE), serverConfig());
        v.complete();
        Bytes ticket = new NewSessionTicket(60, 0, Bytes.of((byte) 0), Bytes.of((byte) 1), List.of()).encode();
        for (int i = 0; i < MAX_KEY_UPDATES; i++) {
            deliver(v.client, v.server.protect(ContentType.HANDSHAKE, ticket));
        }
        assertRejectedProtected(v.client, v.server, AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.TOO_MANY_POST_HANDSHAKE_MESSAGES,
                v.server.protect(ContentType.HANDSHAKE, ticket));
    }

    @Test
    void serverAcceptsClientHelloSplitIntoOneByteRecords() {
        TlsConnection server = startedServer();
        Bytes hello = clientHelloOf(connection(clientConfig()));
        for (int i = 0; i < hello.length(); i++) {
            deliver(server, handshakeRecord(hello.slice(i, i + 1)));
        }
        assertEquals("expecting the client's Finished", server.handshaker().expecting());
    }

    @Test
    void serverRefusesHandshakeHeaderClaiming16MiBAsSoonAsTheHeaderIsIn() {
        TlsConnection server = startedServer();
        deliver(server, handshakeRecord(Bytes.fromHex("01 FF FF")));
        assertEquals(null, server.failure(), "three header bytes decide nothing");
        TlsFailure f = assertRejectedInTheClear(server, AlertDescription.DECODE_ERROR,
                FailureReason.HANDSHAKE_MESSAGE_TOO_LONG,
                handshakeRecord(Bytes.fromHex("FF")));
        assertTrue(f.getMessage().contains("16777215"), f.getMessage());
    }

    @Test
    void clientRefusesProtectedHandshakeHeaderClaiming16MiBAsSoonAsTheHeaderIsIn() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        ByteBuffer record = v.server.protect(ContentType.HANDSHAKE, Bytes.fromHex("08 FF FF FF"),
                v.message(HandshakeType.ENCRYPTED_EXTENSIONS).epoch());
        assertRejectedProtected(v.client, v.server, AlertDescription.DECODE_ERROR,
                FailureReason.HANDSHAKE_MESSAGE_TOO_LONG, record);
    }
}
