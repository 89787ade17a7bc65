package dev.padlock.record;

import static dev.padlock.record.Rfc8448RecordTest.contents;
import static dev.padlock.testing.Rfc8448SimpleHandshake.SERVER_HELLO;
import static dev.padlock.testing.Rfc8448SimpleHandshake.SERVER_HELLO_RECORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RecordHeaderTest {
    @Test
    void peekNeedsFiveBytesAndDoesNotMove() {
        ByteBuffer b = ByteBuffer.wrap(Bytes.fromHex("17 03 03 00").toByteArray());
        assertEquals(-1, RecordHeader.peekRecordLength(b));
        ByteBuffer full = ByteBuffer.wrap(Bytes.fromHex("ff 17 03 03 00 13").toByteArray());
        full.position(1);
        assertEquals(5 + 0x13, RecordHeader.peekRecordLength(full));
        assertEquals(1, full.position());
    }

    @Test
    void peekAcceptsTheFourRecordTypesUpToMaxCiphertext() {
        for (int type = 20; type <= 23; type++) {
            ByteBuffer b = ByteBuffer.wrap(new byte[] {(byte) type, 3, 3, 0x41, 0x00});
            assertEquals(5 + (1 << 14) + 256, RecordHeader.peekRecordLength(b));
        }
    }

    @Test
    void peekRefusesLengthAbove2To14Plus256AsRecordOverflow() {
        for (String header : new String[] {"17 03 03 41 01", "16 03 03 ff ff", "17 03 03 80 00"}) {
            TlsFailure f = assertThrows(TlsFailure.class,
                    () -> RecordHeader.peekRecordLength(Bytes.fromHex(header).asBuffer()));
            assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert(), header);
            assertEquals(FailureReason.CIPHERTEXT_TOO_LONG, f.reason());
        }
    }

    @Test
    void peekRefusesUnknownContentTypeAsUnexpectedMessage() {
        for (int type : new int[] {0x00, 0x13, 0x18, 0x19, 0x47, 0x80, 0xff}) {
            ByteBuffer b = ByteBuffer.wrap(new byte[] {(byte) type, 3, 3, 0, 1});
            TlsFailure f = assertThrows(TlsFailure.class, () -> RecordHeader.peekRecordLength(b));
            assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert(), "type " + type);
            assertEquals(FailureReason.UNKNOWN_RECORD_TYPE, f.reason());
        }
    }

    @Test
    void writePlaintextFramesRfc8448ServerHello() {
        ByteBuffer dst = ByteBuffer.allocateDirect(200);
        int n = RecordHeader.writePlaintext(ContentType.HANDSHAKE, SERVER_HELLO.asBuffer(), dst);
        assertEquals(SERVER_HELLO_RECORD.length(), n);
        assertEquals(SERVER_HELLO_RECORD, contents(dst.flip()), "{server}  send handshake record");
    }

    @Test
    void readPlaintextReturnsHeaderTypeAndFragment() {
        ByteBuffer in = ByteBuffer.wrap(SERVER_HELLO_RECORD.concat(Bytes.fromHex("15 03 03")).toByteArray());
        ByteBuffer out = ByteBuffer.allocate(200);
        assertEquals(ContentType.HANDSHAKE, RecordHeader.readPlaintext(in, out));
        assertEquals(SERVER_HELLO, contents(out.flip()));
        assertEquals(3, in.remaining(), "exactly one record consumed");
    }

    @Test
    void readPlaintextRefusesFragmentAbove2To14AsRecordOverflow() {
        byte[] record = new byte[5 + (1 << 14) + 1];
        record[0] = 0x16;
        record[1] = 3;
        record[2] = 3;
        record[3] = 0x40;
        record[4] = 0x01;
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> RecordHeader.readPlaintext(ByteBuffer.wrap(record), ByteBuffer.allocate(1 << 15)));
        assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert());
        assertEquals(FailureReason.PLAINTEXT_TOO_LONG, f.reason());
    }

    @Test
    void writePlaintextRefusesFragmentAbove2To14() {
        assertThrows(IllegalArgumentException.class, () -> RecordHeader.writePlaintext(ContentType.HANDSHAKE,
                ByteBuffer.allocate((1 << 14) + 1), ByteBuffer.allocate(1 << 15)));
    }
}
