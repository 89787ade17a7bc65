package dev.padlock.record;

import static dev.padlock.testing.Rfc8448SimpleHandshake.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Every protected record of RFC 8448 §3, sealed and opened byte for byte, in the order each
 * direction sends them so that the sequence numbers are the trace's own.
 */
class Rfc8448RecordTest {
    private static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
    private static final List<IntFunction<ByteBuffer>> BUFFER_KINDS =
            List.of(ByteBuffer::allocate, ByteBuffer::allocateDirect);

    /** One record of the trace: its RFC step name, inner type, plaintext and wire bytes. */
    private record Step(String name, ContentType type, Bytes plaintext, Bytes record) {
    }

    @Test
    void serverHandshakeRecordMatchesTrace() {
        assertEquals(679, SERVER_FLIGHT_RECORD.length(), "complete record (679 octets)");
        assertEquals(657, SERVER_FLIGHT_PAYLOAD.length(), "payload (657 octets)");
        assertDirection(SERVER_HS_KEY, SERVER_HS_IV, List.of(
                new Step("{server}  send handshake record (EE, Certificate, CertificateVerify, Finished)",
                        ContentType.HANDSHAKE, SERVER_FLIGHT_PAYLOAD, SERVER_FLIGHT_RECORD)));
    }

    @Test
    void clientFinishedRecordMatchesTrace() {
        assertDirection(CLIENT_HS_KEY, CLIENT_HS_IV, List.of(
                new Step("{client}  send handshake record (Finished)",
                        ContentType.HANDSHAKE, CLIENT_FINISHED, CLIENT_FINISHED_RECORD)));
    }

    @Test
    void serverApplicationRecordsMatchTraceAtSequenceZeroOneTwo() {
        assertDirection(SERVER_AP_KEY, SERVER_AP_IV, List.of(
                new Step("{server}  send handshake record (NewSessionTicket), sequence 0",
                        ContentType.HANDSHAKE, NEW_SESSION_TICKET, NEW_SESSION_TICKET_RECORD),
                new Step("{server}  send application_data record, sequence 1",
                        ContentType.APPLICATION_DATA, APPLICATION_DATA, SERVER_APPLICATION_DATA_RECORD),
                new Step("{server}  send alert record (close_notify), sequence 2",
                        ContentType.ALERT, CLOSE_NOTIFY, SERVER_ALERT_RECORD)));
    }

    @Test
    void clientApplicationRecordsMatchTraceAtSequenceZeroOne() {
        assertDirection(CLIENT_AP_KEY, CLIENT_AP_IV, List.of(
                new Step("{client}  send application_data record, sequence 0",
                        ContentType.APPLICATION_DATA, APPLICATION_DATA, CLIENT_APPLICATION_DATA_RECORD),
                new Step("{client}  send alert record (close_notify), sequence 1",
                        ContentType.ALERT, CLOSE_NOTIFY, CLIENT_ALERT_RECORD)));
    }

    @Test
    void serverHandshakeRecordOpensInPlace() {
        for (IntFunction<ByteBuffer> kind : BUFFER_KINDS) {
            ByteBuffer in = copy(SERVER_FLIGHT_RECORD, kind);
            ByteBuffer out = in.duplicate();
            out.clear();
            Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(SUITE,
                    SERVER_HS_KEY.toByteArray(), SERVER_HS_IV.toByteArray());
            assertEquals(ContentType.HANDSHAKE, decryptor.open(in, out));
            assertEquals(SERVER_FLIGHT_PAYLOAD, contents(out.flip()), "{server}  send handshake record: payload");
            assertEquals(0, in.remaining());
        }
    }

    private static void assertDirection(Bytes key, Bytes iv, List<Step> steps) {
        for (IntFunction<ByteBuffer> kind : BUFFER_KINDS) {
            Tls13RecordEncryptor encryptor = new Tls13RecordEncryptor(SUITE, key.toByteArray(), iv.toByteArray());
            Tls13RecordDecryptor decryptor = new Tls13RecordDecryptor(SUITE, key.toByteArray(), iv.toByteArray());
            long sequence = 0;
            for (Step step : steps) {
                assertEquals(sequence, encryptor.sequenceNumber(), step.name());
                ByteBuffer plaintext = copy(step.plaintext(), kind);
                ByteBuffer sealed = kind.apply(encryptor.sealedLength(step.plaintext().length(), 0));
                int written = encryptor.seal(step.type(), plaintext, 0, sealed);
                assertEquals(step.record().length(), written, step.name());
                assertEquals(0, plaintext.remaining(), step.name());
                assertEquals(step.record(), contents(sealed.flip()), step.name() + ": complete record");

                ByteBuffer record = copy(step.record(), kind);
                ByteBuffer opened = kind.apply(decryptor.maxOpenedLength(step.record().length()));
                assertEquals(step.type(), decryptor.open(record, opened), step.name() + ": content type");
                assertEquals(0, record.remaining(), step.name());
                assertEquals(step.plaintext(), contents(opened.flip()), step.name() + ": payload");
                sequence++;
                assertEquals(sequence, decryptor.sequenceNumber(), step.name());
            }
        }
    }

    static ByteBuffer copy(Bytes bytes, IntFunction<ByteBuffer> kind) {
        ByteBuffer b = kind.apply(bytes.length());
        bytes.copyTo(b);
        return b.flip();
    }

    static Bytes contents(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return Bytes.wrap(a);
    }
}
