package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * TLS 1.2 full handshakes in memory, Padlock against SunJSSE forced to TLSv1.2 both ways and
 * Padlock against itself: every suite with every certificate type it fits (ECDSA suites with
 * P-256 and P-384 certificates, RSA suites with RSA 2048), application data checked byte for byte.
 */
class Tls12EngineInteropTest {
    enum Peers { PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER, SUN_CLIENT_PADLOCK_SERVER }

    static final List<String> ECDSA_SUITES = List.of("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
    static final List<String> RSA_SUITES = List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    static Stream<Arguments> suitesAndKinds() {
        List<Arguments> args = new ArrayList<>();
        for (Peers peers : Peers.values()) {
            for (String suite : ECDSA_SUITES) {
                args.add(Arguments.of(peers, suite, KeyKind.EC_P256));
                args.add(Arguments.of(peers, suite, KeyKind.EC_P384));
            }
            for (String suite : RSA_SUITES) {
                args.add(Arguments.of(peers, suite, KeyKind.RSA_2048));
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
        assertNegotiated(pair, "TLSv1.2", suite);
        EngineInteropTest.exchange(pair);
    }

    /** Both ends TLS 1.2 only on the SunJSSE side (setEnabledProtocols); Padlock keeps its defaults, 1.3 and 1.2. */
    static EnginePair pair(Peers peers, KeyKind kind, Map<String, String> padlockProperties) throws Exception {
        SSLContext padlock = Contexts.padlock(kind, padlockProperties);
        SSLContext sun = Contexts.sun(kind);
        SSLEngine client = switch (peers) {
            case PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER -> padlock.createSSLEngine("localhost", 443);
            case SUN_CLIENT_PADLOCK_SERVER -> tls12Only(sun.createSSLEngine("localhost", 443));
        };
        SSLEngine server = switch (peers) {
            case PADLOCK_BOTH, SUN_CLIENT_PADLOCK_SERVER -> padlock.createSSLEngine();
            case PADLOCK_CLIENT_SUN_SERVER -> tls12Only(sun.createSSLEngine());
        };
        if (peers == Peers.PADLOCK_BOTH) {
            tls12Only(client);
        }
        client.setUseClientMode(true);
        var params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        return new EnginePair(client, server);
    }

    static SSLEngine tls12Only(SSLEngine engine) {
        engine.setEnabledProtocols(new String[] {"TLSv1.2"});
        return engine;
    }

    static void assertNegotiated(EnginePair pair, String protocol, String suite) {
        SSLSession c = pair.client.getSession();
        SSLSession s = pair.server.getSession();
        assertEquals(protocol, c.getProtocol());
        assertEquals(protocol, s.getProtocol());
        assertEquals(suite, c.getCipherSuite());
        assertEquals(suite, s.getCipherSuite());
    }
}
