package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SSLEngine whose transport ends early, or whose peer goes on after close_notify. The
 * client under test is Padlock (against SunJSSE) or SunJSSE (against Padlock), and both must
 * behave the same: these are the answers SunJSSE users already handle.
 */
class EngineFaultTest {
    enum Client { PADLOCK, SUNJSSE }

    private static final String NO_CLOSE_NOTIFY = "closing inbound before receiving peer's close_notify";

    private static EnginePair pair(Client kind) throws Exception {
        SSLContext padlock = Contexts.padlock(KeyKind.EC_P256, Map.of());
        SSLContext sun = Contexts.sun(KeyKind.EC_P256);
        SSLEngine client = (kind == Client.PADLOCK ? padlock : sun).createSSLEngine("localhost", 443);
        SSLEngine server = (kind == Client.PADLOCK ? sun : padlock).createSSLEngine();
        return new EnginePair(client, server);
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void transportEndingAfterTheClientHelloIsAnErrorAtCloseInbound(Client kind) throws Exception {
        SSLEngine client = pair(kind).client;
        ByteBuffer hello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.wrap(ByteBuffer.allocate(0), hello);
        assertTrue(hello.position() > 0, "the ClientHello went out");
        SSLException e = assertThrows(SSLException.class, client::closeInbound);
        assertEquals(NO_CLOSE_NOTIFY, e.getMessage());
        assertTrue(client.isInboundDone());
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void halfARecordThenTheEndOfTheTransportIsATruncationError(Client kind) throws Exception {
        EnginePair pair = pair(kind);
        pair.handshake();
        ByteBuffer record = wrap(pair.server, "hello".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer half = record.slice().limit(record.remaining() / 2);
        SSLEngineResult r = pair.client.unwrap(half, ByteBuffer.allocate(1 << 15));
        assertEquals(Status.BUFFER_UNDERFLOW, r.getStatus(), "half a record waits for the rest");
        SSLException e = assertThrows(SSLException.class, pair.client::closeInbound);
        assertEquals(NO_CLOSE_NOTIFY, e.getMessage());
    }

    /** RFC 8446 §6.1: what follows close_notify is ignored; unwrap consumes none of it. */
    @ParameterizedTest
    @EnumSource(Client.class)
    void recordsAfterCloseNotifyAreNotRead(Client kind) throws Exception {
        EnginePair pair = pair(kind);
        pair.handshake();
        ByteBuffer data = wrap(pair.server, "last".getBytes(StandardCharsets.US_ASCII));
        pair.server.closeOutbound();
        ByteBuffer closeNotify = wrap(pair.server, new byte[0]);
        assertTrue(pair.server.isOutboundDone());
        // close_notify, then a record that is not even valid: it must not be looked at.
        byte[] garbage = {23, 3, 3, 0, 17, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        ByteBuffer wire = ByteBuffer.allocate(data.remaining() + closeNotify.remaining() + garbage.length)
                .put(data).put(closeNotify).put(garbage).flip();
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        assertEquals(Status.OK, pair.client.unwrap(wire, app).getStatus());
        assertArrayEquals("last".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(app.array(), app.position()));
        assertEquals(Status.CLOSED, pair.client.unwrap(wire, app).getStatus(), "close_notify");
        SSLEngineResult after = pair.client.unwrap(wire, app);
        assertEquals(Status.CLOSED, after.getStatus());
        assertEquals(0, after.bytesConsumed(), "nothing after close_notify is consumed");
        assertEquals(garbage.length, wire.remaining());
        assertTrue(pair.client.isInboundDone());
        pair.client.closeInbound();
    }

    /** Application data from {@code engine} in records, after anything it had queued (tickets). */
    private static ByteBuffer wrap(SSLEngine engine, byte[] data) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer out = ByteBuffer.allocate(4 * engine.getSession().getPacketBufferSize());
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        for (int i = 0; i < 10 && (src.hasRemaining() || out.position() == 0 || engine.getHandshakeStatus()
                == SSLEngineResult.HandshakeStatus.NEED_WRAP); i++) {
            net.clear();
            engine.wrap(src, net);
            out.put(net.flip());
        }
        return out.flip();
    }
}
