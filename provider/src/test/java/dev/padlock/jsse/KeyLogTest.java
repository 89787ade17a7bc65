package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLogTest {

    @Test
    void keyLoggingIsOffUnlessAPropertyNamesAFile() {
        assertSame(Diagnostics.NONE, Diagnostics.from(Map.<String, String>of()::get, Map.of("SSLKEYLOGFILE", "/tmp/x")::get));
    }

    @Test
    void bothSidesLogTheSameNssLinesForTheClientRandomOnTheWire(@TempDir Path dir) throws Exception {
        Path clientLog = dir.resolve("client.keys");
        Path serverLog = dir.resolve("server.keys");
        SSLContext client = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(), Map.of(),
                keyLog(clientLog));
        SSLContext server = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(), Map.of(),
                keyLog(serverLog));
        SSLEngine clientEngine = client.createSSLEngine("localhost", 443);
        EnginePair pair = new EnginePair(clientEngine, server.createSSLEngine());
        AtomicReference<String> clientRandom = new AtomicReference<>();
        pair.tapClientToServer(chunk -> {
            // The first record is the ClientHello: header (5), type and length (4), version (2), random (32).
            if (clientRandom.get() == null) {
                byte[] random = new byte[32];
                chunk.duplicate().position(chunk.position() + 11).get(random);
                clientRandom.set(HexFormat.of().formatHex(random));
            }
            return chunk;
        });
        pair.handshake();
        pair.send(new byte[100], true);
        clientEngine.beginHandshake(); // after the handshake: a KeyUpdate that asks the server to update too
        pair.send(new byte[100], true);

        List<String> clientLines = Files.readAllLines(clientLog);
        List<String> serverLines = Files.readAllLines(serverLog);
        List<String> labels = clientLines.stream().map(l -> l.split(" ")[0]).sorted().toList();
        assertEquals(List.of("CLIENT_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "CLIENT_TRAFFIC_SECRET_1",
                "EXPORTER_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET", "SERVER_TRAFFIC_SECRET_0",
                "SERVER_TRAFFIC_SECRET_1"), labels);
        for (String line : clientLines) {
            String[] parts = line.split(" ");
            assertEquals(clientRandom.get(), parts[1], line);
            assertEquals(64, parts[2].length(), "SHA-256 suite secrets are 32 bytes: " + line);
            assertTrue(serverLines.contains(line), "the server derived the same secret: " + parts[0]);
        }
        assertEquals(clientLines.size(), serverLines.size());
    }

    /** TLS 1.2 logs one CLIENT_RANDOM line with the 48-byte master secret, the same on both sides. */
    @Test
    void tls12LogsOneClientRandomLineWithTheMasterSecret(@TempDir Path dir) throws Exception {
        Path clientLog = dir.resolve("client.keys");
        Path serverLog = dir.resolve("server.keys");
        SSLContext client = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(), Map.of(),
                keyLog(clientLog));
        SSLContext server = Contexts.padlock(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(), Map.of(),
                keyLog(serverLog));
        SSLEngine clientEngine = client.createSSLEngine("localhost", 443);
        clientEngine.setEnabledProtocols(new String[] {"TLSv1.2"});
        EnginePair pair = new EnginePair(clientEngine, server.createSSLEngine());
        AtomicReference<String> clientRandom = new AtomicReference<>();
        pair.tapClientToServer(chunk -> {
            if (clientRandom.get() == null) {
                byte[] random = new byte[32];
                chunk.duplicate().position(chunk.position() + 11).get(random);
                clientRandom.set(HexFormat.of().formatHex(random));
            }
            return chunk;
        });
        pair.handshake();
        assertEquals("TLSv1.2", clientEngine.getSession().getProtocol());
        List<String> clientLines = Files.readAllLines(clientLog);
        assertEquals(1, clientLines.size(), clientLines::toString);
        String[] parts = clientLines.get(0).split(" ");
        assertEquals("CLIENT_RANDOM", parts[0]);
        assertEquals(clientRandom.get(), parts[1]);
        assertEquals(96, parts[2].length(), "the master secret is 48 bytes");
        assertEquals(clientLines, Files.readAllLines(serverLog));
    }

    private static Diagnostics keyLog(Path file) {
        return Diagnostics.from(Map.of("dev.padlock.keyLogFile", file.toString())::get, name -> null);
    }
}
