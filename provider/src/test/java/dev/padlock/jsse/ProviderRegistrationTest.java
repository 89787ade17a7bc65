package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.PadlockProvider;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistrationTest {

    @Test
    void serviceLoaderFindsProviderAndSecurityResolvesItByName() throws Exception {
        Provider found = null;
        for (Provider p : ServiceLoader.load(Provider.class)) {
            if (p instanceof PadlockProvider) {
                found = p;
            }
        }
        assertNotNull(found, "META-INF/services/java.security.Provider names PadlockProvider");
        assertTrue(Security.addProvider(found) > 0);
        try {
            assertSame(found, Security.getProvider("Padlock"));
            assertSame(found, SSLContext.getInstance("TLSv1.3", "Padlock").getProvider());
            assertSame(found, SSLContext.getInstance("TLS", "Padlock").getProvider());
        } finally {
            Security.removeProvider("Padlock");
        }
    }

    @Test
    void tlsAndTls13ContextsAreCreatedAndInitialised() throws Exception {
        for (String protocol : new String[] {"TLSv1.3", "TLS"}) {
            SSLContext ctx = SSLContext.getInstance(protocol, new PadlockProvider());
            assertEquals(protocol, ctx.getProtocol());
            ctx.init(TestPki.keyManagers(KeyKind.EC_P256), TestPki.trustManagers(), null);
            assertEquals(PadlockSessionContext.DEFAULT_TIMEOUT_SECONDS, ctx.getClientSessionContext().getSessionTimeout());
            assertEquals(PadlockSessionContext.DEFAULT_CACHE_SIZE, ctx.getServerSessionContext().getSessionCacheSize());
        }
    }

    @Test
    void defaultAndSupportedParametersAreTls13AndTls12() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS", new PadlockProvider());
        SSLParameters def = ctx.getDefaultSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, def.getProtocols());
        assertArrayEquals(PADLOCK_SUITES, def.getCipherSuites());
        assertTrue(def.getUseCipherSuitesOrder());
        SSLParameters supported = ctx.getSupportedSSLParameters();
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, supported.getProtocols());
        assertEquals(9, supported.getCipherSuites().length);
    }

    static final String[] PADLOCK_SUITES = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};

    @Test
    void tls12SuitesComeInSunJssesDefaultOrder() throws Exception {
        List<String> ours = List.of(PADLOCK_SUITES).subList(3, 9);
        List<String> sun = List.of(SSLContext.getInstance("Default", "SunJSSE").getDefaultSSLParameters()
                .getCipherSuites()).stream().filter(ours::contains).toList();
        assertEquals(sun, ours);
    }

    @Test
    void tls12ContextIsRegisteredAndEnablesBothVersions() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.2", new PadlockProvider());
        assertEquals("Padlock", ctx.getProvider().getName());
        assertArrayEquals(new String[] {"TLSv1.3", "TLSv1.2"}, ctx.getDefaultSSLParameters().getProtocols());
    }

    @Test
    void socketFactoriesComeFromPadlock() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS", new PadlockProvider());
        ctx.init(null, TestPki.trustManagers(), null);
        assertEquals("dev.padlock.jsse.PadlockSocketFactory", ctx.getSocketFactory().getClass().getName());
        assertEquals("dev.padlock.jsse.PadlockServerSocketFactory", ctx.getServerSocketFactory().getClass().getName());
        assertArrayEquals(PADLOCK_SUITES, ctx.getSocketFactory().getDefaultCipherSuites());
    }

    @Test
    void engineFromUninitialisedContextIsIllegalState() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS", new PadlockProvider());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.createSSLEngine("a.example", 443));
        assertEquals("SSLContext is not initialized", e.getMessage());
    }

    @Test
    void defaultContextRefusesInitAsSunJsseDoes() throws Exception {
        SSLContext ctx = SSLContext.getInstance("Default", new PadlockProvider());
        KeyManagementException e = assertThrows(KeyManagementException.class, () -> ctx.init(null, null, null));
        assertEquals("Default SSLContext is initialized automatically", e.getMessage());
    }

    @Test
    void defaultContextIsMadeOncePerProvider() throws Exception {
        PadlockProvider provider = new PadlockProvider();
        SSLContext first = SSLContext.getInstance("Default", provider);
        SSLContext second = SSLContext.getInstance("Default", provider);
        assertSame(first.getClientSessionContext(), second.getClientSessionContext());
        assertNotNull(first.createSSLEngine());
    }

    @Test
    void defaultContextReadsTrustStoreAndKeyStoreProperties(@TempDir Path dir) throws Exception {
        Path trust = dir.resolve("trust.p12");
        Path keys = dir.resolve("keys.p12");
        store(TestPki.trustStore(), trust);
        store(TestPki.keyStore(KeyKind.EC_P384), keys);
        Map<String, String> props = Map.of(
                "javax.net.ssl.trustStore", trust.toString(),
                "javax.net.ssl.trustStorePassword", TestPki.PASSWORD,
                "javax.net.ssl.trustStoreType", "PKCS12",
                "javax.net.ssl.keyStore", keys.toString(),
                "javax.net.ssl.keyStorePassword", TestPki.PASSWORD);
        PadlockContextSpi spi = PadlockContextSpi.newDefault(props::get, dir);
        assertArrayEquals(new Object[] {TestPki.caCertificate()}, spi.trustManager().getAcceptedIssuers());
        assertEquals(TestPki.keyStore(KeyKind.EC_P384).getCertificate(TestPki.ALIAS),
                spi.keyManager().getCertificateChain(TestPki.ALIAS)[0]);
    }

    @Test
    void defaultContextWithUnreadableTrustStoreNamesTheFile(@TempDir Path dir) {
        String missing = dir.resolve("missing.jks").toString();
        Map<String, String> props = Map.of("javax.net.ssl.trustStore", missing);
        KeyManagementException e = assertThrows(KeyManagementException.class,
                () -> PadlockContextSpi.newDefault(props::get, dir));
        assertInstanceOf(KeyStoreException.class, e.getCause());
        assertTrue(e.getMessage().contains("javax.net.ssl.trustStore " + missing), e.getMessage());
    }

    @Test
    void defaultContextFallsBackToJssecacertsThenCacerts(@TempDir Path javaHome) throws Exception {
        Path security = Files.createDirectories(javaHome.resolve("lib").resolve("security"));
        store(TestPki.trustStore(), security.resolve("cacerts"));
        Map<String, String> props = Map.of("javax.net.ssl.trustStoreType", "PKCS12",
                "javax.net.ssl.trustStorePassword", TestPki.PASSWORD);
        assertArrayEquals(new Object[] {TestPki.caCertificate()},
                PadlockContextSpi.newDefault(props::get, javaHome).trustManager().getAcceptedIssuers());
        Files.writeString(security.resolve("jssecacerts"), "not a key store");
        KeyManagementException e = assertThrows(KeyManagementException.class,
                () -> PadlockContextSpi.newDefault(props::get, javaHome));
        assertTrue(e.getMessage().contains("jssecacerts"), e.getMessage());
    }

    @Test
    void badJdkTlsPropertyFailsContextCreationNamingIt() {
        ContextDefaults.from(Map.of("jdk.tls.namedGroups", "secp256r1")::get);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ContextDefaults.from(Map.of("jdk.tls.client.protocols", "TLSv9")::get));
        assertEquals("jdk.tls.client.protocols: TLSv9 is not a supported SSL protocol name", e.getMessage());
        assertThrows(NoSuchAlgorithmException.class, () -> {
            String old = System.setProperty("jdk.tls.namedGroups", "nonsense");
            try {
                SSLContext.getInstance("TLS", new PadlockProvider());
            } finally {
                if (old == null) {
                    System.clearProperty("jdk.tls.namedGroups");
                } else {
                    System.setProperty("jdk.tls.namedGroups", old);
                }
            }
        });
    }

    private static void store(KeyStore ks, Path file) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, TestPki.PASSWORD.toCharArray());
        }
    }
}
