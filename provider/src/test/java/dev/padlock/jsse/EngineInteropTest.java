package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full handshakes in memory between Padlock and Padlock, Padlock and SunJSSE both ways, across
 * suites, groups and certificate types; application data checked byte for byte.
 */
class EngineInteropTest {
    enum Peers { PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER, SUN_CLIENT_PADLOCK_SERVER }

    static final List<String> SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    static final List<String> GROUPS = List.of("x25519", "secp256r1", "secp384r1", "x448", "secp521r1");

    static Stream<Arguments> suitesAndKinds() {
        List<Arguments> args = new ArrayList<>();
        for (Peers peers : Peers.values()) {
            for (String suite : SUITES) {
                for (KeyKind kind : KeyKind.values()) {
                    args.add(Arguments.of(peers, suite, kind));
                }
            }
        }
        return args.stream();
    }

    static Stream<Arguments> groups() {
        List<Arguments> args = new ArrayList<>();
        for (Peers peers : Peers.values()) {
            for (String group : GROUPS) {
                args.add(Arguments.of(peers, group));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("suitesAndKinds")
    void handshakeAndExchangeDataForEverySuiteAndCertificate(Peers peers, String suite, KeyKind kind) throws Exception {
        EnginePair pair = pair(peers, kind, Map.of());
        pair.client.setEnabledCipherSuites(new String[] {suite});
        pair.handshake();
        assertNegotiated(pair, suite);
        exchange(pair);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("groups")
    void handshakeOverEveryGroup(Peers peers, String group) throws Exception {
        // The Padlock side offers only this group: as client it sends that share; as server it
        // makes the SunJSSE client (which sends x25519 and secp256r1 shares) retry if needed.
        EnginePair pair = pair(peers, KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", group));
        pair.handshake();
        assertNegotiated(pair, pair.client.getSession().getCipherSuite());
        exchange(pair);
    }

    static EnginePair pair(Peers peers, KeyKind kind, Map<String, String> padlockProperties) throws Exception {
        SSLContext padlockServer = Contexts.padlock(kind, padlockProperties);
        SSLContext padlockClient = Contexts.padlock(kind, padlockProperties);
        SSLContext sun = Contexts.sun(kind);
        SSLEngine client = switch (peers) {
            case PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER -> padlockClient.createSSLEngine("localhost", 443);
            case SUN_CLIENT_PADLOCK_SERVER -> sun.createSSLEngine("localhost", 443);
        };
        SSLEngine server = switch (peers) {
            case PADLOCK_BOTH, SUN_CLIENT_PADLOCK_SERVER -> padlockServer.createSSLEngine();
            case PADLOCK_CLIENT_SUN_SERVER -> sun.createSSLEngine();
        };
        client.setUseClientMode(true);
        var params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        return new EnginePair(client, server);
    }

    static void assertNegotiated(EnginePair pair, String suite) {
        SSLSession c = pair.client.getSession();
        SSLSession s = pair.server.getSession();
        assertEquals("TLSv1.3", c.getProtocol());
        assertEquals("TLSv1.3", s.getProtocol());
        assertEquals(suite, c.getCipherSuite());
        assertEquals(suite, s.getCipherSuite());
    }

    static void exchange(EnginePair pair) throws Exception {
        byte[] request = new byte[40_000];
        new Random(1).nextBytes(request);
        assertArrayEquals(request, pair.send(request, true));
        byte[] response = new byte[70_000];
        new Random(2).nextBytes(response);
        assertArrayEquals(response, pair.send(response, false));
    }
}
