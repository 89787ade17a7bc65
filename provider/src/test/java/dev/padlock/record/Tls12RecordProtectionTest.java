package dev.padlock.record;

import static dev.padlock.record.Rfc8448RecordTest.contents;
import static dev.padlock.record.Rfc8448RecordTest.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12RecordKeys;
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
 * TLS 1.2 AEAD records (RFC 5246 §6.2.3.3) for all six suites: byte for byte what the RFCs'
 * construction gives when written out with the raw JCA AEAD (RFC 5288 §3 for AES-GCM with its
 * explicit nonce, RFC 7905 §2 for ChaCha20-Poly1305 without one), round trips over heap and
 * direct buffers, and every way a record can fail to open.
 */
class Tls12RecordProtectionTest {
    private static final List<IntFunction<ByteBuffer>> BUFFER_KINDS =
            List.of(ByteBuffer::allocate, ByteBuffer::allocateDirect);
    private static final Bytes CONTENT = Bytes.fromHex("48656c6c6f2c20544c5320312e3221");

    @Test
    void recordsAreTheRfcConstructionByteForByte() throws GeneralSecurityException {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            for (long seq : new long[] {0, 1, 0x00ab_cdefL}) {
                for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.APPLICATION_DATA)) {
                    // A fresh encryptor each time: JCA refuses to encrypt twice under one key and nonce.
                    Tls12RecordEncryptor encryptor = encryptor(suite);
                    encryptor.setSequenceNumberForTest(seq);
                    Bytes record = seal(encryptor, type, CONTENT, ByteBuffer::allocate);
                    assertEquals(reference(suite, seq, type, CONTENT.toByteArray()), record,
                            suite.suite() + " seq " + seq + " " + type);
                }
            }
        }
    }

    @Test
    void gcmCarriesTheSequenceNumberAsExplicitNonceAndChaCha20CarriesNone() {
        Tls12RecordEncryptor gcm = encryptor(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        gcm.setSequenceNumberForTest(0x00a1_b2c3L);
        Bytes record = seal(gcm, ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
        // 17 0303 length(8 + 15 + 16 = 39), then nonce_explicit (RFC 5288 §3).
        assertEquals(Bytes.fromHex("17 0303 0027 0000000000a1b2c3"), record.slice(0, 13));
        Bytes chacha = seal(encryptor(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256),
                ContentType.ALERT, CONTENT, ByteBuffer::allocate);
        assertEquals(Bytes.fromHex("15 0303 001f"), chacha.slice(0, 5));
        assertEquals(5 + 15 + 16, chacha.length());
    }

    @Test
    void everySuiteRoundTripsHeapAndDirectKeepingTheOuterType() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            for (IntFunction<ByteBuffer> kind : BUFFER_KINDS) {
                Tls12RecordEncryptor encryptor = encryptor(suite);
                Tls12RecordDecryptor decryptor = decryptor(suite);
                for (ContentType type : List.of(ContentType.HANDSHAKE, ContentType.ALERT,
                        ContentType.APPLICATION_DATA, ContentType.CHANGE_CIPHER_SPEC)) {
                    Bytes record = seal(encryptor, type, CONTENT, kind);
                    assertEquals(encryptor.sealedLength(CONTENT.length(), 0), record.length());
                    ByteBuffer out = kind.apply(decryptor.maxOpenedLength(record.length()));
                    assertEquals(type, decryptor.open(copy(record, kind), out), suite.suite().toString());
                    assertEquals(CONTENT, contents(out.flip()), suite.suite() + " " + kind);
                }
                assertEquals(4, encryptor.sequenceNumber());
                assertEquals(4, decryptor.sequenceNumber());
            }
        }
    }

    @Test
    void fullAndEmptyRecordsRoundTrip() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            for (int length : new int[] {0, 1, 4095, 4097, RecordHeader.MAX_PLAINTEXT}) {
                byte[] content = new byte[length];
                Arrays.fill(content, (byte) length);
                for (IntFunction<ByteBuffer> kind : BUFFER_KINDS) {
                    Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, Bytes.of(content), kind);
                    Tls12RecordDecryptor decryptor = decryptor(suite);
                    assertEquals(length, decryptor.maxContentLength(record.length()));
                    ByteBuffer out = kind.apply(length);
                    decryptor.open(copy(record, kind), out);
                    assertEquals(Bytes.of(content), contents(out.flip()), suite.suite() + " length " + length);
                }
            }
        }
    }

    @Test
    void everyFlippedBitIsBadRecordMacAndLeavesTheSequenceNumber() {
        for (CipherSuiteSpec suite : List.of(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256)) {
            Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
            // Bytes 3 and 4 are the length: a changed length no longer frames a whole record.
            for (int p = 0; p < record.length(); p++) {
                if (p == 3 || p == 4) {
                    continue;
                }
                for (int bit = 0; bit < 8; bit++) {
                    byte[] tampered = record.toByteArray();
                    tampered[p] ^= (byte) (1 << bit);
                    if (p == 0 && (tampered[0] < 20 || tampered[0] > 23)) {
                        continue; // an unknown type is refused by the header check, before any AEAD
                    }
                    Tls12RecordDecryptor decryptor = decryptor(suite);
                    assertFails(() -> decryptor.open(ByteBuffer.wrap(tampered), ByteBuffer.allocate(64)),
                            FailureReason.RECORD_MAC, suite.suite() + " byte " + p + " bit " + bit);
                    assertEquals(0, decryptor.sequenceNumber());
                }
            }
        }
    }

    @Test
    void theHeaderTypeIsAuthenticated() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            byte[] record = seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate)
                    .toByteArray();
            for (int type : new int[] {20, 21, 22}) {
                record[0] = (byte) type;
                assertFails(() -> decryptor(suite).open(ByteBuffer.wrap(record), ByteBuffer.allocate(64)),
                        FailureReason.RECORD_MAC, suite.suite() + " type " + type);
            }
        }
    }

    @Test
    void aRecordOpensOnlyAtItsOwnSequenceNumber() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            Tls12RecordEncryptor encryptor = encryptor(suite);
            encryptor.setSequenceNumberForTest(5);
            Bytes record = seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
            for (long wrong : new long[] {0, 4, 6, 5L << 32}) {
                Tls12RecordDecryptor decryptor = decryptor(suite);
                decryptor.setSequenceNumberForTest(wrong);
                assertFails(() -> decryptor.open(copy(record, ByteBuffer::allocate), ByteBuffer.allocate(64)),
                        FailureReason.RECORD_MAC, suite.suite() + " at " + wrong);
                assertEquals(wrong, decryptor.sequenceNumber());
            }
        }
    }

    /**
     * After a record that fails, the next one has the same sequence number and so, for
     * ChaCha20, the same nonce; JDK 17's ChaCha20 refuses a second init with the nonce of the
     * previous one even to decrypt, which must not turn into internal_error.
     */
    @Test
    void aRecordOpensAfterAFailedOneAtTheSameSequenceNumber() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            Bytes record = seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
            byte[] tampered = record.toByteArray();
            tampered[tampered.length - 1] ^= 1;
            Tls12RecordDecryptor decryptor = decryptor(suite);
            for (int i = 0; i < 2; i++) {
                assertFails(() -> decryptor.open(ByteBuffer.wrap(tampered.clone()), ByteBuffer.allocate(64)),
                        FailureReason.RECORD_MAC, suite.suite() + " failure " + i);
            }
            ByteBuffer out = ByteBuffer.allocate(64);
            assertEquals(ContentType.APPLICATION_DATA, decryptor.open(copy(record, ByteBuffer::allocate), out));
            assertEquals(CONTENT, contents(out.flip()), suite.suite().toString());
        }
    }

    @Test
    void gcmUsesThePeersExplicitNonceWhateverItIs() throws GeneralSecurityException {
        // RFC 5288 §3 leaves the choice of nonce_explicit to the sender; the AAD keeps the sequence number.
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;
        byte[] record = referenceWithExplicitNonce(suite, 0, 0x0badc0ffee123456L, ContentType.HANDSHAKE,
                CONTENT.toByteArray());
        ByteBuffer out = ByteBuffer.allocate(64);
        assertEquals(ContentType.HANDSHAKE, decryptor(suite).open(ByteBuffer.wrap(record), out));
        assertEquals(CONTENT, contents(out.flip()));
    }

    @Test
    void recordsShorterThanExplicitNonceAndTagAreBadRecordMac() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            int minimum = suite.explicitNonceLength() + 16;
            for (int length = 0; length < minimum; length++) {
                ByteBuffer record = ByteBuffer.allocate(5 + length);
                record.put((byte) 0x17).putShort((short) 0x0303).putShort((short) length).clear();
                assertFails(() -> decryptor(suite).open(record, ByteBuffer.allocate(64)),
                        FailureReason.RECORD_SHORTER_THAN_TAG, suite.suite() + " length " + length);
            }
        }
    }

    @Test
    void contentOver2To14IsRecordOverflowBeforeDecrypting() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            int length = suite.explicitNonceLength() + RecordHeader.MAX_PLAINTEXT + 1 + 16;
            ByteBuffer record = ByteBuffer.allocate(5 + length);
            record.put((byte) 0x17).putShort((short) 0x0303).putShort((short) length).clear();
            TlsFailure f = assertFails(() -> decryptor(suite).open(record, ByteBuffer.allocate(length)),
                    FailureReason.PROTECTED_PLAINTEXT_TOO_LONG, suite.suite().toString());
            assertEquals(AlertDescription.RECORD_OVERFLOW, f.alert());
        }
    }

    @Test
    void sealRefusesPaddingOversizedContentAndTheInvalidType() {
        Tls12RecordEncryptor encryptor = encryptor(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
        ByteBuffer dst = ByteBuffer.allocate(RecordHeader.MAX_RECORD + 64);
        assertThrows(IllegalArgumentException.class, () -> encryptor.sealedLength(10, 1));
        assertThrows(IllegalArgumentException.class, () -> encryptor.seal(ContentType.APPLICATION_DATA,
                ByteBuffer.allocate(10), 1, dst));
        assertThrows(IllegalArgumentException.class, () -> encryptor.seal(ContentType.APPLICATION_DATA,
                ByteBuffer.allocate(RecordHeader.MAX_PLAINTEXT + 1), 0, dst));
        assertThrows(IllegalArgumentException.class, () -> encryptor.seal(ContentType.INVALID,
                ByteBuffer.allocate(1), 0, dst));
        assertEquals(0, encryptor.sequenceNumber());
        assertEquals(0, dst.position());
    }

    @Test
    void tooSmallBuffersConsumeAndWriteNothing() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
        Tls12RecordEncryptor encryptor = encryptor(suite);
        ByteBuffer plaintext = ByteBuffer.wrap(CONTENT.toByteArray());
        ByteBuffer small = ByteBuffer.allocate(encryptor.sealedLength(CONTENT.length(), 0) - 1);
        assertThrows(BufferOverflowException.class, () -> encryptor.seal(ContentType.HANDSHAKE, plaintext, 0, small));
        assertEquals(0, plaintext.position());
        assertEquals(0, small.position());
        ByteBuffer record = copy(seal(encryptor, ContentType.HANDSHAKE, CONTENT, ByteBuffer::allocate),
                ByteBuffer::allocate);
        Tls12RecordDecryptor decryptor = decryptor(suite);
        assertThrows(BufferOverflowException.class,
                () -> decryptor.open(record, ByteBuffer.allocate(CONTENT.length() - 1)));
        assertEquals(0, record.position());
        assertEquals(0, decryptor.sequenceNumber());
    }

    @Test
    void nearTheLimitItAsksToCloseAndAtTheLimitItStopsWithoutAKeyUpdate() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED_TLS12) {
            Tls12RecordEncryptor encryptor = encryptor(suite);
            long limit = suite.recordLimit();
            encryptor.setSequenceNumberForTest(limit - (limit >>> 3) - 1);
            assertFalse(encryptor.nearUsageLimit(), suite.suite().toString());
            seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
            assertTrue(encryptor.nearUsageLimit(), "seven eighths used: time to close");
            encryptor.setSequenceNumberForTest(limit - 1);
            seal(encryptor, ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate);
            assertFalse(encryptor.needsKeyUpdate(), "TLS 1.2 has no KeyUpdate");
            TlsFailure f = assertFails(() -> seal(encryptor, ContentType.APPLICATION_DATA, CONTENT,
                    ByteBuffer::allocate), FailureReason.KEY_USAGE_LIMIT_REACHED, suite.suite().toString());
            assertEquals(AlertDescription.INTERNAL_ERROR, f.alert());
        }
        assertEquals(1L << 24, CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.recordLimit());
    }

    @Test
    void peerPastTwoTo64RecordsIsRefused() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256;
        Tls12RecordEncryptor encryptor = new Tls12RecordEncryptor(suite, new byte[32], new byte[12]);
        encryptor.setSequenceNumberForTest(-1L);
        // Past our own limit: sealed here with the reference construction instead.
        Bytes last;
        try {
            last = reference(suite, -1L, ContentType.APPLICATION_DATA, CONTENT.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        Tls12RecordDecryptor decryptor = decryptor(suite);
        decryptor.setSequenceNumberForTest(-1L);
        decryptor.open(copy(last, ByteBuffer::allocate), ByteBuffer.allocate(64));
        assertFails(() -> decryptor.open(copy(last, ByteBuffer::allocate), ByteBuffer.allocate(64)),
                FailureReason.SEQUENCE_NUMBER_EXHAUSTED, "after 2^64 records");
    }

    @Test
    void recordProtectionBuildsTheTls12AeadFromTls12Keys() {
        CipherSuiteSpec suite = CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
        Tls12RecordKeys keys = Tls12RecordKeys.of(suite, key(suite), iv(suite));
        RecordEncryptor encryptor = RecordProtection.encryptor(keys);
        RecordDecryptor decryptor = RecordProtection.decryptor(keys);
        assertInstanceOf(Tls12RecordEncryptor.class, encryptor);
        assertInstanceOf(Tls12RecordDecryptor.class, decryptor);
        assertFalse(keys.isDestroyed(), "the caller destroys the keys");
        ByteBuffer sealed = ByteBuffer.allocate(encryptor.sealedLength(CONTENT.length(), 0));
        encryptor.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(CONTENT.toByteArray()), 0, sealed);
        assertEquals(seal(encryptor(suite), ContentType.APPLICATION_DATA, CONTENT, ByteBuffer::allocate),
                contents(sealed.flip()));
        ByteBuffer out = ByteBuffer.allocate(decryptor.maxOpenedLength(sealed.remaining()));
        decryptor.open(sealed, out);
        assertEquals(CONTENT, contents(out.flip()));
        // Header, explicit nonce, content, tag.
        assertEquals(100, decryptor.maxOpenedLength(5 + 8 + 100 + 16));
        assertEquals(RecordHeader.MAX_PLAINTEXT, decryptor.maxContentLength(RecordHeader.MAX_RECORD));
    }

    private static TlsFailure assertFails(Runnable open, FailureReason reason, String message) {
        TlsFailure f = assertThrows(TlsFailure.class, open::run, message);
        assertEquals(reason, f.reason(), message);
        return f;
    }

    private static byte[] key(CipherSuiteSpec suite) {
        byte[] key = new byte[suite.keyLength()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0x10 + i);
        }
        return key;
    }

    private static byte[] iv(CipherSuiteSpec suite) {
        byte[] iv = new byte[suite.fixedIvLength()];
        for (int i = 0; i < iv.length; i++) {
            iv[i] = (byte) (0xa0 + i);
        }
        return iv;
    }

    private static Tls12RecordEncryptor encryptor(CipherSuiteSpec suite) {
        return new Tls12RecordEncryptor(suite, key(suite), iv(suite));
    }

    private static Tls12RecordDecryptor decryptor(CipherSuiteSpec suite) {
        return new Tls12RecordDecryptor(suite, key(suite), iv(suite));
    }

    private static Bytes seal(RecordEncryptor encryptor, ContentType type, Bytes content,
            IntFunction<ByteBuffer> kind) {
        ByteBuffer plaintext = copy(content, kind);
        ByteBuffer dst = kind.apply(encryptor.sealedLength(content.length(), 0));
        assertEquals(dst.capacity(), encryptor.seal(type, plaintext, 0, dst));
        assertEquals(0, plaintext.remaining());
        return contents(dst.flip());
    }

    private static Bytes reference(CipherSuiteSpec suite, long seq, ContentType type, byte[] content)
            throws GeneralSecurityException {
        return Bytes.of(referenceWithExplicitNonce(suite, seq, seq, type, content));
    }

    /**
     * RFC 5246 §6.2.3.3 written out with the raw AEAD: additional_data = seq_num || type ||
     * version || length; AES-GCM nonce = salt || nonce_explicit, sent before the ciphertext (RFC
     * 5288 §3); ChaCha20-Poly1305 nonce = IV XOR the padded sequence number (RFC 7905 §2).
     */
    private static byte[] referenceWithExplicitNonce(CipherSuiteSpec suite, long seq, long explicitNonce,
            ContentType type, byte[] content) throws GeneralSecurityException {
        ByteBuffer aad = ByteBuffer.allocate(13).putLong(seq).put((byte) type.code()).putShort((short) 0x0303)
                .putShort((short) content.length);
        Cipher cipher = Cipher.getInstance(suite.cipherTransformation());
        SecretKeySpec key = new SecretKeySpec(key(suite), suite.keyAlgorithm());
        ByteBuffer explicit = ByteBuffer.allocate(suite.explicitNonceLength());
        if (suite.isGcm()) {
            explicit.putLong(explicitNonce);
            byte[] nonce = ByteBuffer.allocate(12).put(iv(suite)).putLong(explicitNonce).array();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        } else {
            byte[] nonce = iv(suite);
            for (int i = 0; i < 8; i++) {
                nonce[11 - i] ^= (byte) (seq >>> (8 * i));
            }
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
        }
        cipher.updateAAD(aad.array());
        byte[] sealed = cipher.doFinal(content);
        int length = explicit.capacity() + sealed.length;
        return ByteBuffer.allocate(5 + length).put((byte) type.code()).putShort((short) 0x0303)
                .putShort((short) length).put(explicit.array()).put(sealed).array();
    }
}
