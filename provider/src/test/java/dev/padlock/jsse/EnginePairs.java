package dev.padlock.jsse;

import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/** Engine pairs for the feature, failure and contract tests: who plays which side, and how. */
final class EnginePairs {
    private EnginePairs() {
    }

    /** Which implementation plays which side. */
    enum Peers {
        PADLOCK_BOTH, PADLOCK_CLIENT_SUN_SERVER, SUN_CLIENT_PADLOCK_SERVER;

        boolean clientIsPadlock() {
            return this != SUN_CLIENT_PADLOCK_SERVER;
        }

        boolean serverIsPadlock() {
            return this != PADLOCK_CLIENT_SUN_SERVER;
        }

        /** A pair whose server holds {@code kind}'s chain; the client verifies "localhost" (HTTPS). */
        EnginePair pair(KeyKind kind) throws Exception {
            return pair(kind, null, Map.of());
        }

        /**
         * A pair whose server holds {@code serverKeys} (null: {@code kind}'s chain), the
         * Padlock sides reading {@code padlockProperties}; the client verifies "localhost".
         */
        EnginePair pair(KeyKind kind, KeyManager[] serverKeys, Map<String, String> padlockProperties)
                throws Exception {
            KeyManager[] keys = serverKeys != null ? serverKeys : TestPki.keyManagers(kind);
            SSLContext client = context(clientIsPadlock(), TestPki.keyManagers(kind), padlockProperties);
            SSLContext server = context(serverIsPadlock(), keys, padlockProperties);
            return verifyingLocalhost(client.createSSLEngine("localhost", 443), server.createSSLEngine());
        }

        /** A pair whose client holds {@code clientKeys} (empty: no certificate). */
        EnginePair pairWithClientKeys(KeyKind kind, KeyManager[] clientKeys) throws Exception {
            SSLContext client = context(clientIsPadlock(), clientKeys, Map.of());
            SSLContext server = context(serverIsPadlock(), TestPki.keyManagers(kind), Map.of());
            return verifyingLocalhost(client.createSSLEngine("localhost", 443), server.createSSLEngine());
        }

        private static SSLContext context(boolean padlock, KeyManager[] keys, Map<String, String> properties)
                throws Exception {
            return padlock ? Contexts.padlock(keys, TestPki.trustManagers(), properties)
                    : Contexts.sun(keys, TestPki.trustManagers());
        }
    }

    static EnginePair verifyingLocalhost(SSLEngine client, SSLEngine server) {
        client.setUseClientMode(true);
        SSLParameters params = client.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(params);
        return new EnginePair(client, server);
    }

    /**
     * Keeps a SunJSSE engine from using the named key exchange groups: SunJSSE checks every
     * group against the engine's algorithm constraints (its only per-engine group setting on
     * Java 17).
     */
    static SSLEngine refusingGroups(SSLEngine engine, String... groups) {
        SSLParameters params = engine.getSSLParameters();
        params.setAlgorithmConstraints(new RefuseGroups(Set.of(groups)));
        engine.setSSLParameters(params);
        return engine;
    }

    private record RefuseGroups(Set<String> groups) implements AlgorithmConstraints {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return !(primitives.contains(CryptoPrimitive.KEY_AGREEMENT) && groups.contains(algorithm));
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
