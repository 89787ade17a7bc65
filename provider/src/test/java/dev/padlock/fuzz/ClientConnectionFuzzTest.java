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
 * A client connection that sent its ClientHello, fed arbitrary server bytes cut into records
 * as the socket adapter cuts them. Only a {@link TlsFailure} may come out, and after it exactly
 * one fatal alert is queued. The recorded server flight in the corpus answers this
 * deterministic client's ClientHello, so mutations of it reach EncryptedExtensions,
 * Certificate, CertificateVerify, Finished, NewSessionTicket and application data.
 */
class ClientConnectionFuzzTest {

    @FuzzTest
    void clientReceives(byte[] serverBytes) {
        AlertCounter alerts = new AlertCounter();
        TlsConnection client = FuzzPeers.client(alerts);
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

    @Test
    void theRecordedServerFlightCompletesTheHandshake() throws IOException {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream(
                "ClientConnectionFuzzTestInputs/clientReceives/recorded_server_flight")) {
            seed = in.readAllBytes();
        }
        TlsConnection client = FuzzPeers.client(new AlertCounter());
        client.start();
        assertArrayEquals(RecordedHandshake.PONG, FuzzPeers.feed(client, seed));
        assertTrue(client.isHandshakeComplete(),
                "the seed no longer completes the handshake: regenerate it with RecordedHandshake.main");
        assertTrue(client.isInboundClosed(), "close_notify arrived");
        assertNull(client.failure());
    }
}
