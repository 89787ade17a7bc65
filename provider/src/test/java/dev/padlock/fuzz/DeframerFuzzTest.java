package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.padlock.record.Deframer;
import dev.padlock.record.RecordHeader;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The deframer on an arbitrary byte stream cut into arbitrary chunks, against a model that
 * walks the whole stream with {@link RecordHeader#peekRecordLength}: the same records in the
 * same order whatever the chunking, the same alert at the first bad header, and the trailing
 * partial record left pending.
 */
class DeframerFuzzTest {

    /** What the whole stream holds: whole records before the first bad header, and that header's failure. */
    private record Model(List<ByteBuffer> records, TlsFailure failure, int trailing) {
        static Model of(byte[] stream) {
            ByteBuffer in = ByteBuffer.wrap(stream);
            List<ByteBuffer> records = new ArrayList<>();
            while (true) {
                int length;
                int before = in.position();
                try {
                    length = RecordHeader.peekRecordLength(in);
                } catch (TlsFailure f) {
                    assertEquals(before, in.position(), "peekRecordLength does not move the position");
                    return new Model(records, f, 0);
                }
                assertEquals(before, in.position(), "peekRecordLength does not move the position");
                if (length < 0) {
                    assertTrue(in.remaining() < RecordHeader.HEADER_LENGTH, "-1 only for a short header");
                    return new Model(records, null, in.remaining());
                }
                assertTrue(length >= RecordHeader.HEADER_LENGTH && length <= RecordHeader.MAX_RECORD, "length " + length);
                if (in.remaining() < length) {
                    return new Model(records, null, in.remaining());
                }
                records.add(ByteBuffer.wrap(stream, in.position(), length).slice());
                in.position(in.position() + length);
            }
        }
    }

    @FuzzTest
    void deframe(FuzzedDataProvider data) {
        int[] chunks = new int[data.consumeInt(1, 16)];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = data.consumeInt(0, 2 * RecordHeader.MAX_RECORD);
        }
        boolean viaArray = data.consumeBoolean();
        byte[] stream = data.consumeRemainingAsBytes();
        Model model = Model.of(stream);

        Deframer deframer = new Deframer();
        List<ByteBuffer> got = new ArrayList<>();
        TlsFailure failure = null;
        int off = 0;
        try {
            for (int i = 0; off < stream.length; i++) {
                int len = Math.min(stream.length - off, Math.max(1, chunks[i % chunks.length]));
                int taken = 0;
                while (taken < len) {
                    int n = viaArray ? deframer.offer(stream, off + taken, len - taken)
                            : deframer.offer(ByteBuffer.wrap(stream, off + taken, len - taken));
                    // Every whole record was drained, so at most a partial one is pending: room remains.
                    assertTrue(n > 0, "offer took nothing with only a partial record pending");
                    taken += n;
                    drain(deframer, got);
                }
                off += len;
            }
        } catch (TlsFailure f) {
            failure = f;
        }
        if (model.failure() == null) {
            assertEquals(null, failure, "no failure without a bad header");
            assertEquals(model.records(), got, "the records, whatever the chunking");
            assertEquals(model.trailing(), deframer.pendingBytes(), "the partial record stays pending");
        } else {
            assertTrue(failure != null, "the bad header fails: " + model.failure().getMessage());
            assertEquals(model.failure().alert(), failure.alert());
            assertEquals(model.failure().getMessage(), failure.getMessage());
            assertEquals(model.records().subList(0, got.size()), got, "records before the bad header");
            assertThrows(IllegalStateException.class, deframer::hasRecord, "a failed deframer stays failed");
        }
    }

    private static void drain(Deframer deframer, List<ByteBuffer> got) {
        while (deframer.hasRecord()) {
            ByteBuffer record = deframer.nextRecord();
            ByteBuffer copy = ByteBuffer.allocate(record.remaining()).put(record).flip();
            got.add(copy);
        }
    }
}
