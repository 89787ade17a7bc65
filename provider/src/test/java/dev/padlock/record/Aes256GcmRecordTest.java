package dev.padlock.record;

import static dev.padlock.record.Rfc8448RecordTest.contents;
import static dev.padlock.record.Rfc8448RecordTest.copy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * TLS_AES_256_GCM_SHA384 known answers from "The Illustrated TLS 1.3 Connection"
 * (https://tls13.xargs.org), which RFC 8448 does not cover. Values checked against several
 * independent copies of the trace. The Certificate and CertificateVerify records (sequence 1
 * and 2) are not carried over; the server Finished record is checked at its sequence 3.
 */
class Aes256GcmRecordTest {
    private static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_256_GCM_SHA384;

    // Server Handshake Keys Calc: server handshake key, server handshake IV
    private static final Bytes SERVER_HS_KEY =
            Bytes.fromHex("9f13575ce3f8cfc1df64a77ceaffe89700b492ad31b4fab01c4792be1b266b7f");
    private static final Bytes SERVER_HS_IV = Bytes.fromHex("9563bc8b590f671f488d2da3");

    // Server Encrypted Extensions
    private static final Bytes ENCRYPTED_EXTENSIONS = Bytes.fromHex("08 00 00 02 00 00");
    // Wrapped Record (sequence 0)
    private static final Bytes ENCRYPTED_EXTENSIONS_RECORD = Bytes.fromHex("""
            17 03 03 00 17 6b e0 2f 9d a7 c2 dc 9d de f5 6f
            24 68 b9 0a df a2 51 01 ab 03 44 ae
            """);

    // Server Handshake Finished
    private static final Bytes SERVER_FINISHED = Bytes.fromHex("""
            14 00 00 30 7e 30 ee cc b6 b2 3b e6 c6 ca 36 39 92 e8 42 da 87 7e e6 47
            15 ae 7f c0 cf 87 f9 e5 03 21 82 b5 bb 48 d1 e3 3f 99 79 05 5a 16 0c 8d
            bb b1 56 9c
            """);
    // Wrapped Record 4 (sequence 3)
    private static final Bytes SERVER_FINISHED_RECORD = Bytes.fromHex("""
            17 03 03 00 45 10 61 de 27 e5 1c 2c 9f 34 29 11
            80 6f 28 2b 71 0c 10 63 2c a5 00 67 55 88 0d bf
            70 06 00 2d 0e 84 fe d9 ad f2 7a 43 b5 19 23 03
            e4 df 5c 28 5d 58 e3 c7 62 24 07 84 40 c0 74 23
            74 74 4a ec f2 8c f3 18 2f d0
            """);

    @Test
    void encryptedExtensionsRecordMatchesAtSequenceZero() {
        assertRecord(0, ENCRYPTED_EXTENSIONS, ENCRYPTED_EXTENSIONS_RECORD, "Wrapped Record");
    }

    @Test
    void serverFinishedRecordMatchesAtSequenceThree() {
        assertRecord(3, SERVER_FINISHED, SERVER_FINISHED_RECORD, "Wrapped Record 4");
    }

    private static void assertRecord(long sequence, Bytes plaintext, Bytes record, String step) {
        Tls13RecordEncryptor encryptor = new Tls13RecordEncryptor(SUITE, SERVER_HS_KEY.toByteArray(), SERVER_HS_IV.toByteArray());
        encryptor.setSequenceNumberForTest(sequence);
        ByteBuffer sealed = ByteBuffer.allocateDirect(encryptor.sealedLength(plaintext.length(), 0));
        encryptor.seal(ContentType.HANDSHAKE, plaintext.asBuffer(), 0, sealed);
        assertEquals(record, contents(sealed.flip()), step);

        Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(SUITE, SERVER_HS_KEY.toByteArray(), SERVER_HS_IV.toByteArray());
        decryptor.setSequenceNumberForTest(sequence);
        ByteBuffer opened = ByteBuffer.allocate(decryptor.maxOpenedLength(record.length()));
        assertEquals(ContentType.HANDSHAKE, decryptor.open(copy(record, ByteBuffer::allocate), opened), step);
        assertEquals(plaintext, contents(opened.flip()), step);
    }
}
