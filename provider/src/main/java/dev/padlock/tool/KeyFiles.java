package dev.padlock.tool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust and key material from the files a user has: PKCS12 stores, or PEM certificates and an
 * unencrypted PKCS#8 PEM key ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey}
 * and {@code openssl pkey} write). The managers are the JDK's default ones (SunJSSE's PKIX),
 * as an application on Padlock would use.
 */
final class KeyFiles {
    private static final char[] NO_PASSWORD = new char[0];
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private KeyFiles() {
    }

    /** The JDK's default trust manager over {@code file}, or over the JDK's cacerts when null. */
    static X509ExtendedTrustManager trustManager(Path file, char[] password) throws UsageException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(file == null ? null : trustStore(file, password));
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new UsageException("the JDK's trust manager factory made no X509ExtendedTrustManager");
        } catch (GeneralSecurityException | IOException e) {
            throw new UsageException("cannot read the trust store " + file + ": " + e.getMessage());
        }
    }

    /**
     * The JDK's default key manager over a PKCS12 file ({@code key} null) or a PEM chain and a
     * PEM key.
     */
    static X509ExtendedKeyManager keyManager(Path cert, Path key, char[] password) throws UsageException {
        try {
            KeyStore ks;
            char[] storePassword = password != null ? password : NO_PASSWORD;
            if (key == null) {
                if (isPem(cert)) {
                    throw new UsageException("--cert " + cert + " is PEM: give the private key with --key");
                }
                ks = KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(cert)) {
                    ks.load(in, storePassword);
                }
            } else {
                ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                List<Certificate> chain = List.copyOf(certificates(cert));
                if (chain.isEmpty()) {
                    throw new UsageException("--cert " + cert + " holds no certificate");
                }
                ks.setKeyEntry("key", pemKey(key), storePassword, chain.toArray(Certificate[]::new));
            }
            return keyManager(ks, storePassword);
        } catch (GeneralSecurityException | IOException e) {
            throw new UsageException("cannot read the key material " + cert + (key != null ? " and " + key : "")
                    + ": " + e.getMessage() + (key == null ? " (wrong --password?)" : ""));
        }
    }

    /** The JDK's default key manager over a key store. */
    static X509ExtendedKeyManager keyManager(KeyStore ks, char[] password) throws GeneralSecurityException,
            UsageException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        for (KeyManager km : kmf.getKeyManagers()) {
            if (km instanceof X509ExtendedKeyManager x) {
                return x;
            }
        }
        throw new UsageException("the JDK's key manager factory made no X509ExtendedKeyManager");
    }

    private static KeyStore trustStore(Path file, char[] password) throws GeneralSecurityException, IOException,
            UsageException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        if (isPem(file)) {
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certificates(file)) {
                ks.setCertificateEntry("trusted-" + i++, c);
            }
            if (i == 0) {
                throw new UsageException("--trust " + file + " holds no certificate");
            }
        } else {
            try (var in = Files.newInputStream(file)) {
                // A trust store needs no password unless its certificates are encrypted.
                ks.load(in, password);
            }
            if (!hasCertificates(ks)) {
                throw new UsageException("--trust " + file + " holds no trusted certificate");
            }
        }
        return ks;
    }

    private static boolean hasCertificates(KeyStore ks) throws GeneralSecurityException {
        for (Enumeration<String> e = ks.aliases(); e.hasMoreElements();) {
            if (ks.isCertificateEntry(e.nextElement())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPem(Path file) throws IOException {
        byte[] head = Files.readAllBytes(file);
        String text = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1);
        return text.contains("-----BEGIN ");
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws GeneralSecurityException,
            IOException {
        return CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(Files.readAllBytes(pem)));
    }

    private static PrivateKey pemKey(Path file) throws IOException, UsageException {
        Matcher m = PEM_KEY.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new UsageException("--key " + file + " holds no PEM private key");
        }
        if (!m.group(1).isEmpty()) {
            throw new UsageException("--key " + file + " is a \"" + m.group(1) + "PRIVATE KEY\"; the tool reads "
                    + "unencrypted PKCS#8 keys: convert it with openssl pkcs8 -topk8 -nocrypt -in " + file);
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisAlgorithm) {
                // PKCS#8 names the algorithm inside; trying each JCA factory reads that name for us.
                continue;
            }
        }
        throw new UsageException("--key " + file + " is not an RSA, EC, Ed25519 or Ed448 PKCS#8 key");
    }
}
