package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12RecordKeys;
import dev.padlock.record.RecordDecryptor;
import dev.padlock.record.RecordEncryptor;
import dev.padlock.record.RecordHeader;
import dev.padlock.record.RecordProtection;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * TLS 1.2 record protection on arbitrary input. Arbitrary bytes as a record: only a
 * {@code TlsFailure} of the record checks escapes, and neither the destination nor the sequence
 * number moves. A genuine record of arbitrary content: it opens to that content and type, and
 * with any one byte changed it no longer opens.
 */
class Tls12RecordFuzzTest {
    private static final Set<FailureReason> RECORD_FAILURES = Set.of(FailureReason.RECORD_MAC,
            FailureReason.RECORD_SHORTER_THAN_TAG, FailureReason.PROTECTED_PLAINTEXT_TOO_LONG,
            FailureReason.UNKNOWN_RECORD_TYPE, FailureReason.CIPHERTEXT_TOO_LONG);
    private static final ContentType[] TYPES = {ContentType.CHANGE_CIPHER_SPEC, ContentType.ALERT,
        ContentType.HANDSHAKE, ContentType.APPLICATION_DATA};

    @FuzzTest
    void tls12Opens(FuzzedDataProvider data) {
        CipherSuiteSpec suite = data.pickValue(CipherSuiteSpec.SUPPORTED_TLS12);
        boolean direct = data.consumeBoolean();
        boolean genuine = data.consumeBoolean();
        ContentType type = data.pickValue(TYPES);
        int tamperAt = data.consumeInt(0, Integer.MAX_VALUE);
        byte tamperWith = data.consumeByte();
        byte[] bytes = data.consumeBytes(RecordHeader.MAX_RECORD);
        Tls12RecordKeys keys = Tls12RecordKeys.of(suite, new byte[suite.keyLength()], new byte[suite.fixedIvLength()]);
        if (genuine && bytes.length <= RecordHeader.MAX_PLAINTEXT) {
            byte[] record = seal(RecordProtection.encryptor(keys), type, bytes);
            ByteBuffer opened = buffer(RecordHeader.MAX_RECORD, direct);
            assertEquals(type, RecordProtection.decryptor(keys).open(buffer(record, direct), opened));
            assertEquals(ByteBuffer.wrap(bytes), opened.flip());
            int p = tamperAt % record.length;
            if (tamperWith != 0 && p != 3 && p != 4) {
                record[p] ^= tamperWith;
                assertFailsCleanly(RecordProtection.decryptor(keys), buffer(record, direct), direct);
            }
        } else {
            assertFailsCleanly(RecordProtection.decryptor(keys), buffer(bytes, direct), direct);
        }
    }

    private static void assertFailsCleanly(RecordDecryptor decryptor, ByteBuffer record, boolean direct) {
        int length;
        try {
            length = RecordHeader.peekRecordLength(record);
        } catch (TlsFailure f) {
            assertTrue(RECORD_FAILURES.contains(f.reason()), f.reason().toString());
            return;
        }
        ByteBuffer dst = buffer(RecordHeader.MAX_RECORD, direct);
        if (length < 0 || record.remaining() < length) {
            assertThrows(IllegalArgumentException.class, () -> decryptor.open(record, dst));
            return;
        }
        TlsFailure f = assertThrows(TlsFailure.class, () -> decryptor.open(record, dst));
        assertTrue(RECORD_FAILURES.contains(f.reason()), f.reason().toString());
        assertEquals(0, dst.position(), "nothing written on failure");
        assertEquals(0, decryptor.sequenceNumber(), "sequence number unchanged on failure");
    }

    private static byte[] seal(RecordEncryptor encryptor, ContentType type, byte[] content) {
        ByteBuffer out = ByteBuffer.allocate(encryptor.sealedLength(content.length, 0));
        encryptor.seal(type, ByteBuffer.wrap(content), 0, out);
        return out.array();
    }

    private static ByteBuffer buffer(int capacity, boolean direct) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    private static ByteBuffer buffer(byte[] bytes, boolean direct) {
        return buffer(bytes.length, direct).put(bytes).flip();
    }
}
