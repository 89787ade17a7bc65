package dev.padlock.jsse;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Padlock's {@code SSLContext} ("TLSv1.3" and "TLS"): the managers, the randomness, the
 * session caches and the defaults its engines start from. {@link #newDefault} makes
 * {@code SSLContext.Default}, initialised from the {@code javax.net.ssl.*} properties.
 */
public class PadlockContextSpi extends SSLContextSpi {
    private final ContextDefaults defaults;
    private final Clock clock;
    private final PadlockSessionContext clientSessions;
    private final PadlockSessionContext serverSessions;
    private final boolean isDefault;
    private volatile Diagnostics diagnostics;

    private volatile Managers managers;

    private record Managers(X509ExtendedKeyManager keyManager, X509ExtendedTrustManager trustManager,
            SecureRandom random) {}

    /** The {@code jdk.tls.*} properties are read here, once. */
    public PadlockContextSpi() {
        this(ContextDefaults.fromSystemProperties(), Clock.systemUTC(), false);
    }

    PadlockContextSpi(ContextDefaults defaults, Clock clock, boolean isDefault) {
        this.defaults = defaults;
        this.clock = clock;
        this.clientSessions = new PadlockSessionContext(clock);
        this.serverSessions = new PadlockSessionContext(clock);
        clientSessions.setSessionCacheSize(defaults.sessionCacheSize());
        serverSessions.setSessionCacheSize(defaults.sessionCacheSize());
        this.isDefault = isDefault;
        this.diagnostics = Diagnostics.fromSystem();
    }

    /** Key log and debug log for this context's connections (read once, from system properties). */
    Diagnostics diagnostics() {
        return diagnostics;
    }

    /** For tests: a key log or debug log without system properties. */
    void diagnostics(Diagnostics d) {
        this.diagnostics = d;
    }

    /**
     * {@code SSLContext.Default}: managers from the {@code javax.net.ssl.*} properties.
     *
     * @throws KeyManagementException when a named key or trust store cannot be read
     */
    public static PadlockContextSpi newDefault() throws KeyManagementException {
        return newDefault(System::getProperty, Path.of(System.getProperty("java.home")));
    }

    static PadlockContextSpi newDefault(Function<String, String> properties, Path javaHome)
            throws KeyManagementException {
        PadlockContextSpi spi = new PadlockContextSpi(ContextDefaults.from(properties), Clock.systemUTC(), true);
        try {
            spi.install(SystemStores.keyManagers(properties), SystemStores.trustManagers(properties, javaHome), null);
        } catch (GeneralSecurityException e) {
            throw new KeyManagementException("cannot initialise the default SSLContext: " + e.getMessage(), e);
        }
        return spi;
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        if (isDefault) {
            throw new KeyManagementException("Default SSLContext is initialized automatically");
        }
        install(km, tm, sr);
    }

    private void install(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
        Managers replaced = managers;
        managers = new Managers(chooseKeyManager(km), chooseTrustManager(tm), sr != null ? sr : new SecureRandom());
        if (replaced != null) {
            clientSessions.managersReplaced();
            serverSessions.managersReplaced();
        }
    }

    /** The first X509KeyManager; none given means no keys, as with SunJSSE. */
    private static X509ExtendedKeyManager chooseKeyManager(KeyManager[] km) throws KeyManagementException {
        if (km != null) {
            for (KeyManager m : km) {
                if (m instanceof X509KeyManager x) {
                    return ExtendedManagers.extend(x);
                }
            }
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(null, null);
            return chooseFrom(kmf.getKeyManagers());
        } catch (GeneralSecurityException e) {
            throw new KeyManagementException("cannot create the default key manager", e);
        }
    }

    private static X509ExtendedKeyManager chooseFrom(KeyManager[] km) throws KeyManagementException {
        for (KeyManager m : km) {
            if (m instanceof X509KeyManager x) {
                return ExtendedManagers.extend(x);
            }
        }
        throw new KeyManagementException("the default KeyManagerFactory made no X509KeyManager");
    }

    /**
     * The first X509TrustManager. Null means the JDK default (cacerts); an array without one
     * means nothing is trusted, as SunJSSE does.
     */
    private static X509ExtendedTrustManager chooseTrustManager(TrustManager[] tm) throws KeyManagementException {
        if (tm == null) {
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init((KeyStore) null);
                tm = tmf.getTrustManagers();
            } catch (GeneralSecurityException e) {
                throw new KeyManagementException("cannot create the default trust manager", e);
            }
        }
        for (TrustManager m : tm) {
            if (m instanceof X509TrustManager x) {
                return ExtendedManagers.extend(x);
            }
        }
        return ExtendedManagers.trustingNothing();
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
        requireInitialized();
        return new PadlockSocketFactory(this);
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
        requireInitialized();
        return new PadlockServerSocketFactory(this);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
        return engineCreateSSLEngine(null, -1);
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
        requireInitialized();
        return new PadlockEngine(this, host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
        return serverSessions;
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
        return clientSessions;
    }

    /** As SunJSSE: a client's defaults. */
    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
        return new ParametersState(defaults, true).sslParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
        SSLParameters p = new SSLParameters();
        p.setCipherSuites(ParametersState.supportedCipherSuites());
        p.setProtocols(ParametersState.supportedProtocols());
        Jdk20Parameters.namedGroups(p, ParametersState.supportedNamedGroups());
        return p;
    }

    ContextDefaults defaults() {
        return defaults;
    }

    X509ExtendedKeyManager keyManager() {
        return requireInitialized().keyManager();
    }

    X509ExtendedTrustManager trustManager() {
        return requireInitialized().trustManager();
    }

    SecureRandom secureRandom() {
        return requireInitialized().random();
    }

    PadlockSessionContext clientSessionContext() {
        return clientSessions;
    }

    PadlockSessionContext serverSessionContext() {
        return serverSessions;
    }

    Clock clock() {
        return clock;
    }

    private Managers requireInitialized() {
        Managers m = managers;
        if (m == null) {
            throw new IllegalStateException("SSLContext is not initialized");
        }
        return m;
    }
}
