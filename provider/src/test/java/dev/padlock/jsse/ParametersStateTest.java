package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.wire.ProtocolVersion;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

class ParametersStateTest {
    private static final String[] ALL = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};

    private static final PeerTrust TRUST_NONE = new PeerTrust() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            throw new AssertionError("not called");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new AssertionError("not called");
        }
    };

    private static ParametersState client() {
        return new ParametersState(ContextDefaults.from(Map.<String, String>of()::get), true);
    }

    private static ParametersState server() {
        return new ParametersState(ContextDefaults.from(Map.<String, String>of()::get), false);
    }

    private static HandshakeConfig config(ParametersState p, String host) throws SSLHandshakeException {
        return p.toHandshakeConfig(Credentials.NONE, TRUST_NONE, new SecureRandom(), Clock.systemUTC(), host, 443, null);
    }

    @Test
    void unknownCipherSuiteIsIllegalArgumentNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client().enabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_NOT_A_SUITE"}));
        assertEquals("Unsupported CipherSuite: TLS_NOT_A_SUITE", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> client().enabledCipherSuites(null));
        assertThrows(IllegalArgumentException.class, () -> client().enabledCipherSuites(new String[] {""}));
    }

    @Test
    void tls12SuitesAreKeptAndForeignSuiteNamesDropped() {
        ParametersState p = client();
        p.enabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "SSL_RSA_WITH_3DES_EDE_CBC_SHA"});
        assertArrayEquals(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"},
                p.enabledCipherSuites());
    }

    @Test
    void tls12AndTls13MeanWhatTheySayAndOlderNamesAreDropped() {
        ParametersState p = client();
        p.enabledProtocols(new String[] {"TLSv1.2", "TLSv1.3"});
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, p.enabledProtocols());
        p.enabledProtocols(new String[] {"SSLv2Hello", "TLSv1.2"});
        assertArrayEquals(new String[] {"TLSv1.2"}, p.enabledProtocols());
        p.enabledProtocols(new String[] {"TLSv1.1", "TLSv1"});
        assertArrayEquals(new String[0], p.enabledProtocols());
    }

    @Test
    void unknownProtocolIsIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client().enabledProtocols(new String[] {"TLSv1.3", "TLSv2"}));
        assertEquals("Unsupported protocol: TLSv2", e.getMessage());
        assertEquals("Protocols cannot be null",
                assertThrows(IllegalArgumentException.class, () -> client().enabledProtocols(null)).getMessage());
    }

    @Test
    void needAndWantClientAuthReplaceEachOther() {
        ParametersState p = server();
        p.wantClientAuth(true);
        assertTrue(p.wantClientAuth());
        p.needClientAuth(true);
        assertTrue(p.needClientAuth());
        assertFalse(p.wantClientAuth());
        p.wantClientAuth(true);
        assertFalse(p.needClientAuth());
        p.wantClientAuth(false);
        assertFalse(p.needClientAuth());
        assertFalse(p.wantClientAuth());
    }

    @Test
    void sslParametersRoundTrip() {
        ParametersState p = server();
        SSLParameters in = new SSLParameters(new String[] {"TLS_CHACHA20_POLY1305_SHA256"}, new String[] {"TLSv1.3"});
        in.setNeedClientAuth(true);
        in.setEndpointIdentificationAlgorithm("HTTPS");
        List<SNIServerName> names = List.of(new SNIHostName("a.example"));
        in.setServerNames(names);
        List<SNIMatcher> matchers = List.of(SNIHostName.createSNIMatcher("a\\.example"));
        in.setSNIMatchers(matchers);
        in.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        in.setUseCipherSuitesOrder(false);
        in.setMaximumPacketSize(1000);
        AlgorithmConstraints ac = new PermitAll();
        in.setAlgorithmConstraints(ac);
        p.sslParameters(in);

        SSLParameters out = p.sslParameters();
        assertArrayEquals(new String[] {"TLS_CHACHA20_POLY1305_SHA256"}, out.getCipherSuites());
        assertArrayEquals(new String[] {"TLSv1.3"}, out.getProtocols());
        assertTrue(out.getNeedClientAuth());
        assertFalse(out.getWantClientAuth());
        assertEquals("HTTPS", out.getEndpointIdentificationAlgorithm());
        assertEquals(names, out.getServerNames());
        assertEquals(matchers, List.copyOf(out.getSNIMatchers()));
        assertArrayEquals(new String[] {"h2", "http/1.1"}, out.getApplicationProtocols());
        assertFalse(out.getUseCipherSuitesOrder());
        assertEquals(1000, out.getMaximumPacketSize());
        assertSame(ac, out.getAlgorithmConstraints());
    }

    @Test
    void nullFieldsInSslParametersLeaveCurrentValues() {
        ParametersState p = client();
        p.enabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
        SSLParameters first = new SSLParameters();
        first.setEndpointIdentificationAlgorithm("HTTPS");
        first.setServerNames(List.of(new SNIHostName("b.example")));
        first.setApplicationProtocols(new String[] {"h2"});
        p.sslParameters(first);

        p.sslParameters(new SSLParameters());
        SSLParameters out = p.sslParameters();
        assertArrayEquals(new String[] {"TLS_AES_256_GCM_SHA384"}, out.getCipherSuites());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, out.getProtocols());
        assertEquals("HTTPS", out.getEndpointIdentificationAlgorithm());
        assertEquals(List.of(new SNIHostName("b.example")), out.getServerNames());
        // A fresh SSLParameters holds an empty, not null, ALPN list, so SunJSSE's rule clears it.
        assertArrayEquals(new String[0], out.getApplicationProtocols());
        // Always taken from the given parameters, as SunJSSE does: a fresh SSLParameters says false.
        assertFalse(out.getUseCipherSuitesOrder());
    }

    @Test
    void freshStateReportsNoServerNamesOrMatchersSetAsNull() {
        SSLParameters out = client().sslParameters();
        assertNull(out.getServerNames());
        assertNull(out.getSNIMatchers());
        assertNull(out.getEndpointIdentificationAlgorithm());
        assertArrayEquals(ALL, out.getCipherSuites());
    }

    @Test
    void invalidSuiteInSslParametersChangesNothing() {
        ParametersState p = client();
        SSLParameters bad = new SSLParameters(new String[] {"BOGUS"});
        bad.setNeedClientAuth(true);
        assertThrows(IllegalArgumentException.class, () -> p.sslParameters(bad));
        assertArrayEquals(ALL, p.enabledCipherSuites());
        assertFalse(p.needClientAuth());
    }

    @Test
    void handshakeWithoutTls13OrTls12FailsSayingWhy() {
        ParametersState p = client();
        p.enabledProtocols(new String[] {"TLSv1.1"});
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> config(p, "a.example"));
        assertEquals("No appropriate protocol: Padlock implements TLSv1.3 and TLSv1.2 and neither is enabled "
                + "(enabled protocols: []; see setEnabledProtocols and jdk.tls.client.protocols)", e.getMessage());
    }

    @Test
    void handshakeWithoutASuiteOfTheEnabledProtocolsFailsSayingWhy() {
        ParametersState p = server();
        p.enabledProtocols(new String[] {"TLSv1.3"});
        p.enabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> config(p, null));
        assertEquals("No appropriate cipher suite: no cipher suite of the enabled protocols [TLSv1.3] is enabled; "
                + "Padlock supports " + List.of(ALL), e.getMessage());
    }

    @Test
    void tls12OnlyConfigurationCarriesOnlyTls12() throws Exception {
        ParametersState p = client();
        p.enabledProtocols(new String[] {"TLSv1.2"});
        HandshakeConfig c = config(p, "a.example");
        assertEquals(Set.of(ProtocolVersion.TLSV1_2), c.protocolVersions());
    }

    @Test
    void clientSendsPeerHostAsSniOnlyForDottedNonIpHostNames() throws Exception {
        assertEquals(List.of(new SNIHostName("www.example.com")), config(client(), "www.example.com.").serverNames());
        assertEquals(List.of(), config(client(), "localhost").serverNames());
        assertEquals(List.of(), config(client(), "127.0.0.1").serverNames());
        assertEquals(List.of(), config(client(), "::1").serverNames());
        assertEquals(List.of(), config(client(), null).serverNames());
    }

    @Test
    void explicitServerNamesWinAndAnEmptyListSendsNone() throws Exception {
        ParametersState p = client();
        SSLParameters none = new SSLParameters();
        none.setServerNames(List.of());
        p.sslParameters(none);
        assertEquals(List.of(), config(p, "www.example.com").serverNames());
        SSLParameters other = new SSLParameters();
        other.setServerNames(List.of(new SNIHostName("other.example")));
        p.sslParameters(other);
        assertEquals(List.of(new SNIHostName("other.example")), config(p, "www.example.com").serverNames());
    }

    @Test
    void handshakeConfigCarriesTheSettings() throws Exception {
        ParametersState p = server();
        p.needClientAuth(true);
        p.enabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"});
        Function<List<String>, String> selector = offered -> "h2";
        HandshakeConfig c = p.toHandshakeConfig(Credentials.NONE, TRUST_NONE, new SecureRandom(), Clock.systemUTC(),
                "peer.example", 5000, selector);
        assertFalse(c.clientMode());
        assertEquals(List.of(CipherSuiteSpec.TLS_AES_256_GCM_SHA384, CipherSuiteSpec.TLS_AES_128_GCM_SHA256),
                c.cipherSuites());
        assertEquals(ClientAuth.REQUIRED, c.clientAuth());
        assertSame(selector, c.alpnSelector());
        assertEquals(2, c.keyShareCount());
        assertTrue(c.honorServerOrder());
        assertEquals(List.of(), c.serverNames());
        assertEquals("peer.example", c.peerHost());
        assertEquals(5000, c.peerPort());
    }

    @Test
    void switchingModeMovesDefaultSuitesToTheOtherSidesDefaultsButKeepsChosenOnes() {
        ContextDefaults d = ContextDefaults.from(Map.of("jdk.tls.server.cipherSuites", "TLS_AES_256_GCM_SHA384")::get);
        ParametersState p = new ParametersState(d, true);
        assertArrayEquals(ALL, p.enabledCipherSuites());
        p.clientMode(false);
        assertArrayEquals(new String[] {"TLS_AES_256_GCM_SHA384"}, p.enabledCipherSuites());
        p.enabledCipherSuites(new String[] {"TLS_CHACHA20_POLY1305_SHA256"});
        p.clientMode(true);
        assertArrayEquals(new String[] {"TLS_CHACHA20_POLY1305_SHA256"}, p.enabledCipherSuites());
    }

    private static final class PermitAll implements AlgorithmConstraints {
        @Override
        public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
            return true;
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
