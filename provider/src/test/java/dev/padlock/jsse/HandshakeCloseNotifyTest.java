package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * close_notify before the handshake completed (RFC 8446 §6.1). Alone it is a protocol error:
 * unexpected_message and an {@code SSLProtocolException}, never a clean close that leaves a
 * session which negotiated nothing. After user_canceled it is the peer giving up the handshake:
 * both directions close. SunJSSE's client, tested the same way, is the control.
 */
class HandshakeCloseNotifyTest {
    /** A TLSPlaintext alert record: warning (1), close_notify (0). */
    private static final byte[] CLOSE_NOTIFY = {21, 3, 3, 0, 2, 1, 0};
    private static final byte[] USER_CANCELED = {21, 3, 3, 0, 2, 1, 90};

    private static SSLContext context(boolean padlock) throws Exception {
        return padlock ? Contexts.padlock(KeyKind.EC_P256, Map.of()) : Contexts.sun(KeyKind.EC_P256);
    }

    private static ByteBuffer wrapAll(SSLEngine engine) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(1 << 17);
        ByteBuffer empty = ByteBuffer.allocate(0);
        for (int i = 0; i < 20 && engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP; i++) {
            SSLEngineResult r = engine.wrap(empty, out);
            if (r.bytesProduced() == 0) {
                break;
            }
        }
        return out.flip();
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    /** Unwraps every record in {@code in}; returns the first exception, or null. */
    private static SSLException unwrapAll(SSLEngine engine, ByteBuffer in) {
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        try {
            while (in.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(in, app);
                runTasks(engine);
                if (r.getStatus() != Status.OK || r.bytesConsumed() == 0) {
                    break;
                }
            }
            return null;
        } catch (SSLException e) {
            return e;
        }
    }

    /**
     * The client's alert arrives in the clear after the server's flight (a client that gave up
     * before reading the ServerHello has no keys). SunJSSE's server cannot serve as a control
     * here: it expects protected records once its flight is out and fails on the plaintext.
     */
    @Test
    void serverAnswersCloseNotifyDuringTheHandshakeWithUnexpectedMessage() throws Exception {
        Started started = started();
        SSLEngine client = started.client();
        SSLEngine server = started.server();
        ByteBuffer flight = started.serverFlight();

        SSLException e = unwrapAll(server, ByteBuffer.wrap(CLOSE_NOTIFY));
        assertEquals(SSLProtocolException.class, e == null ? null : e.getClass(), String.valueOf(e));
        assertTrue(e.getMessage().contains("close_notify during"), e.getMessage());
        assertTrue(e.getMessage().startsWith("(unexpected_message) "), e.getMessage());
        ByteBuffer alert = wrapAll(server);
        assertTrue(server.isOutboundDone(), "nothing goes out after the fatal alert");
        ByteBuffer toClient = ByteBuffer.allocate(flight.remaining() + alert.remaining());
        toClient.put(flight).put(alert).flip();
        SSLException atClient = unwrapAll(client, toClient);
        assertTrue(atClient != null && atClient.getMessage().contains("Received fatal alert: unexpected_message"),
                String.valueOf(atClient));
        assertFalse(server.getSession().isValid(), "no session came of it");
    }

    /** Two Padlock engines: the client's ClientHello reached the server, whose flight is wrapped (not delivered). */
    private record Started(SSLEngine client, SSLEngine server, ByteBuffer serverFlight) {
    }

    private static Started started() throws Exception {
        SSLEngine client = Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine server = Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine();
        server.setUseClientMode(false);
        client.beginHandshake();
        server.beginHandshake();
        assertEquals(null, unwrapAll(server, wrapAll(client)));
        return new Started(client, server, wrapAll(server));
    }

    @ParameterizedTest(name = "Padlock client: {0}")
    @ValueSource(booleans = {true, false})
    void clientAnswersCloseNotifyDuringTheHandshakeWithUnexpectedMessage(boolean padlock) throws Exception {
        SSLEngine client = context(padlock).createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        client.beginHandshake();
        wrapAll(client);

        SSLException e = unwrapAll(client, ByteBuffer.wrap(CLOSE_NOTIFY));
        assertEquals(SSLProtocolException.class, e == null ? null : e.getClass(), String.valueOf(e));
        assertTrue(e.getMessage().contains("close_notify during"), e.getMessage());
        ByteBuffer alert = wrapAll(client);
        if (padlock) {
            // The client has no keys yet: its fatal unexpected_message (10) goes in the clear.
            assertEquals(7, alert.remaining());
            assertEquals(21, alert.get(0));
            assertEquals(2, alert.get(5));
            assertEquals(10, alert.get(6));
        }
        assertTrue(client.isOutboundDone());
        assertFalse(client.getSession().isValid());
    }

    @Test
    void userCanceledThenCloseNotifyClosesBothDirectionsWithoutError() throws Exception {
        SSLEngine server = started().server();
        ByteBuffer cancel = ByteBuffer.allocate(2 * CLOSE_NOTIFY.length);
        cancel.put(USER_CANCELED).put(CLOSE_NOTIFY).flip();

        assertEquals(null, unwrapAll(server, cancel));
        assertTrue(server.isInboundDone());
        wrapAll(server);
        assertTrue(server.isOutboundDone(), "the server closed its side too");
        assertFalse(server.getSession().isValid());
    }

    /**
     * Padlock's own closeOutbound during the handshake cancels it as RFC 8446 §6.1 says,
     * user_canceled then close_notify, which a Padlock peer takes as a cancellation, not an error.
     */
    @Test
    void closeOutboundDuringTheHandshakeCancelsIt() throws Exception {
        Started started = started();
        SSLEngine client = started.client();
        SSLEngine server = started.server();
        client.closeOutbound();
        ByteBuffer cancel = wrapAll(client);
        assertEquals(14, cancel.remaining(), "two alert records");
        assertEquals(90, cancel.get(6), "user_canceled");
        assertEquals(0, cancel.get(13), "close_notify");

        assertEquals(null, unwrapAll(server, cancel));
        assertTrue(server.isInboundDone());
    }
}
