package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.NamedGroup;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * The RFC 7919 groups in whole handshakes: with SunJSSE both ways (a completed handshake means
 * both sides hold the same prime), through HelloRetryRequest, and the Padlock server's rule that
 * an FFDHE group is chosen only when the client supports no other group the server enables.
 * SunJSSE is kept to the groups under test by algorithm constraints, its only per-engine group
 * setting on Java 17.
 */
class FfdheEngineTest {
    /**
     * RSA: refusing the curve secp256r1 by constraint also keeps SunJSSE from ECDSA P-256
     * signatures, so its peer needs another certificate type.
     */
    private static final KeyKind KIND = KeyKind.RSA_2048;
    private static final String[] EC_GROUPS = {"x25519", "x448", "secp256r1", "secp384r1", "secp521r1"};

    @Test
    void padlockClientOnFfdhe2048WithSunServer() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(padlockClient(Map.of("jdk.tls.namedGroups", "ffdhe2048")),
                sunRefusing(Contexts.sun(KIND).createSSLEngine(), "ffdhe3072", "ffdhe4096", "ffdhe6144",
                        "ffdhe8192"));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.FFDHE2048.code())), wire.clientHelloShares);
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.FFDHE2048, EngineHelloRetryTest.group(pair.client));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void sunClientOnFfdhe2048WithPadlockServer() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(sunClient(),
                padlockServer(Map.of("jdk.tls.namedGroups", "ffdhe2048")));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.SECP256R1.code(), NamedGroup.FFDHE2048.code())),
                wire.clientHelloShares);
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(Optional.of("ffdhe2048"), Padlock.negotiatedGroup(pair.server.getSession()));
        EngineInteropTest.exchange(pair);
    }

    /** The same SunJSSE client, whose shares are secp256r1 and ffdhe2048, and a Padlock server on defaults. */
    @Test
    void padlockServerOnDefaultsTakesSunClientsEcShare() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(sunClient(), padlockServer(Map.of()));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(Optional.of("secp256r1"), Padlock.negotiatedGroup(pair.server.getSession()));
    }

    @Test
    void padlockServerOnFfdhe3072AsksPadlockClientOnDefaultsToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(padlockClient(Map.of()),
                padlockServer(Map.of("jdk.tls.namedGroups", "ffdhe3072")));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code()),
                List.of(NamedGroup.FFDHE3072.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.FFDHE3072, EngineHelloRetryTest.group(pair.client));
        assertEquals(NamedGroup.FFDHE3072, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void padlockServerOnFfdhe3072AsksSunClientToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(sunClient(),
                padlockServer(Map.of("jdk.tls.namedGroups", "ffdhe3072")));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.SECP256R1.code(), NamedGroup.FFDHE2048.code()),
                List.of(NamedGroup.FFDHE3072.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.FFDHE3072, EngineHelloRetryTest.group(pair.server));
        EngineInteropTest.exchange(pair);
    }

    @Test
    void sunServerOnFfdhe3072AsksPadlockClientOnDefaultsToRetry() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(padlockClient(Map.of()),
                sunRefusing(Contexts.sun(KIND).createSSLEngine(), "ffdhe2048"));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.X25519MLKEM768.code(), NamedGroup.X25519.code()),
                List.of(NamedGroup.FFDHE3072.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.FFDHE3072, EngineHelloRetryTest.group(pair.client));
        EngineInteropTest.exchange(pair);
    }

    /** A client listing FFDHE first still gets its elliptic curve share chosen. */
    @Test
    void padlockServerPrefersTheEcShareWhateverTheClientsOrder() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                padlockClient(Map.of("jdk.tls.namedGroups", "ffdhe2048,x25519")),
                padlockServer(Map.of("jdk.tls.namedGroups", "ffdhe2048,secp256r1,x25519")));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.FFDHE2048.code(), NamedGroup.X25519.code())), wire.clientHelloShares);
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.X25519, EngineHelloRetryTest.group(pair.server));
    }

    /** Shares only for FFDHE groups, but an EC group both enable: the server asks for that group. */
    @Test
    void padlockServerAsksForAnEcGroupRatherThanTakeAnFfdheShare() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                padlockClient(Map.of("jdk.tls.namedGroups", "ffdhe2048,ffdhe3072,secp384r1")),
                padlockServer(Map.of()));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(List.of(NamedGroup.FFDHE2048.code(), NamedGroup.FFDHE3072.code()),
                List.of(NamedGroup.SECP384R1.code())), wire.clientHelloShares);
        assertEquals(List.of(true, false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.SECP384R1, EngineHelloRetryTest.group(pair.server));
    }

    /** Among FFDHE groups alone, the server's order decides. */
    @Test
    void padlockServerTakesItsPreferredFfdheShareWhenNoEcGroupIsShared() throws Exception {
        EnginePair pair = EnginePairs.verifyingLocalhost(
                padlockClient(Map.of("jdk.tls.namedGroups", "ffdhe2048,ffdhe3072")),
                padlockServer(Map.of("jdk.tls.namedGroups", "x25519,ffdhe3072,ffdhe2048")));
        EngineHelloRetryTest.Recorded wire = new EngineHelloRetryTest.Recorded(pair);
        pair.handshake();
        assertEquals(List.of(false), wire.serverHelloIsRetry);
        assertEquals(NamedGroup.FFDHE3072, EngineHelloRetryTest.group(pair.client));
        EngineInteropTest.exchange(pair);
    }

    private static SSLEngine padlockClient(Map<String, String> properties) throws Exception {
        return Contexts.padlock(KIND, properties).createSSLEngine("localhost", 443);
    }

    private static SSLEngine padlockServer(Map<String, String> properties) throws Exception {
        return Contexts.padlock(KIND, properties).createSSLEngine();
    }

    /**
     * A SunJSSE client offering secp256r1 and the FFDHE groups; it sends shares for the first two,
     * secp256r1 and ffdhe2048. It keeps secp256r1: refusing that group also drops SunJSSE's
     * ecdsa_secp256r1_sha256, and with it the test CA's signature.
     */
    private static SSLEngine sunClient() throws Exception {
        SSLEngine engine = Contexts.sun(KIND).createSSLEngine("localhost", 443);
        return refusing(engine, Set.of("x25519", "x448", "secp384r1", "secp521r1"));
    }

    /**
     * A SunJSSE server without the elliptic curve groups, nor {@code alsoRefused}. Its own
     * certificate is RSA, and the Padlock client checks the chain.
     */
    private static SSLEngine sunRefusing(SSLEngine engine, String... alsoRefused) {
        Set<String> refused = new HashSet<>(List.of(EC_GROUPS));
        refused.addAll(List.of(alsoRefused));
        return refusing(engine, refused);
    }

    private static SSLEngine refusing(SSLEngine engine, Set<String> refused) {
        SSLParameters params = engine.getSSLParameters();
        params.setAlgorithmConstraints(new RefuseKeyExchangeGroups(refused));
        engine.setSSLParameters(params);
        return engine;
    }

    /** Refuses only the question SunJSSE asks of a key exchange group. */
    private record RefuseKeyExchangeGroups(Set<String> groups) implements AlgorithmConstraints {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return !(primitives.equals(EnumSet.of(CryptoPrimitive.KEY_AGREEMENT)) && groups.contains(algorithm));
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
            return true;
        }

        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
                AlgorithmParameters parameters) {
            return true;
        }
    }
}
