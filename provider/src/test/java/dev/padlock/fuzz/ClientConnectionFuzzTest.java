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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A client connection that sent its ClientHello, fed arbitrary server bytes cut into records
 * as the socket adapter cuts them. Only a {@link TlsFailure} may come out, and after it exactly
 * one fatal alert is queued. The recorded server flight in the corpus answers this
 * deterministic client's ClientHello, so mutations of it reach EncryptedExtensions,
 * Certificate, CertificateVerify, Finished, NewSessionTicket and application data.
 */
class ClientConnectionFuzzTest {

    @FuzzTest
    void clientReceives(byte[] serverBytes) {
        receives(false, serverBytes);
    }

    /** The same for a client whose key share the server cannot use: the seed starts with a HelloRetryRequest. */
    @FuzzTest
    void clientReceivesAfterHelloRetry(byte[] serverBytes) {
        receives(true, serverBytes);
    }

    private static void receives(boolean x448First, byte[] serverBytes) {
        AlertCounter alerts = new AlertCounter();
        TlsConnection client = FuzzPeers.client(alerts, x448First);
        client.start();
        try {
            FuzzPeers.feed(client, serverBytes);
        } catch (TlsFailure f) {
            FuzzPeers.assertOneFatalAlert(client, alerts, f);
            return;
        }
        assertNull(client.failure());
        assertEquals(List.of(), alerts.sent, "no alert without a failure");
    }

    @ParameterizedTest
    @CsvSource({"clientReceives/recorded_server_flight, false, 1",
                "clientReceivesAfterHelloRetry/recorded_server_flight_with_hello_retry, true, 2"})
    void theRecordedServerFlightCompletesTheHandshake(String seedName, boolean x448First, int serverHellos)
            throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("ClientConnectionFuzzTestInputs/" + seedName)) {
            seed = in.readAllBytes();
        }
        AlertCounter alerts = new AlertCounter();
        TlsConnection client = FuzzPeers.client(alerts, x448First);
        client.start();
        assertArrayEquals(RecordedHandshake.PONG, FuzzPeers.feed(client, seed));
        assertTrue(client.isHandshakeComplete(),
                "the seed no longer completes the handshake: regenerate it with RecordedHandshake.main");
        assertTrue(client.isInboundClosed(), "close_notify arrived");
        assertNull(client.failure());
        assertEquals(List.of(), alerts.sent);
        assertEquals(serverHellos, serverHellos(seed), "ServerHellos (the first a HelloRetryRequest if two)");
    }

    /** Unprotected handshake records that start with a ServerHello. */
    private static int serverHellos(byte[] wire) {
        int count = 0;
        for (int at = 0; at + 5 < wire.length; at += 5 + (((wire[at + 3] & 0xFF) << 8) | (wire[at + 4] & 0xFF))) {
            if (wire[at] == 22 && wire[at + 5] == 2) {
                count++;
            }
        }
        return count;
    }
}
