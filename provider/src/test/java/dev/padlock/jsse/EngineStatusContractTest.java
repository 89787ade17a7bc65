package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SSLEngine status contract of a Padlock engine: the handshake status sequence, FINISHED
 * reported exactly once, no delegated tasks, mode fixed once the handshake began, read-only
 * destinations refused.
 */
class EngineStatusContractTest {

    /** One wrap or unwrap result of a Padlock engine, with the status read right after it. */
    private record Step(boolean wrap, SSLEngineResult result, HandshakeStatus after, Runnable task) {
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void handshakeStatusesFollowTheContract(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        List<Step> client = new ArrayList<>();
        List<Step> server = new ArrayList<>();
        pair.observe((engine, wrap, result) -> {
            if (engine == pair.client && peers.clientIsPadlock()) {
                client.add(new Step(wrap, result, engine.getHandshakeStatus(), engine.getDelegatedTask()));
            } else if (engine == pair.server && peers.serverIsPadlock()) {
                server.add(new Step(wrap, result, engine.getHandshakeStatus(), engine.getDelegatedTask()));
            }
        });
        for (SSLEngine e : List.of(pair.client, pair.server)) {
            assertEquals(HandshakeStatus.NOT_HANDSHAKING, e.getHandshakeStatus(), "before beginHandshake");
        }
        pair.client.beginHandshake();
        pair.server.beginHandshake();
        if (peers.clientIsPadlock()) {
            assertEquals(HandshakeStatus.NEED_WRAP, pair.client.getHandshakeStatus(), "the ClientHello waits");
        }
        if (peers.serverIsPadlock()) {
            assertEquals(HandshakeStatus.NEED_UNWRAP, pair.server.getHandshakeStatus(), "waiting for ClientHello");
        }
        pair.handshake();
        if (peers.clientIsPadlock()) {
            // the client finishes on the wrap that sends its Finished
            assertSequence(client, true);
        }
        if (peers.serverIsPadlock()) {
            // the server finishes on the wrap that sends its NewSessionTickets after the
            // client's Finished, as SunJSSE's server does
            assertSequence(server, true);
        }
        EngineInteropTest.exchange(pair);
        for (SSLEngine e : List.of(pair.client, pair.server)) {
            assertEquals(HandshakeStatus.NOT_HANDSHAKING, e.getHandshakeStatus());
        }
    }

    private static void assertSequence(List<Step> steps, boolean finishOnWrap) {
        int finished = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            HandshakeStatus hs = s.result.getHandshakeStatus();
            assertNull(s.task, "no delegated task, ever");
            assertTrue(hs != HandshakeStatus.NEED_TASK && s.after != HandshakeStatus.NEED_TASK, s.toString());
            if (hs == HandshakeStatus.FINISHED) {
                assertEquals(-1, finished, "FINISHED reported once: " + steps);
                finished = i;
                assertEquals(finishOnWrap, s.wrap, "FINISHED on the " + (finishOnWrap ? "wrap" : "unwrap"));
                assertTrue(finishOnWrap ? s.result.bytesProduced() > 0 : s.result.bytesConsumed() > 0);
            } else if (finished < 0) {
                assertTrue(hs == HandshakeStatus.NEED_WRAP || hs == HandshakeStatus.NEED_UNWRAP, s.toString());
                assertEquals(hs, s.after, "the result's status is the engine's status");
            } else {
                assertEquals(HandshakeStatus.NOT_HANDSHAKING, hs, "after FINISHED: " + s);
            }
        }
        assertTrue(finished >= 0, "FINISHED was reported: " + steps);
        assertEquals(HandshakeStatus.NOT_HANDSHAKING, steps.get(finished).after, "the engine's own status");
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void modeIsFixedOnceTheHandshakeBegan(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        SSLEngine padlock = peers.clientIsPadlock() ? pair.client : pair.server;
        boolean mode = padlock.getUseClientMode();
        padlock.setUseClientMode(mode);
        padlock.beginHandshake();
        assertThrows(IllegalArgumentException.class, () -> padlock.setUseClientMode(!mode));
        assertThrows(IllegalArgumentException.class, () -> padlock.setUseClientMode(mode));
        pair.handshake();
        assertThrows(IllegalArgumentException.class, () -> padlock.setUseClientMode(!mode));
        assertEquals(mode, padlock.getUseClientMode());
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void readOnlyDestinationsAreRefused(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        SSLEngine padlock = peers.clientIsPadlock() ? pair.client : pair.server;
        ByteBuffer readOnly = ByteBuffer.allocate(1 << 15).asReadOnlyBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> padlock.wrap(ByteBuffer.allocate(0), readOnly));
        assertThrows(ReadOnlyBufferException.class, () -> padlock.unwrap(ByteBuffer.allocate(0), readOnly));
        pair.handshake();
        ByteBuffer src = ByteBuffer.wrap(new byte[100]);
        assertThrows(ReadOnlyBufferException.class, () -> padlock.wrap(src, readOnly));
        assertEquals(0, src.position(), "nothing consumed");
        ByteBuffer[] dsts = {ByteBuffer.allocate(1 << 15), readOnly};
        assertThrows(ReadOnlyBufferException.class, () -> padlock.unwrap(ByteBuffer.allocate(0), dsts, 0, 2));
        EngineInteropTest.exchange(pair);
    }
}
