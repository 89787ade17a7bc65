package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The BUFFER_OVERFLOW threshold of a Padlock engine's unwrap for records that carry padding
 * (RFC 8446 §5.4). After a real handshake the test plays the client's record layer itself: it
 * reads CLIENT_TRAFFIC_SECRET_0 from the server's key log, derives the key and IV (§7.3) and
 * seals TLSInnerPlaintext = content || 0x17 || zeros (§5.2, nonce of §5.3) with its own
 * AES-128-GCM, independent of Padlock's record code, then hands each record to the server
 * engine's unwrap.
 *
 * <p>The engine asks for room for the whole TLSInnerPlaintext less the type byte, because it
 * cannot know the padding before decrypting, but never for more than 2^14: §5.4 caps the
 * TLSInnerPlaintext at 2^14 + 1 octets whatever the padding, so every legal record fits a
 * buffer of {@code getApplicationBufferSize()}. The JSSE contract checked throughout: a
 * BUFFER_OVERFLOW consumes and produces nothing and leaves both buffers as they were.
 *
 * <p>Arithmetic: with the 16-byte GCM tag, TLSCiphertext.length = content + 1 + padding + 16.
 * The largest legal record has content + padding = 2^14 (length 2^14 + 17). The wire's
 * 2^14 + 256 length limit (§5.2) leaves room for a TLSInnerPlaintext of 2^14 + 240, which
 * §5.4 forbids: such a record must end in record_overflow, not in a BUFFER_OVERFLOW that no
 * buffer of the advertised size can cure.
 */
class EnginePaddedRecordTest {
    private static final int MAX_PLAINTEXT = 1 << 14;
    private static final int TAG = 16;
    private static final int HEADER = 5;

    @TempDir
    Path dir;

    enum Kind {
        HEAP, DIRECT;

        ByteBuffer allocate(int capacity) {
            return this == HEAP ? ByteBuffer.allocate(capacity) : ByteBuffer.allocateDirect(capacity);
        }
    }

    // ---- legal records -------------------------------------------------------------------------

