package dev.padlock.record;

import static dev.padlock.record.Rfc8448RecordTest.contents;
import static dev.padlock.testing.Rfc8448SimpleHandshake.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeframerTest {
    private static final Bytes SERVER_AP_STREAM = NEW_SESSION_TICKET_RECORD
            .concat(SERVER_APPLICATION_DATA_RECORD).concat(SERVER_ALERT_RECORD);

    @Test
    void oversizedHeaderIsRefusedBeforeThePayloadArrives() {
        for (String header : new String[] {"17 03 03 41 01", "17 03 03 ff ff", "16 03 01 ff ff"}) {
            Deframer d = new Deframer();
            byte[] h = Bytes.fromHex(header).toByteArray();
            assertEquals(4, d.offer(h, 0, 4));
            TlsFailure f = assertThrows(TlsFailure.class, () -> d.offer(h, 4, 1));
            assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert(), header);
            assertEquals(FailureReason.CIPHERTEXT_TOO_LONG, f.reason());
            assertThrows(IllegalStateException.class, () -> d.offer(h, 0, 1), "no resynchronising");
        }
    }

    @Test
    void unknownContentTypeIsRefusedWithTheHeader() {
        Deframer d = new Deframer();
        byte[] h = Bytes.fromHex("47 45 54 20 2f").toByteArray(); // "GET /": not TLS at all
        TlsFailure f = assertThrows(TlsFailure.class, () -> d.offer(h, 0, 5));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertEquals(FailureReason.UNKNOWN_RECORD_TYPE, f.reason());
    }

    @Test
    void invalidHeaderOfALaterRecordInTheSameChunkIsRefusedAtOnce() {
        Deframer d = new Deframer();
        ByteBuffer chunk = CLIENT_ALERT_RECORD.concat(Bytes.fromHex("17 03 03 41 01")).asBuffer();
        TlsFailure f = assertThrows(TlsFailure.class, () -> d.offer(chunk));
        assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert());
        assertEquals(FailureReason.CIPHERTEXT_TOO_LONG, f.reason());
    }

    @Test
    void severalRecordsInOneChunkComeOutOneByOne() {
        Deframer d = new Deframer();
        assertEquals(SERVER_AP_STREAM.length(), d.offer(SERVER_AP_STREAM.asBuffer()));
        assertEquals(List.of(NEW_SESSION_TICKET_RECORD, SERVER_APPLICATION_DATA_RECORD, SERVER_ALERT_RECORD),
                drain(d));
        assertFalse(d.hasRecord());
        assertEquals(0, d.pendingBytes());
    }

    @Test
    void recordFedOneByteAtATimeDecryptsAsWhole() {
        Deframer d = new Deframer();
        byte[] stream = SERVER_AP_STREAM.toByteArray();
        List<Bytes> records = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            assertEquals(1, d.offer(stream, i, 1));
            records.addAll(drain(d));
            int complete = records.size();
            int expectedComplete = i + 1 >= SERVER_AP_STREAM.length() ? 3
                    : i + 1 >= NEW_SESSION_TICKET_RECORD.length() + SERVER_APPLICATION_DATA_RECORD.length() ? 2
                    : i + 1 >= NEW_SESSION_TICKET_RECORD.length() ? 1 : 0;
            assertEquals(expectedComplete, complete, "after byte " + i);
        }
        Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(CipherSuiteSpec.TLS_AES_128_GCM_SHA256,
                SERVER_AP_KEY.toByteArray(), SERVER_AP_IV.toByteArray());
        List<Bytes> plaintexts = new ArrayList<>();
        List<ContentType> types = new ArrayList<>();
        for (Bytes record : records) {
            ByteBuffer out = ByteBuffer.allocate(RecordHeader.MAX_PLAINTEXT + 1);
            types.add(decryptor.open(record.asBuffer(), out));
            plaintexts.add(contents(out.flip()));
        }
        assertEquals(List.of(ContentType.HANDSHAKE, ContentType.APPLICATION_DATA, ContentType.ALERT), types);
        assertEquals(List.of(NEW_SESSION_TICKET, APPLICATION_DATA, CLOSE_NOTIFY), plaintexts);
    }

    @Test
    void recordViewDecryptsInPlace() {
        Deframer d = new Deframer();
        d.offer(SERVER_FLIGHT_RECORD.asBuffer());
        ByteBuffer record = d.nextRecord();
        ByteBuffer out = record.duplicate();
        Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(CipherSuiteSpec.TLS_AES_128_GCM_SHA256,
                SERVER_HS_KEY.toByteArray(), SERVER_HS_IV.toByteArray());
        int start = out.position();
        assertEquals(ContentType.HANDSHAKE, decryptor.open(record, out));
        assertEquals(SERVER_FLIGHT_PAYLOAD, contents(out.flip().position(start)));
    }

    @Test
    void bufferNeverHoldsMoreThanOneMaximalRecord() {
        byte[] max = new byte[RecordHeader.MAX_RECORD];
        max[0] = 0x17;
        max[1] = 3;
        max[2] = 3;
        max[3] = 0x41;
        max[4] = 0x00;
        ByteBuffer stream = ByteBuffer.allocate(3 * max.length);
        stream.put(max).put(max).put(max).flip();
        Deframer d = new Deframer();
        int records = 0;
        while (stream.hasRemaining() || d.hasRecord()) {
            int taken = d.offer(stream);
            assertTrue(d.pendingBytes() <= RecordHeader.MAX_RECORD);
            if (taken == 0) {
                assertTrue(d.hasRecord(), "a full buffer always holds a whole record");
            }
            while (d.hasRecord()) {
                assertEquals(RecordHeader.MAX_RECORD, d.nextRecord().remaining());
                records++;
            }
        }
        assertEquals(3, records);
    }

    @Test
    void tamperingWithAnyBitOfAProtectedRecordIsDetected() {
        // RFC 8448 §3 {client}  send alert record: 17 03 03 00 13 || 19 bytes, client sequence 1.
        byte[] record = CLIENT_ALERT_RECORD.toByteArray();
        for (int p = 0; p < record.length; p++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = record.clone();
                tampered[p] ^= (byte) (1 << bit);
                assertEquals(expectedOutcome(p, bit), outcome(tampered), "byte " + p + " bit " + bit);
            }
        }
        assertEquals("opened", outcome(record));
    }

    private static final String MAC = "bad_record_mac/" + FailureReason.RECORD_MAC;
    private static final String OUTER_TYPE = "unexpected_message/" + FailureReason.PROTECTED_RECORD_OUTER_TYPE;
    private static final String UNKNOWN_TYPE = "unexpected_message/" + FailureReason.UNKNOWN_RECORD_TYPE;

    /**
     * What RFC 8446 prescribes for the alert record with bit {@code bit} of byte {@code p} flipped,
     * as alert/reason. Byte 0 becomes another type: never application_data, so unexpected_message
     * (§5, §5.2): for handshake (bit 0) and alert (bit 1) the record layer refuses the outer type,
     * for the rest the header's type is unknown.
     * Bytes 1–2 (legacy_record_version) are ignored but authenticated: bad_record_mac (§5.2).
     * Bytes 3–4 are the length 0x0013: a larger claim (under 2^14 + 256) leaves the deframer
     * waiting for more bytes, one above 2^14 + 256 is record_overflow, a smaller one cuts the
     * record short, which fails authentication (and leaves bytes that frame the next record).
     * Every byte of the payload: bad_record_mac.
     */
    private static String expectedOutcome(int p, int bit) {
        return switch (p) {
            case 0 -> bit <= 1 ? OUTER_TYPE : UNKNOWN_TYPE;
            case 1, 2 -> MAC;
            // 0x0113 .. 0x4013 wait; 0x8013 > 0x4100
            case 3 -> bit == 7 ? "record_overflow/" + FailureReason.CIPHERTEXT_TOO_LONG : "waiting";
            // 0x12 and 0x11 are shorter: the record fails authentication. 0x03 is shorter still,
            // so the 16 bytes left over start the next header, "60 65 56 66 b7": type 0x60.
            // 0x17, 0x1b, 0x33, 0x53, 0x93 are longer: the deframer waits.
            case 4 -> bit == 0 || bit == 1 ? MAC : bit == 4 ? UNKNOWN_TYPE : "waiting";
            default -> MAC;
        };
    }

    private static String outcome(byte[] bytes) {
        Deframer d = new Deframer();
        Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(CipherSuiteSpec.TLS_AES_128_GCM_SHA256,
                CLIENT_AP_KEY.toByteArray(), CLIENT_AP_IV.toByteArray());
        decryptor.setSequenceNumberForTest(1);
        try {
            d.offer(bytes, 0, bytes.length);
            if (!d.hasRecord()) {
                return "waiting";
            }
            ByteBuffer out = ByteBuffer.allocate(64);
            ContentType type = decryptor.open(d.nextRecord(), out);
            return type.equals(ContentType.ALERT) && contents(out.flip()).equals(CLOSE_NOTIFY) ? "opened" : "wrong";
        } catch (TlsFailure f) {
            return f.alert().name() + "/" + f.reason();
        }
    }

    private static List<Bytes> drain(Deframer d) {
        List<Bytes> out = new ArrayList<>();
        while (d.hasRecord()) {
            out.add(contents(d.nextRecord()));
        }
        return out;
    }
}
