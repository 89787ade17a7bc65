package dev.padlock.record;

import static dev.padlock.record.RecordProtectionTest.decryptor;
import static dev.padlock.record.RecordProtectionTest.encryptor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The record layer runs the AEAD on the buffers' own arrays when they have one and on staging
 * arrays otherwise. Every kind of buffer on either side must give the same record bytes and the
 * same content: heap, heap slices (non-zero array offset) at a non-zero position, direct, and
 * read-only sources.
 */
class RecordBufferKindsTest {
    /** A buffer of the given capacity, starting at position 0 (its content is irrelevant). */
    private record Kind(String name, IntFunction<ByteBuffer> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Kind HEAP = new Kind("heap", ByteBuffer::allocate);
    private static final Kind SLICE = new Kind("heap slice at offset 7", n -> {
        ByteBuffer outer = ByteBuffer.allocate(n + 20);
        outer.position(7);
        ByteBuffer slice = outer.slice();
        slice.limit(n);
        return slice;
    });
    private static final Kind DIRECT = new Kind("direct", ByteBuffer::allocateDirect);
    private static final List<Kind> WRITABLE = List.of(HEAP, SLICE, DIRECT);

    private static final int[] LENGTHS = {0, 1, 15, 17, 4097, RecordHeader.MAX_PLAINTEXT};

    @Test
    void everyBufferKindSealsTheSameBytesAndOpensTheSameContent() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            for (int length : LENGTHS) {
                for (int padding : new int[] {0, 300}) {
                    if (length + padding > RecordHeader.MAX_PLAINTEXT) {
                        continue;
                    }
                    byte[] content = content(length);
                    byte[] reference = sealWith(suite, content, padding, HEAP, HEAP, false);
                    for (Kind in : WRITABLE) {
                        for (Kind out : WRITABLE) {
                            for (boolean readOnly : new boolean[] {false, true}) {
                                String what = suite.suite() + ", " + length + " bytes, padding " + padding
                                        + ", " + in + (readOnly ? " read-only" : "") + " -> " + out;
                                assertArrayEquals(reference, sealWith(suite, content, padding, in, out, readOnly),
                                        what);
                                assertArrayEquals(content, openWith(suite, reference, in, out), what);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Staging arrays start small and grow when a larger record comes; each record is still exact. */
    @Test
    void stagingGrowsAcrossRecordsOfOneKey() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            Tls13RecordEncryptor heapSealer = encryptor(suite);
            Tls13RecordEncryptor directSealer = encryptor(suite);
            Tls13RecordDecryptor directOpener = decryptor(suite);
            for (int length : new int[] {10, 4000, RecordHeader.MAX_PLAINTEXT, 10, 5000}) {
                byte[] content = content(length);
                int total = heapSealer.sealedLength(length, 0);
                ByteBuffer heapRecord = ByteBuffer.allocate(total);
                heapSealer.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(content), 0, heapRecord);
                ByteBuffer directSource = ByteBuffer.allocateDirect(length).put(content).flip();
                ByteBuffer directRecord = ByteBuffer.allocateDirect(total);
                directSealer.seal(ContentType.APPLICATION_DATA, directSource, 0, directRecord);
                assertEquals(heapRecord.flip(), directRecord.flip(), suite.suite() + ", " + length + " bytes");
                ByteBuffer opened = ByteBuffer.allocateDirect(directOpener.maxOpenedLength(total));
                assertEquals(ContentType.APPLICATION_DATA, directOpener.open(directRecord, opened));
                assertEquals(ByteBuffer.wrap(content), opened.flip(), suite.suite() + ", " + length + " bytes");
            }
        }
    }

    @Test
    void recordOpensInPlaceInItsOwnArray() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            byte[] content = content(5000);
            byte[] record = sealWith(suite, content, 10, HEAP, HEAP, false);
            byte[] shared = record.clone();
            ByteBuffer src = ByteBuffer.wrap(shared);
            ByteBuffer dst = ByteBuffer.wrap(shared);
            assertEquals(ContentType.APPLICATION_DATA, decryptor(suite).open(src, dst));
            assertEquals(record.length, src.position());
            assertEquals(content.length, dst.position());
            byte[] opened = new byte[content.length];
            System.arraycopy(shared, 0, opened, 0, content.length);
            assertArrayEquals(content, opened, suite.suite().toString());
        }
    }

    @Test
    void failedOpenLeavesTheDestinationPositionAlone() {
        for (Kind out : WRITABLE) {
            CipherSuiteSpec suite = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
            byte[] record = sealWith(suite, content(100), 0, HEAP, HEAP, false);
            record[record.length - 1] ^= 1;
            ByteBuffer dst = out.make().apply(200);
            dst.position(3);
            TlsFailure f = assertThrows(TlsFailure.class,
                    () -> decryptor(suite).open(ByteBuffer.wrap(record), dst));
            assertEquals(AlertDescription.BAD_RECORD_MAC, f.alert());
            assertEquals(FailureReason.RECORD_MAC, f.reason());
            assertEquals(3, dst.position(), out.toString());
        }
    }

    private static byte[] content(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** Seals {@code content} as the first record of a fresh key, from and to buffers of the given kinds. */
    private static byte[] sealWith(CipherSuiteSpec suite, byte[] content, int padding, Kind in, Kind out,
            boolean readOnly) {
        ByteBuffer src = in.make().apply(content.length + 9);
        src.position(9);
        src.put(content).flip().position(9);
        if (readOnly) {
            src = src.asReadOnlyBuffer();
        }
        Tls13RecordEncryptor encryptor = encryptor(suite);
        int total = encryptor.sealedLength(content.length, padding);
        ByteBuffer dst = out.make().apply(total + 4);
        dst.position(4);
        int written = encryptor.seal(ContentType.APPLICATION_DATA, src, padding, dst);
        assertEquals(total, written);
        assertEquals(content.length + 9, src.position(), "source consumed");
        assertEquals(total + 4, dst.position());
        byte[] record = new byte[total];
        dst.flip().position(4);
        dst.get(record);
        return record;
    }

    /** Opens {@code record} (the first of a fresh key) from and to buffers of the given kinds. */
    private static byte[] openWith(CipherSuiteSpec suite, byte[] record, Kind in, Kind out) {
        ByteBuffer src = in.make().apply(record.length + 2);
        src.position(2);
        src.put(record).flip().position(2);
        Tls13RecordDecryptor decryptor = decryptor(suite);
        ByteBuffer dst = out.make().apply(decryptor.maxOpenedLength(record.length) + 5);
        dst.position(5);
        assertEquals(ContentType.APPLICATION_DATA, decryptor.open(src, dst));
        assertEquals(record.length + 2, src.position(), "record consumed");
        byte[] opened = new byte[dst.position() - 5];
        dst.flip().position(5);
        dst.get(opened);
        return opened;
    }
}
