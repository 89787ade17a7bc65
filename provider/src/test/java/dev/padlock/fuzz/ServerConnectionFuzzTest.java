package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.padlock.core.TlsConnection;
import dev.padlock.fuzz.FuzzPeers.AlertCounter;
import dev.padlock.wire.TlsFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server connection fed arbitrary client bytes, cut into records as the socket adapter cuts
 * them. Only a {@link TlsFailure} may come out, and after it exactly one fatal alert is queued.
 * The recorded client flight in the corpus completes the handshake against this deterministic
 * server, so mutations of it reach the encrypted second flight and application data.
 */
class ServerConnectionFuzzTest {

    @FuzzTest
    void serverReceives(byte[] clientBytes) {
        AlertCounter alerts = new AlertCounter();
        TlsConnection server = FuzzPeers.server(alerts);
        server.start();
        try {
            FuzzPeers.feed(server, clientBytes);
        } catch (TlsFailure f) {
            FuzzPeers.assertOneFatalAlert(server, alerts, f);
            return;
        }
        assertNull(server.failure());
        assertEquals(List.of(), alerts.sent, "no alert without a failure");
    }

    @Test
    void theRecordedClientFlightCompletesTheHandshake() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream(
                "ServerConnectionFuzzTestInputs/serverReceives/recorded_client_flight")) {
            seed = in.readAllBytes();
        }
        TlsConnection server = FuzzPeers.server(new AlertCounter());
        server.start();
        assertArrayEquals(RecordedHandshake.PING, FuzzPeers.feed(server, seed));
        assertTrue(server.isHandshakeComplete(),
                "the seed no longer completes the handshake: regenerate it with RecordedHandshake.main");
        assertTrue(server.isInboundClosed(), "close_notify arrived");
        assertNull(server.failure());
    }

    @Test
    void theRecordedHandshakeIsTheSameEveryRun() {
        RecordedHandshake.assertDeterministic();
    }
}