    /**
     * Records whose content plus padding is exactly 2^14, the §5.4 maximum, from all content to
     * nearly all padding: each fits a buffer of exactly getApplicationBufferSize() (2^14 + 1,
     * the whole TLSInnerPlaintext, so the record is decrypted straight into it) and one of exactly
     * 2^14 (through the engine's own buffer), and delivers exactly its content.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void largestLegalPaddedRecordsFitTheApplicationBufferSize(Kind kind) throws Exception {
        Connected c = connect();
        int appSize = c.server.getSession().getApplicationBufferSize();
        assertEquals(MAX_PLAINTEXT + 1, appSize, "Padlock advertises the largest TLSInnerPlaintext");
        int[][] shapes = {{MAX_PLAINTEXT, 0}, {MAX_PLAINTEXT - 255, 255}, {MAX_PLAINTEXT - 1000, 1000},
                {1, MAX_PLAINTEXT - 1}};
        for (int[] shape : shapes) {
            for (int room : new int[] {appSize, MAX_PLAINTEXT}) {
                byte[] content = random(shape[0], shape[0] + room);
                byte[] record = c.peer.seal(content, shape[1]);
                assertEquals(HEADER + MAX_PLAINTEXT + 1 + TAG, record.length);
                ByteBuffer src = kind.allocate(record.length).put(record).flip();
                ByteBuffer dst = kind.allocate(room);
                SSLEngineResult r = c.server.unwrap(src, dst);
                assertResult(r, Status.OK, record.length, content.length);
                assertFalse(src.hasRemaining());
                assertArrayEquals(content, contents(dst),
                        "content " + shape[0] + ", padding " + shape[1] + ", room " + room);
            }
        }
    }

    /**
     * The same holds for a destination that is not a single buffer: several buffers whose room
     * adds up to 2^14 take the largest legal padded record, split in order.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void largestLegalPaddedRecordScattersOverBuffersAddingUpTo2To14(Kind kind) throws Exception {
        Connected c = connect();
        byte[] content = random(MAX_PLAINTEXT - 255, 7);
        byte[] record = c.peer.seal(content, 255);
        ByteBuffer src = kind.allocate(record.length).put(record).flip();
        ByteBuffer[] dsts = {kind.allocate(10_000), Kind.HEAP.allocate(MAX_PLAINTEXT - 10_000)};
        SSLEngineResult r = c.server.unwrap(src, dsts);
        assertResult(r, Status.OK, record.length, content.length);
        byte[] first = contents(dsts[0]);
        byte[] second = contents(dsts[1]);
        assertEquals(10_000, first.length);
        assertArrayEquals(content, concat(first, second));
    }

    /**
     * 100 bytes of content behind 1000 bytes of padding. The engine cannot see the padding
     * before decrypting, so it asks for room for the whole TLSInnerPlaintext less the type
     * byte: 1100 bytes. Below that it answers BUFFER_OVERFLOW and touches nothing; at 1100 the
     * same bytes are unwrapped and 100 bytes are delivered (the sequence number did not move).
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void paddingCountsTowardsTheRoomAskedForButNotTowardsWhatIsDelivered(Kind kind) throws Exception {
        Connected c = connect();
        byte[] content = random(100, 11);
        byte[] record = c.peer.seal(content, 1000);
        assertEquals(HEADER + 100 + 1 + 1000 + TAG, record.length);
        // The record sits after 3 bytes already read and before the start of a next record.
        ByteBuffer src = kind.allocate(3 + record.length + 4);
        src.put(new byte[3]).put(record).put(new byte[] {23, 3, 3, 0}).flip().position(3);
        for (int room : new int[] {0, 1, 100, 1099}) {
            ByteBuffer dst = kind.allocate(room + 8).position(8);
            SSLEngineResult r = c.server.unwrap(src, dst);
            assertResult(r, Status.BUFFER_OVERFLOW, 0, 0);
            assertEquals(3, src.position(), "BUFFER_OVERFLOW consumes nothing (room " + room + ")");
            assertEquals(3 + record.length + 4, src.limit(), "src limit restored");
            assertEquals(8, dst.position(), "BUFFER_OVERFLOW writes nothing");
            assertEquals(room + 8, dst.limit());
            assertEquals(HandshakeStatus.NOT_HANDSHAKING, r.getHandshakeStatus());
            assertFalse(c.server.isInboundDone());
        }
        // Split across buffers the rule counts the total room: 60 + 1039 is still one short.
        ByteBuffer[] shortPair = {kind.allocate(60), kind.allocate(1039)};
        assertResult(c.server.unwrap(src, shortPair), Status.BUFFER_OVERFLOW, 0, 0);
        assertEquals(3, src.position());
        assertEquals(0, shortPair[0].position() + shortPair[1].position());

        ByteBuffer dst = kind.allocate(1100);
        SSLEngineResult r = c.server.unwrap(src, dst);
        assertResult(r, Status.OK, record.length, 100);
        assertEquals(3 + record.length, src.position(), "exactly one record consumed");
        assertEquals(4, src.remaining(), "the next record's start is left for later");
        assertArrayEquals(content, contents(dst));
    }

    /** 60 + 1040 bytes of room in two buffers is enough: the 100 bytes land 60 and 40. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void paddedRecordScattersOverBuffersWithExactlyEnoughTotalRoom(Kind kind) throws Exception {
        Connected c = connect();
        byte[] content = random(100, 13);
        byte[] record = c.peer.seal(content, 1000);
        ByteBuffer src = kind.allocate(record.length).put(record).flip();
        ByteBuffer[] dsts = {kind.allocate(60), kind.allocate(1040)};
        assertResult(c.server.unwrap(src, dsts), Status.OK, record.length, 100);
        assertArrayEquals(content, concat(contents(dsts[0]), contents(dsts[1])));
        assertEquals(60, dsts[0].position(), "the first buffer is filled first");
        assertEquals(40, dsts[1].position());
    }

    // ---- illegal records: the 2^14 cap ----------------------------------------------------------

    /**
     * 2^14 bytes of content and 239 of padding: TLSCiphertext.length is exactly 2^14 + 256, the
     * largest the header check lets through (§5.2), but its TLSInnerPlaintext of 2^14 + 240
     * octets breaks §5.4. Without the 2^14 cap the engine would ask for 2^14 + 239 bytes of room
     * and answer BUFFER_OVERFLOW to a caller holding getApplicationBufferSize(), who cannot
     * grow the buffer further and would spin. With the cap the room asked for is 2^14: one byte
     * less still overflows (consuming nothing), and at 2^14 the record reaches the decryptor
     * and the connection fails with record_overflow.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void oversizedInnerPlaintextAsksForNoMoreThan2To14AndFailsWithRecordOverflow(Kind kind) throws Exception {
        Connected c = connect();
        byte[] record = c.peer.seal(random(MAX_PLAINTEXT, 17), 239);
        assertEquals(HEADER + MAX_PLAINTEXT + 256, record.length);
        ByteBuffer src = kind.allocate(record.length).put(record).flip();

        ByteBuffer oneShort = kind.allocate(MAX_PLAINTEXT - 1);
        assertResult(c.server.unwrap(src, oneShort), Status.BUFFER_OVERFLOW, 0, 0);
        assertEquals(0, src.position());
        assertEquals(0, oneShort.position());

        ByteBuffer appSized = kind.allocate(c.server.getSession().getApplicationBufferSize());
        assertRecordOverflowAndClose(c, src, appSized);
    }

    /** The same record into a buffer larger than 2^14 + 239: still record_overflow, not data. */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void oversizedInnerPlaintextIsRefusedHoweverLargeTheBuffer(Kind kind) throws Exception {
        Connected c = connect();
        byte[] record = c.peer.seal(random(MAX_PLAINTEXT, 19), 239);
        ByteBuffer src = kind.allocate(record.length).put(record).flip();
        ByteBuffer huge = kind.allocate(2 * MAX_PLAINTEXT);
        assertRecordOverflowAndClose(c, src, huge);
    }

