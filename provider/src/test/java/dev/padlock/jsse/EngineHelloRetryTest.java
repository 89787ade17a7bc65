package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.NamedGroup;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * HelloRetryRequest (RFC 8446 §4.1.4) forced in both directions, read off the wire: which key
 * shares each ClientHello carries, whether the server's first message is an HRR, and which
 * group the Padlock side's session ended on.
 */
class EngineHelloRetryTest {
    /** RFC 8446 §4.1.3: the ServerHello.random of a HelloRetryRequest, SHA-256("HelloRetryRequest"). */
    private static final byte[] HRR_RANDOM = HexFormat.of().parseHex(
            "cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c");
    private static final int KEY_SHARE = 51;

    /** What crossed the wire during one handshake; FfdheEngineTest reads it too. */
    static final class Recorded {
        final List<List<Integer>> clientHelloShares = new ArrayList<>();
        final List<Boolean> serverHelloIsRetry = new ArrayList<>();

        Recorded(EnginePair pair) {
            pair.tapClientToServer(chunk -> {
                ByteBuffer hello = handshakeRecord(chunk, 1);
                if (hello != null) {
                    clientHelloShares.add(keyShareGroups(hello));
                }
                return chunk;
            });
            pair.tapServerToClient(chunk -> {
                ByteBuffer hello = handshakeRecord(chunk, 2);
                if (hello != null) {
                    byte[] random = new byte[32];
                    hello.get(hello.position() + 4 + 2, random);
                    serverHelloIsRetry.add(Arrays.equals(HRR_RANDOM, random));
                }
                return chunk;
            });
        }
    }

    @Test
    void padlockServerOnSecp384r1AsksSunClientToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.sun(KeyKind.EC_P256).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "secp384r1")).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(2, wire.clientHelloShares.size(), "a second ClientHello");
        assertTrue(!wire.clientHelloShares.get(0).contains(NamedGroup.SECP384R1.code()),
                "SunJSSE's first shares: " + wire.clientHelloShares.get(0));
        assertEquals(List.of(NamedGroup.SECP384R1.code()), wire.clientHelloShares.get(1));
        assertEquals(List.of(true, false), wire.serverHelloIsRetry, "HelloRetryRequest, then ServerHello");
        assertEquals(NamedGroup.SECP384R1, group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void padlockServerOnSecp384r1AsksPadlockClientToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "secp384r1")).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code()),
                List.of(NamedGroup.SECP384R1.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.SECP384R1, group(pair.client));
        assertEquals(NamedGroup.SECP384R1, group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void padlockClientOnSecp384r1OffersOnlyThatShareAndNeedsNoRetry() throws Exception {
        for (boolean sunServer : new boolean[] {true, false}) {
            SSLEngine server = sunServer ? Contexts.sun(KeyKind.EC_P256).createSSLEngine()
                    : Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine();
            EnginePair pair = EnginePairs.verifyingLocalhost(Contexts.padlock(KeyKind.EC_P256,
                    Map.of("jdk.tls.namedGroups", "secp384r1")).createSSLEngine("localhost", 443), server);
            Recorded wire = new Recorded(pair);
            pair.handshake();
            assertEquals(List.of(List.of(NamedGroup.SECP384R1.code())), wire.clientHelloShares);
            assertEquals(List.of(false), wire.serverHelloIsRetry);
            assertEquals(NamedGroup.SECP384R1, group(pair.client));
        }
    }

    @Test
    void padlockClientWithX25519SecondNeedsNoRetryFromSunServerWithDefaults() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443),
                Contexts.sun(KeyKind.EC_P256).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        // SunJSSE (17 to 25) has no X25519MLKEM768 and takes the second share.
        assertEquals(List.of(List.of(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code())), wire.clientHelloShares);
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519, group(pair.client));
    }

    /** SunJSSE refusing x25519 and x448 (by algorithm constraints) must ask for secp384r1. */
    @Test
    void sunServerAsksPadlockClientToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "x25519,x448,secp384r1"))
                        .createSSLEngine("localhost", 443),
                EnginePairs.refusingGroups(Contexts.sun(KeyKind.EC_P256).createSSLEngine(), "x25519", "x448"));
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.X25519.code(), NamedGroup.X448.code()),
                List.of(NamedGroup.SECP384R1.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.SECP384R1, group(pair.client));
        EngineInteropTest.exchange(pair);
    }

    static NamedGroup group(SSLEngine padlock) {
        return ((PadlockSession) padlock.getSession()).tlsSession().namedGroup();
    }

    /**
     * The body of the first plaintext handshake record in {@code chunk} whose message is of
     * {@code type} (positioned at the message header), or null.
     */
    private static ByteBuffer handshakeRecord(ByteBuffer chunk, int type) {
        ByteBuffer b = chunk.duplicate();
        while (b.remaining() >= 5) {
            int contentType = b.get(b.position()) & 0xFF;
            int length = b.getShort(b.position() + 3) & 0xFFFF;
            if (contentType == 22 && (b.get(b.position() + 5) & 0xFF) == type) {
                ByteBuffer record = b.slice(b.position() + 5, length);
                return record;
            }
            b.position(b.position() + 5 + length);
        }
        return null;
    }

    /** RFC 8446 §4.1.2 and §4.2.8: the groups of a ClientHello's key_share entries, in order. */
    private static List<Integer> keyShareGroups(ByteBuffer message) {
        ByteBuffer b = message.duplicate();
        b.position(b.position() + 4 + 2 + 32);
        b.position(b.position() + 1 + (b.get(b.position()) & 0xFF));
        b.position(b.position() + 2 + (b.getShort(b.position()) & 0xFFFF));
        b.position(b.position() + 1 + (b.get(b.position()) & 0xFF));
        int end = b.position() + 2 + (b.getShort() & 0xFFFF);
        while (b.position() < end) {
            int extension = b.getShort() & 0xFFFF;
            int length = b.getShort() & 0xFFFF;
            if (extension == KEY_SHARE) {
                List<Integer> groups = new ArrayList<>();
                int sharesEnd = b.position() + 2 + (b.getShort() & 0xFFFF);
                while (b.position() < sharesEnd) {
                    groups.add(b.getShort() & 0xFFFF);
                    b.position(b.position() + 2 + (b.getShort() & 0xFFFF));
                }
                return groups;
            }
            b.position(b.position() + length);
        }
        throw new AssertionError("ClientHello without key_share");
    }
}
