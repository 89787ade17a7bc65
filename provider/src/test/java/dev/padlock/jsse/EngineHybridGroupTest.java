package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EngineHelloRetryTest.Recorded;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.NamedGroup;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;

/**
 * The post-quantum hybrid X25519MLKEM768 (draft-ietf-tls-ecdhe-mlkem) between engines: by
 * default between two Padlock sides, with and without a HelloRetryRequest, and falling back by
 * HelloRetryRequest to a classical group with SunJSSE, which does not have the group (JDK 17 to 25).
 */
class EngineHybridGroupTest {
    private static final int HYBRID = NamedGroup.X25519MLKEM768.code();
    private static final int X25519 = NamedGroup.X25519.code();
    private static final int SECP256R1 = NamedGroup.SECP256R1.code();
    private static final int KEY_SHARE = 51;

    @Test
    void padlockPairAgreesOnX25519MlKem768ByDefaultWithoutRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(HYBRID, X25519)), wire.clientHelloShares, "hybrid first, then x25519");
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519MLKEM768, EngineHelloRetryTest.group(pair.client));
        assertEquals(NamedGroup.X25519MLKEM768, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void padlockPairAgreesOnSecP256r1MlKem768WhenBothNameIt() throws Exception {
        Map<String, String> groups = Map.of("jdk.tls.namedGroups", "SecP256r1MLKEM768");
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, groups).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, groups).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.SECP256R1MLKEM768.code())), wire.clientHelloShares);
        assertEquals(NamedGroup.SECP256R1MLKEM768, EngineHelloRetryTest.group(pair.client));
        assertEquals(NamedGroup.SECP256R1MLKEM768, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    /** The server prefers the hybrid it is offered in supported_groups, even without a share for it. */
    @Test
    void padlockServerAsksClientSharingOnlyClassicalGroupsToRetryWithTheHybrid() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "x25519,secp256r1,X25519MLKEM768"))
                        .createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(X25519, SECP256R1), List.of(HYBRID)), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519MLKEM768, EngineHelloRetryTest.group(pair.client));
        assertEquals(NamedGroup.X25519MLKEM768, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    /** A server configured with a classical group first takes the classical share it was sent. */
    @Test
    void padlockServerPreferringX25519TakesItsShareOverTheHybrid() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "x25519,X25519MLKEM768"))
                        .createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519, EngineHelloRetryTest.group(pair.server));
    }

    /** SunJSSE has no hybrid group: a client that shared only hybrids is asked for secp256r1. */
    @Test
    void sunServerAsksPadlockClientSharingOnlyHybridsForSecp256r1() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256,
                        Map.of("jdk.tls.namedGroups", "X25519MLKEM768,SecP256r1MLKEM768,secp256r1"))
                        .createSSLEngine("localhost", 443),
                Contexts.sun(KeyKind.EC_P256).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(HYBRID, NamedGroup.SECP256R1MLKEM768.code()), List.of(SECP256R1)),
                wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.SECP256R1, EngineHelloRetryTest.group(pair.client));
        EngineInteropTest.exchange(pair);
    }

    /** A SunJSSE client does not list the hybrid, so a Padlock server that prefers it retries to secp384r1. */
    @Test
    void padlockServerPreferringTheHybridAsksSunClientForAClassicalGroup() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.sun(KeyKind.EC_P256).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "X25519MLKEM768,secp384r1"))
                        .createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(2, wire.clientHelloShares.size());
        assertTrue(!wire.clientHelloShares.get(0).contains(HYBRID), "SunJSSE shares " + wire.clientHelloShares);
        assertEquals(List.of(NamedGroup.SECP384R1.code()), wire.clientHelloShares.get(1));
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.SECP384R1, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    /** With defaults on both sides a SunJSSE client gets x25519 from a Padlock server, no retry. */
    @Test
    void sunClientWithDefaultsGetsX25519FromPadlockServer() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.sun(KeyKind.EC_P256).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine());
        Recorded wire = new Recorded(pair);
        pair.handshake();
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519, EngineHelloRetryTest.group(pair.server));
    }

    /**
     * A ciphertext altered in transit still has the right length, so ML-KEM does not refuse it:
     * decapsulation takes the implicit-rejection path (FIPS 203 §6.3) and the client derives
     * other handshake keys than the server. The first protected record it reads then fails to
     * authenticate: bad_record_mac (RFC 8446 §5.2), not an alert about the key share. The
     * client's alert goes out under its own (wrong) handshake keys, so the server cannot read it
     * either and fails with bad_record_mac of its own.
     */
    @Test
    void alteredHybridCiphertextFailsOnTheFirstProtectedRecord() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine("localhost", 443),
                Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine());
        AtomicBoolean altered = new AtomicBoolean();
        pair.tapServerToClient(chunk -> {
            int at = serverHelloKeyExchangeStart(chunk);
            if (at >= 0 && !altered.getAndSet(true)) {
                chunk.put(at + 500, (byte) (chunk.get(at + 500) ^ 0x10));
            }
            return chunk;
        });
        Outcome o = pair.handshakeUntilStopped();
        assertTrue(altered.get(), "the ServerHello's ciphertext was seen and changed");
        assertNotNull(o.client().exception, "the client failed");
        assertEquals(SSLProtocolException.class, o.client().exception.getClass());
        assertTrue(o.client().exception.getMessage().startsWith("(bad_record_mac) "), o.client().exception.getMessage());
        assertNotNull(o.server().exception, "the server failed too");
        assertEquals("(bad_record_mac) record authentication failed", o.server().exception.getMessage());
    }

    /** Where the key_exchange of the ServerHello's X25519MLKEM768 key_share starts in {@code chunk}, or -1. */
    private static int serverHelloKeyExchangeStart(ByteBuffer chunk) {
        int record = chunk.position();
        if (chunk.limit() - record < 10 || chunk.get(record) != 22 || chunk.get(record + 5) != 2) {
            return -1;
        }
        int p = record + 5 + 4 + 2 + 32;
        p += 1 + (chunk.get(p) & 0xFF);
        p += 2 + 1;
        int end = p + 2 + (chunk.getShort(p) & 0xFFFF);
        p += 2;
        while (p < end) {
            int type = chunk.getShort(p) & 0xFFFF;
            int length = chunk.getShort(p + 2) & 0xFFFF;
            if (type == KEY_SHARE && (chunk.getShort(p + 4) & 0xFFFF) == HYBRID) {
                assertEquals(1120, chunk.getShort(p + 6) & 0xFFFF, "the hybrid server share's length");
                return p + 8;
            }
            p += 4 + length;
        }
        return -1;
    }
}