    /**
     * 2^14 bytes of content and 255 of padding: TLSInnerPlaintext 2^14 + 256, so
     * TLSCiphertext.length 2^14 + 272, over the §5.2 limit. The header alone condemns it:
     * record_overflow before any room check, with a buffer of getApplicationBufferSize() or of
     * exactly 2^14 (the same size here) or larger.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void fullContentWithMaximalPaddingIsOverTheWireLimit(Kind kind) throws Exception {
        Connected c = connect();
        byte[] record = c.peer.seal(random(MAX_PLAINTEXT, 23), 255);
        assertEquals(HEADER + MAX_PLAINTEXT + 256 + TAG, record.length);
        ByteBuffer src = kind.allocate(record.length).put(record).flip();
        ByteBuffer dst = kind.allocate(c.server.getSession().getApplicationBufferSize());
        assertRecordOverflowAndClose(c, src, dst);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** After a fatal error the engine has exactly one alert record to send, then is done. */
    /** unwrap fails with record_overflow, delivers nothing, and the engine sends one alert and closes. */
    private static void assertRecordOverflowAndClose(Connected c, ByteBuffer src, ByteBuffer dst) throws Exception {
        SSLProtocolException e = assertThrows(SSLProtocolException.class, () -> c.server.unwrap(src, dst));
        assertTrue(e.getMessage().startsWith("(record_overflow)"), e.getMessage());
        assertEquals(0, dst.position(), "nothing delivered");
        assertSendsOneAlertAndCloses(c.server);
    }

