package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.ConnectionObserver;
import dev.padlock.core.TlsConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One whole deterministic connection between {@link FuzzPeers#client} and
 * {@link FuzzPeers#server}: handshake, "ping" from the client, "pong" from the server, and
 * close_notify both ways. Each direction's bytes are a seed for the target that plays the
 * other side. {@link #main} rewrites the seed files (after a change to the handshake's output).
 */
record RecordedHandshake(byte[] clientToServer, byte[] serverToClient) {
    static final byte[] PING = "ping".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);

    static RecordedHandshake run() {
        return run(false);
    }

    /** {@code helloRetry}: the client's first key share is one the server does not take. */
    static RecordedHandshake run(boolean helloRetry) {
        TlsConnection client = FuzzPeers.client(ConnectionObserver.NONE, helloRetry);
        TlsConnection server = FuzzPeers.server(ConnectionObserver.NONE);
        ByteArrayOutputStream toServer = new ByteArrayOutputStream();
        ByteArrayOutputStream toClient = new ByteArrayOutputStream();
        client.start();
        server.start();
        for (int round = 0; round < 10 && !(client.isHandshakeComplete() && server.isHandshakeComplete()); round++) {
            move(FuzzPeers.drainBytes(client), server, toServer);
            move(FuzzPeers.drainBytes(server), client, toClient);
        }
        assertTrue(client.isHandshakeComplete() && server.isHandshakeComplete(), "the recorded handshake completes");
        move(seal(client, PING), server, toServer);
        move(seal(server, PONG), client, toClient);
        client.closeOutbound();
        server.closeOutbound();
        move(FuzzPeers.drainBytes(client), server, toServer);
        move(FuzzPeers.drainBytes(server), client, toClient);
        return new RecordedHandshake(toServer.toByteArray(), toClient.toByteArray());
    }

    private static void move(byte[] wire, TlsConnection to, ByteArrayOutputStream log) {
        log.writeBytes(wire);
        FuzzPeers.feed(to, wire);
    }

    /** Queued records (a NewSessionTicket, say) and then one record of {@code data}. */
    private static byte[] seal(TlsConnection from, byte[] data) {
        byte[] queued = FuzzPeers.drainBytes(from);
        ByteBuffer record = ByteBuffer.allocate(from.sealedLength(data.length));
        from.seal(new ByteBuffer[] {ByteBuffer.wrap(data)}, 0, 1, record);
        ByteBuffer out = ByteBuffer.allocate(queued.length + record.flip().remaining()).put(queued).put(record);
        return out.array();
    }

    /** The same run twice gives the same bytes: the premise of replaying a recorded flight. */
    static void assertDeterministic() {
        RecordedHandshake a = run();
        RecordedHandshake b = run();
        assertArrayEquals(a.clientToServer(), b.clientToServer(), "client bytes repeat");
        assertArrayEquals(a.serverToClient(), b.serverToClient(), "server bytes repeat");
    }

    /** Writes the seeds under {@code args[0]} (provider/src/test/resources/dev/padlock/fuzz). */
    public static void main(String[] args) throws IOException {
        RecordedHandshake h = run();
        Path dir = Path.of(args[0]);
        write(dir.resolve("ServerConnectionFuzzTestInputs/serverReceives/recorded_client_flight"), h.clientToServer());
        write(dir.resolve("ServerConnectionFuzzTestInputs/serverReceives/recorded_client_flight_with_hello_retry"),
                run(true).clientToServer());
        write(dir.resolve("ClientConnectionFuzzTestInputs/clientReceives/recorded_server_flight"), h.serverToClient());
        write(dir.resolve("ClientConnectionFuzzTestInputs/clientReceivesAfterHelloRetry/"
                + "recorded_server_flight_with_hello_retry"), run(true).serverToClient());
        write(dir.resolve("DeframerFuzzTestInputs/deframe/recorded_client_flight"), h.clientToServer());
        write(dir.resolve("DeframerFuzzTestInputs/deframe/recorded_server_flight"), h.serverToClient());
    }

    private static void write(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
