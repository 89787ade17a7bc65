package dev.padlock.record;

import static dev.padlock.record.Rfc8448RecordTest.contents;
import static dev.padlock.record.Rfc8448RecordTest.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Record protection beyond the published traces: all three suites round trip and detect
 * tampering (ChaCha20-Poly1305 has no published TLS 1.3 record vector we could find, so this is
 * its only coverage), padding, the per-record nonce, the §5.5 limits and every failure of
 * {@link Tls13RecordDecryptor#open}.
 */
class RecordProtectionTest {
    private static final List<IntFunction<ByteBuffer>> BUFFER_KINDS =
            List.of(ByteBuffer::allocate, ByteBuffer::allocateDirect);
    private static final Bytes CONTENT = Bytes.fromHex("48656c6c6f2c20544c5320312e3321");

    @Test
    void everySuiteRoundTripsHeapAndDirect() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            for (IntFunction<ByteBuffer> kind : BUFFER_KINDS) {
                Tls13RecordEncryptor encryptor = encryptor(suite);
                Tls13RecordDecryptor decryptor = decryptor(suite);
                for (int i = 0; i < 3; i++) {
                    Bytes record = seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, kind);
                    assertEquals(CONTENT.length() + 1 + 16 + 5, record.length(), suite.suite().toString());
                    assertEquals(Bytes.fromHex("17 03 03 00 20"), record.slice(0, 5), "header of " + suite.suite());
                    ByteBuffer out = kind.apply(decryptor.maxOpenedLength(record.length()));
                    assertEquals(ContentType.APPLICATION_DATA, decryptor.open(copy(record, kind), out));
                    assertEquals(CONTENT, contents(out.flip()), suite.suite().toString());
                }
            }
        }
    }

    @Test
    void flippedBitInChaCha20AndAes256RecordsIsBadRecordMac() {
        for (CipherSuiteSpec suite : List.of(CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuiteSpec.TLS_AES_256_GCM_SHA384)) {
            Bytes record = seal(encryptor(suite), ContentType.HANDSHAKE, CONTENT, 3, ByteBuffer::allocate);
            // Header bytes 0, 3 and 4 are the type and length: covered by the RFC 8448 tamper test.
            for (int p = 1; p < record.length(); p++) {
                if (p == 3 || p == 4) {
                    continue;
                }
                for (int bit = 0; bit < 8; bit++) {
                    byte[] tampered = record.toByteArray();
                    tampered[p] ^= (byte) (1 << bit);
                    TlsFailure f = assertThrows(TlsFailure.class,
                            () -> decryptor(suite).open(ByteBuffer.wrap(tampered), ByteBuffer.allocate(64)));
                    assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert(), suite.suite() + " byte " + p);
                    assertEquals(FailureReason.RECORD_MAC, f.reason());
                }
            }
        }
    }

    @Test
    void paddingAddsExactlyItsLengthAndIsStripped() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            for (int padding : new int[] {0, 1, 255, 256, 257, 1000, RecordHeader.MAX_PLAINTEXT - CONTENT.length()}) {
                Tls13RecordEncryptor encryptor = encryptor(suite);
                Bytes unpadded = seal(encryptor(suite), ContentType.ALERT, CONTENT, 0, ByteBuffer::allocate);
                Bytes padded = seal(encryptor, ContentType.ALERT, CONTENT, padding, ByteBuffer::allocateDirect);
                assertEquals(unpadded.length() + padding, padded.length(), "padding " + padding);
                assertEquals(encryptor.sealedLength(CONTENT.length(), padding), padded.length());
                Tls13RecordDecryptor decryptor = decryptor(suite);
                ByteBuffer out = ByteBuffer.allocate(decryptor.maxOpenedLength(padded.length()));
                assertEquals(ContentType.ALERT, decryptor.open(copy(padded, ByteBuffer::allocate), out));
                assertEquals(CONTENT, contents(out.flip()), "padding " + padding);
            }
        }
    }

    @Test
    void contentPlusPaddingAbove2To14IsRefused() {
        Tls13RecordEncryptor encryptor = encryptor(CipherSuiteSpec.TLS_AES_128_GCM_SHA256);
        ByteBuffer dst = ByteBuffer.allocate(RecordHeader.MAX_RECORD + 64);
        assertThrows(IllegalArgumentException.class, () -> encryptor.seal(ContentType.APPLICATION_DATA,
                ByteBuffer.allocate(100), RecordHeader.MAX_PLAINTEXT - 99, dst));
        assertThrows(IllegalArgumentException.class, () -> encryptor.seal(ContentType.INVALID,
                ByteBuffer.allocate(1), 0, dst));
        assertEquals(0, encryptor.sequenceNumber());
    }

    @Test
    void emptyApplicationDataRecordRoundTrips() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, Bytes.EMPTY, 0, ByteBuffer::allocate);
        assertEquals(5 + 1 + 16, record.length());
        ByteBuffer out = ByteBuffer.allocate(1);
        assertEquals(ContentType.APPLICATION_DATA, decryptor(suite).open(copy(record, ByteBuffer::allocate), out));
        assertEquals(0, out.position());
    }

    @Test
    void nonceChangesPerRecord() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            Tls13RecordEncryptor encryptor = encryptor(suite);
            Bytes first = seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
            Bytes second = seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
            assertEquals(first.slice(0, 5), second.slice(0, 5));
            assertNotEquals(first.slice(5, first.length()), second.slice(5, second.length()), suite.suite().toString());
        }
    }

    /**
     * RFC 8446 §4.2.10: a server skipping rejected early data tries each record at the same
     * sequence number until one opens. JDK 17's ChaCha20 refuses a second init with the key and
     * nonce of the previous one, even to decrypt; that must stay bad_record_mac, not become
     * internal_error, and the genuine record must still open.
     */
    @Test
    void recordsThatFailAtOneSequenceNumberLeaveItUsable() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
            byte[] tampered = record.toByteArray();
            tampered[tampered.length - 1] ^= 1;
            Tls13RecordDecryptor decryptor = decryptor(suite);
            for (int i = 0; i < 3; i++) {
                TlsFailure f = assertThrows(TlsFailure.class,
                        () -> decryptor.open(ByteBuffer.wrap(tampered.clone()), ByteBuffer.allocate(64)));
                assertEquals(FailureReason.RECORD_MAC, f.reason(), suite.suite() + " failure " + i);
            }
            ByteBuffer out = ByteBuffer.allocate(64);
            assertEquals(ContentType.APPLICATION_DATA, decryptor.open(copy(record, ByteBuffer::allocate), out));
            assertEquals(CONTENT, contents(out.flip()), suite.suite().toString());
        }
    }

    @Test
    void recordOpensOnlyAtItsOwnSequenceNumber() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256;
        Tls13RecordEncryptor encryptor = encryptor(suite);
        encryptor.setSequenceNumberForTest(0x1_0000_0001L);
        Bytes record = seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
        for (long wrong : new long[] {0, 1, 0x1_0000_0000L, 0x1_0000_0002L, 0x0000_0001_0000_0001L << 8}) {
            Tls13RecordDecryptor decryptor = decryptor(suite);
            decryptor.setSequenceNumberForTest(wrong);
            TlsFailure f = assertThrows(TlsFailure.class,
                    () -> decryptor.open(copy(record, ByteBuffer::allocate), ByteBuffer.allocate(64)));
            assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert(), "sequence " + wrong);
            assertEquals(FailureReason.RECORD_MAC, f.reason());
            assertEquals(wrong, decryptor.sequenceNumber(), "a failed open does not advance");
        }
        Tls13RecordDecryptor right = decryptor(suite);
        right.setSequenceNumberForTest(0x1_0000_0001L);
        assertEquals(ContentType.APPLICATION_DATA,
                right.open(copy(record, ByteBuffer::allocate), ByteBuffer.allocate(64)));
        assertEquals(0x1_0000_0002L, right.sequenceNumber());
    }

    @Test
    void aesGcmKeyStopsAtItsRecordLimitAndAsksForKeyUpdateFirst() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        long limit = suite.recordLimit();
        Tls13RecordEncryptor encryptor = encryptor(suite);
        assertFalse(encryptor.needsKeyUpdate());
        encryptor.setSequenceNumberForTest(limit - (limit >>> 3) - 1);
        assertFalse(encryptor.needsKeyUpdate());
        seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
        assertTrue(encryptor.needsKeyUpdate());
        encryptor.setSequenceNumberForTest(limit - 1);
        seal(encryptor, ContentType.HANDSHAKE, CONTENT, 0, ByteBuffer::allocate);
        assertEquals(limit, encryptor.sequenceNumber());
        ByteBuffer src = copy(CONTENT, ByteBuffer::allocate);
        TlsFailure f = assertThrows(TlsFailure.class, () -> encryptor.seal(ContentType.APPLICATION_DATA,
                src, 0, ByteBuffer.allocate(100)));
        assertEquals(AlertDescription.INTERNAL_ERROR, f.alert());
        assertEquals(FailureReason.KEY_USAGE_LIMIT_REACHED, f.reason());
        assertEquals(CONTENT.length(), src.remaining(), "nothing consumed");
        assertEquals(limit, encryptor.sequenceNumber());
    }

    @Test
    void chaCha20KeyStopsBeforeTheSequenceNumberWraps() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256;
        Tls13RecordEncryptor encryptor = encryptor(suite);
        encryptor.setSequenceNumberForTest(Long.MAX_VALUE - 1);
        seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
        assertTrue(encryptor.needsKeyUpdate());
        TlsFailure f = assertThrows(TlsFailure.class, () -> seal(encryptor, ContentType.APPLICATION_DATA,
                CONTENT, 0, ByteBuffer::allocate));
        assertEquals(AlertDescription.INTERNAL_ERROR, f.alert());
        assertEquals(FailureReason.KEY_USAGE_LIMIT_REACHED, f.reason());
    }

    @Test
    void encryptorNeverWrapsEvenWithoutAUsageLimit() {
        // A suite whose §5.5 limit is the whole unsigned 64-bit space (2^64 - 1 records).
        Tls13RecordEncryptor encryptor = encryptor(unlimited());
        encryptor.setSequenceNumberForTest(-2L);
        seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
        assertEquals(-1L, encryptor.sequenceNumber());
        assertTrue(encryptor.needsKeyUpdate());
        TlsFailure f = assertThrows(TlsFailure.class, () -> seal(encryptor,
                ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate));
        assertEquals(AlertDescription.INTERNAL_ERROR, f.alert());
        assertEquals(FailureReason.KEY_USAGE_LIMIT_REACHED, f.reason());
        assertEquals(-1L, encryptor.sequenceNumber());
    }

    @Test
    void decryptorRefusesARecordAfterSequenceNumberTwoToTheSixtyFourMinusOne() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        Tls13RecordDecryptor decryptor = decryptor(suite);
        decryptor.setSequenceNumberForTest(-1L);
        Bytes last = rawSeal(suite, -1L, 0x17, new byte[] {1, 2, 0x17});
        assertEquals(ContentType.APPLICATION_DATA,
                decryptor.open(copy(last, ByteBuffer::allocate), ByteBuffer.allocate(64)));
        assertEquals(0L, decryptor.sequenceNumber());
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> decryptor.open(copy(last, ByteBuffer::allocate), ByteBuffer.allocate(64)));
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertEquals(FailureReason.SEQUENCE_NUMBER_EXHAUSTED, f.reason());
    }

    private static CipherSuiteSpec unlimited() {
        CipherSuiteSpec base = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        return new CipherSuiteSpec(base.suite(), base.hashAlgorithm(), base.macAlgorithm(),
                base.hashLength(), base.cipherTransformation(), base.keyAlgorithm(), base.keyLength(), -1L);
    }

    @Test
    void protectedRecordWithOuterTypeOtherThanApplicationDataIsUnexpectedMessage() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        for (int outer : new int[] {0x14, 0x15, 0x16}) {
            Bytes record = rawSeal(suite, 0, outer, new byte[] {1, 2, 3, 0x17});
            assertOpenFails(suite, record, AlertDescription.UNEXPECTED_MESSAGE,
                    FailureReason.PROTECTED_RECORD_OUTER_TYPE);
        }
    }

    @Test
    void allZeroInnerPlaintextIsUnexpectedMessage() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_256_GCM_SHA384;
        assertOpenFails(suite, rawSeal(suite, 0, 0x17, new byte[1]), AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.INNER_PLAINTEXT_NO_CONTENT_TYPE);
        assertOpenFails(suite, rawSeal(suite, 0, 0x17, new byte[40]), AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.INNER_PLAINTEXT_NO_CONTENT_TYPE);
    }

    @Test
    void protectedChangeCipherSpecOrUnknownInnerTypeIsUnexpectedMessage() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256;
        for (int inner : new int[] {0x14, 0x01, 0x13, 0x18, 0xff}) {
            assertOpenFails(suite, rawSeal(suite, 0, 0x17, new byte[] {1, (byte) inner, 0, 0}),
                    AlertDescription.UNEXPECTED_MESSAGE, FailureReason.PROTECTED_RECORD_INNER_TYPE);
        }
    }

    @Test
    void innerPlaintextAbove2To14Plus1IsRecordOverflow() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        byte[] inner = new byte[RecordHeader.MAX_PLAINTEXT + 2];
        inner[inner.length - 2] = 0x17;
        assertOpenFails(suite, rawSeal(suite, 0, 0x17, inner), AlertDescription.RECORD_OVERFLOW,
                FailureReason.INNER_PLAINTEXT_TOO_LONG);
        byte[] largest = Arrays.copyOf(inner, RecordHeader.MAX_PLAINTEXT + 1);
        largest[largest.length - 1] = 0x17;
        Tls13RecordDecryptor decryptor = decryptor(suite);
        ByteBuffer out = ByteBuffer.allocate(largest.length);
        assertEquals(ContentType.APPLICATION_DATA,
                decryptor.open(copy(rawSeal(suite, 0, 0x17, largest), ByteBuffer::allocate), out));
        assertEquals(RecordHeader.MAX_PLAINTEXT, out.position());
    }

    @Test
    void recordShorterThanItsTagIsBadRecordMac() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        assertOpenFails(suite, Bytes.fromHex("17 03 03 00 10 00112233445566778899aabbccddeeff"),
                AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_SHORTER_THAN_TAG);
        assertOpenFails(suite, Bytes.fromHex("17 03 03 00 00"), AlertDescription.BAD_RECORD_MAC,
                FailureReason.RECORD_SHORTER_THAN_TAG);
    }

    @Test
    void tooSmallDestinationConsumesNothing() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
        Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, 0, ByteBuffer::allocate);
        Tls13RecordDecryptor decryptor = decryptor(suite);
        ByteBuffer in = copy(record, ByteBuffer::allocate);
        assertThrows(BufferOverflowException.class, () -> decryptor.open(in, ByteBuffer.allocate(CONTENT.length())));
        assertEquals(0, in.position());
        assertEquals(0, decryptor.sequenceNumber());
        ByteBuffer exact = ByteBuffer.allocate(decryptor.maxOpenedLength(record.length()));
        assertEquals(ContentType.APPLICATION_DATA, decryptor.open(in, exact));

        Tls13RecordEncryptor encryptor = encryptor(suite);
        ByteBuffer src = copy(CONTENT, ByteBuffer::allocate);
        assertThrows(BufferOverflowException.class, () -> encryptor.seal(ContentType.APPLICATION_DATA, src, 0,
                ByteBuffer.allocate(encryptor.sealedLength(CONTENT.length(), 0) - 1)));
        assertEquals(0, src.position());
        assertEquals(0, encryptor.sequenceNumber());
    }

    private static void assertOpenFails(CipherSuiteSpec suite, Bytes record, AlertDescription alert,
            FailureReason reason) {
        TlsFailure f = assertThrows(TlsFailure.class, () -> decryptor(suite).open(copy(record, ByteBuffer::allocate),
                ByteBuffer.allocate(RecordHeader.MAX_RECORD)));
        assertEquals(alert, f.alert(), f.getMessage());
        assertEquals(reason, f.reason(), f.getMessage());
    }

    static Tls13RecordEncryptor encryptor(CipherSuiteSpec suite) {
        return new Tls13RecordEncryptor(suite, key(suite), iv());
    }

    static Tls13RecordDecryptor decryptor(CipherSuiteSpec suite) {
        return new Tls13RecordDecryptor(suite, key(suite), iv());
    }

    private static byte[] key(CipherSuiteSpec suite) {
        byte[] key = new byte[suite.keyLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0xa0 + i);
        }
        return key;
    }

    private static byte[] iv() {
        return Bytes.fromHex("000102030405060708090a0b").toByteArray();
    }

    static Bytes seal(Tls13RecordEncryptor encryptor, ContentType type, Bytes content, int padding,
            IntFunction<ByteBuffer> kind) {
        ByteBuffer dst = kind.apply(encryptor.sealedLength(content.length(), padding));
        encryptor.seal(type, copy(content, kind), padding, dst);
        return contents(dst.flip());
    }

    /**
     * A record built with JCA directly, for inner plaintexts {@link Tls13RecordEncryptor} refuses to
     * produce: nonce and additional data per RFC 8446 §5.2–5.3, sequence {@code seq}.
     */
    private static Bytes rawSeal(CipherSuiteSpec suite, long seq, int outerType, byte[] inner) {
        int length = inner.length + CipherSuiteSpec.TAG_LENGTH;
        byte[] header = {(byte) outerType, 0x03, 0x03, (byte) (length >>> 8), (byte) length};
        byte[] nonce = iv();
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] ^= (byte) (seq >>> (8 * i));
        }
        try {
            Cipher cipher = Cipher.getInstance(suite.cipherTransformation());
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key(suite), suite.keyAlgorithm()),
                    suite.isGcm() ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce));
            cipher.updateAAD(header);
            return Bytes.wrap(header).concat(Bytes.wrap(cipher.doFinal(inner)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
