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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"recorded_client_flight", "recorded_client_flight_with_hello_retry"})
    void theRecordedClientFlightCompletesTheHandshake(String seedName) throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("ServerConnectionFuzzTestInputs/serverReceives/" + seedName)) {
            seed = in.readAllBytes();
        }
        AlertCounter alerts = new AlertCounter();
        TlsConnection server = FuzzPeers.server(alerts);
        server.start();
        assertArrayEquals(RecordedHandshake.PING, FuzzPeers.feed(server, seed));
        assertTrue(server.isHandshakeComplete(),
                "the seed no longer completes the handshake: regenerate it with RecordedHandshake.main");
        assertTrue(server.isInboundClosed(), "close_notify arrived");
        assertNull(server.failure());
        assertEquals(List.of(), alerts.sent);
        assertEquals(seedName.endsWith("hello_retry") ? 2 : 1, clientHellos(seed), "ClientHellos in the seed");
    }

    /** Unprotected handshake records that start with a ClientHello. */
    private static int clientHellos(byte[] wire) {
        int count = 0;
        for (int at = 0; at + 5 < wire.length; at += 5 + (((wire[at + 3] & 0xFF) << 8) | (wire[at + 4] & 0xFF))) {
            if (wire[at] == 22 && wire[at + 5] == 1) {
                count++;
            }
        }
        return count;
    }

    @Test
    void theRecordedHandshakeIsTheSameEveryRun() {
        RecordedHandshake.assertDeterministic();
    }
}
