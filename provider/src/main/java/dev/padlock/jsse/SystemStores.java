package dev.padlock.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.function.Function;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The managers of {@code SSLContext.Default}, from the {@code javax.net.ssl.*} properties as
 * SunJSSE reads them: {@code keyStore}, {@code keyStorePassword}, {@code keyStoreType},
 * {@code keyStoreProvider} and the same four for {@code trustStore}. Without a key store
 * the context has no keys; without a trust store it trusts
 * {@code $JAVA_HOME/lib/security/jssecacerts}, else {@code cacerts}. "NONE" names a store
 * that needs no file (a PKCS#11 token).
 */
final class SystemStores {
    private static final String NONE = "NONE";

    private SystemStores() {}

    static KeyManager[] keyManagers(Function<String, String> properties) throws GeneralSecurityException {
        String file = orEmpty(properties.apply("javax.net.ssl.keyStore"));
        String type = orDefault(properties.apply("javax.net.ssl.keyStoreType"), KeyStore.getDefaultType());
        String provider = orEmpty(properties.apply("javax.net.ssl.keyStoreProvider"));
        char[] password = password(properties.apply("javax.net.ssl.keyStorePassword"));
        if (type.equals("PKCS11") && !file.equals(NONE)) {
            throw new KeyStoreException("if javax.net.ssl.keyStoreType is PKCS11, javax.net.ssl.keyStore must be NONE");
        }
        KeyStore ks = load("javax.net.ssl.keyStore", file.isEmpty() ? NONE : file, type, provider, password);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    static TrustManager[] trustManagers(Function<String, String> properties, Path javaHome)
            throws GeneralSecurityException {
        String file = orEmpty(properties.apply("javax.net.ssl.trustStore"));
        String type = orDefault(properties.apply("javax.net.ssl.trustStoreType"), KeyStore.getDefaultType());
        String provider = orEmpty(properties.apply("javax.net.ssl.trustStoreProvider"));
        char[] password = password(properties.apply("javax.net.ssl.trustStorePassword"));
        if (file.isEmpty()) {
            Path security = javaHome.resolve("lib").resolve("security");
            Path jssecacerts = security.resolve("jssecacerts");
            file = (Files.isRegularFile(jssecacerts) ? jssecacerts : security.resolve("cacerts")).toString();
        }
        KeyStore ks = load("javax.net.ssl.trustStore", file, type, provider, password);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyStore load(String property, String file, String type, String provider, char[] password)
            throws KeyStoreException {
        try {
            KeyStore ks = provider.isEmpty() ? KeyStore.getInstance(type) : KeyStore.getInstance(type, provider);
            if (file.equals(NONE)) {
                ks.load(null, password);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    ks.load(in, password);
                }
            }
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreException("cannot load " + property + " " + file + " (type " + type
                    + (provider.isEmpty() ? "" : ", provider " + provider) + "): " + e, e);
        }
    }

    private static char[] password(String value) {
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