    private static void assertSendsOneAlertAndCloses(SSLEngine engine) throws Exception {
        assertTrue(engine.isInboundDone());
        assertEquals(HandshakeStatus.NEED_WRAP, engine.getHandshakeStatus());
        ByteBuffer wire = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), wire);
        assertEquals(Status.CLOSED, r.getStatus());
        // A protected alert: header, 2 alert bytes, the inner type byte, the tag.
        assertEquals(HEADER + 2 + 1 + TAG, r.bytesProduced());
        assertTrue(engine.isOutboundDone());
    }

    private static void assertResult(SSLEngineResult r, Status status, int consumed, int produced) {
        assertEquals(status, r.getStatus(), r.toString());
        assertEquals(consumed, r.bytesConsumed(), r.toString());
        assertEquals(produced, r.bytesProduced(), r.toString());
    }

    /** A Padlock pair after its handshake, and a stand-in for the client's record layer. */
    private record Connected(SSLEngine server, ClientRecords peer) {
    }

    private Connected connect() throws Exception {
        Path keyLog = Files.createTempFile(dir, "server", ".keys");
        SSLContext serverContext = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(),
                Map.of(), Diagnostics.from(Map.of("dev.padlock.keyLogFile", keyLog.toString())::get, name -> null));
        SSLContext clientContext = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLEngine server = serverContext.createSSLEngine();
        // ClientRecords speaks this suite only.
        server.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        EnginePair pair = new EnginePair(clientContext.createSSLEngine("localhost", 443), server);
        pair.handshake();
        assertEquals("TLS_AES_128_GCM_SHA256", server.getSession().getCipherSuite());
        // The client has sent nothing under its application key yet: its next record is number 0.
        return new Connected(server, ClientRecords.fromKeyLog(keyLog));
    }

    /**
     * Seals application data records as the client would, under CLIENT_TRAFFIC_SECRET_0
     * (TLS_AES_128_GCM_SHA256), with any amount of padding, legal or not.
     */
    private static final class ClientRecords {
        private final byte[] key;
        private final byte[] iv;
        private long sequence;

        private ClientRecords(byte[] key, byte[] iv) {
            this.key = key;
            this.iv = iv;
        }

        static ClientRecords fromKeyLog(Path keyLog) throws Exception {
            for (String line : Files.readAllLines(keyLog)) {
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("CLIENT_TRAFFIC_SECRET_0")) {
                    byte[] secret = HexFormat.of().parseHex(f[2]);
                    return new ClientRecords(expandLabel(secret, "key", 16), expandLabel(secret, "iv", 12));
                }
            }
            throw new AssertionError("no CLIENT_TRAFFIC_SECRET_0 in the key log");
        }

        /** One whole record: header, then AEAD(content || application_data || padding zeros). */
        byte[] seal(byte[] content, int padding) throws Exception {
            byte[] inner = new byte[content.length + 1 + padding];
            System.arraycopy(content, 0, inner, 0, content.length);
            inner[content.length] = 23;
            int length = inner.length + TAG;
            byte[] header = {23, 3, 3, (byte) (length >>> 8), (byte) length};
            byte[] nonce = iv.clone();
            for (int i = 0; i < 8; i++) {
                nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
            }
            sequence++;
            Cipher aead = Cipher.getInstance("AES/GCM/NoPadding");
            aead.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            aead.updateAAD(header);
            return concat(header, aead.doFinal(inner));
        }

        /** HKDF-Expand-Label(secret, label, "", length) with SHA-256 (RFC 8446 §7.1), one block. */
        private static byte[] expandLabel(byte[] secret, String label, int length) throws Exception {
            byte[] full = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
            ByteBuffer info = ByteBuffer.allocate(2 + 1 + full.length + 1 + 1);
            info.putShort((short) length).put((byte) full.length).put(full).put((byte) 0).put((byte) 1);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(hmac.doFinal(info.array()), length);
        }
    }

    /** What was written into {@code dst} from index 0 to its position. */
    private static byte[] contents(ByteBuffer dst) {
        ByteBuffer view = dst.duplicate().flip();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Non-zero random bytes, so content can never be mistaken for padding. */
    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                b[i] = 1;
            }
        }
        return b;
    }
}
