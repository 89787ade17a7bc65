package dev.padlock.testing;

import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Credentials;
import dev.padlock.wire.SignatureScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;

/**
 * Test certificates made once per JVM by the JDK's own {@code keytool}: a CA (EC P-256,
 * self-signed, basicConstraints CA) and end-entity chains signed by it for each key kind,
 * plus an expired one, one for the wrong host name and a self-signed one outside the CA.
 *
 * <p>Every end-entity certificate has {@code san=dns:localhost,ip:127.0.0.1} (the wrong-host
 * one {@code dns:wrong.example}), key usage digitalSignature and extended key usage
 * serverAuth+clientAuth. Key stores are PKCS12 with alias {@value #ALIAS} and password
 * {@value #PASSWORD}; the entry's chain is end entity then CA. Managers come from SunJSSE so
 * that Padlock is always tested against the JDK's own implementations. The stores are shared
 * by every caller in the JVM: read them, never modify them.
 */
public final class TestPki {
    public static final String ALIAS = "server";
    public static final String PASSWORD = "changeit";

    /**
     * The end-entity key types. EC certificates also carry keyAgreement: SunJSSE's PKIX key
     * manager ranks an EC server certificate without it as an imperfect match, and then stops
     * preferring the certificate that matches SNI or is unexpired.
     */
    public enum KeyKind {
        RSA_2048(SIGN_ONLY, "-keyalg", "RSA", "-keysize", "2048"),
        EC_P256(SIGN_AND_AGREE, "-keyalg", "EC", "-groupname", "secp256r1"),
        EC_P384(SIGN_AND_AGREE, "-keyalg", "EC", "-groupname", "secp384r1"),
        ED25519(SIGN_ONLY, "-keyalg", "Ed25519");

        private final String keyUsage;
        private final List<String> keytoolArgs;

        KeyKind(String keyUsage, String... keytoolArgs) {
            this.keyUsage = keyUsage;
            this.keytoolArgs = List.of(keytoolArgs);
        }
    }

    private static final String SAN = "san=dns:localhost,ip:127.0.0.1";
    private static final String SIGN_ONLY = "ku=digitalSignature";
    private static final String SIGN_AND_AGREE = "ku=digitalSignature,keyAgreement";
    private static final String EKU = "eku=serverAuth,clientAuth";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    private static final Object LOCK = new Object();
    private static final Map<String, KeyStore> STORES = new HashMap<>();
    private static Path dir;
    private static X509Certificate ca;

    private TestPki() {}

    public static X509Certificate caCertificate() {
        synchronized (LOCK) {
            ensureCa();
            return ca;
        }
    }

    /** A PKCS12 store holding the {@code kind} key and its chain to the CA under alias "server". */
    public static KeyStore keyStore(KeyKind kind) {
        return store(kind.name(), () -> signedByCa(kind.name(), kind, SAN, List.of()));
    }

    /** An EC P-256 chain to the CA whose end entity expired long ago. */
    public static KeyStore expiredKeyStore() {
        return store("EXPIRED", () -> signedByCa("EXPIRED", KeyKind.EC_P256, SAN,
                List.of("-startdate", "-400d", "-validity", "30")));
    }

    /** An EC P-256 chain to the CA for {@code wrong.example} only. */
    public static KeyStore wrongHostKeyStore() {
        return store("WRONG_HOST", () -> signedByCa("WRONG_HOST", KeyKind.EC_P256, "san=dns:wrong.example", List.of()));
    }

    /** A self-signed EC P-256 certificate for localhost that does not chain to the CA. */
    public static KeyStore untrustedKeyStore() {
        return store("UNTRUSTED", TestPki::selfSigned);
    }

    /** A store trusting only the CA. */
    public static KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", caCertificate());
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    public static KeyManager[] keyManagers(KeyKind kind) {
        return keyManagersFor(keyStore(kind));
    }

    public static KeyManager[] expiredKeyManagers() {
        return keyManagersFor(expiredKeyStore());
    }

    public static KeyManager[] wrongHostKeyManagers() {
        return keyManagersFor(wrongHostKeyStore());
    }

    public static KeyManager[] untrustedKeyManagers() {
        return keyManagersFor(untrustedKeyStore());
    }

    /** SunJSSE's PKIX trust managers over {@link #trustStore()}. */
    public static TrustManager[] trustManagers() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm(), "SunJSSE");
            tmf.init(trustStore());
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build trust managers", e);
        }
    }

    /** SunJSSE's default-algorithm key managers over {@code ks}. */
    public static KeyManager[] keyManagersFor(KeyStore ks) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm(), "SunJSSE");
            kmf.init(ks, PASSWORD.toCharArray());
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build key managers", e);
        }
    }

    /** The chain under {@link #ALIAS} in {@code ks}, end entity first. */
    public static X509Certificate[] chain(KeyStore ks) {
        try {
            Certificate[] certs = ks.getCertificateChain(ALIAS);
            X509Certificate[] chain = new X509Certificate[certs.length];
            for (int i = 0; i < certs.length; i++) {
                chain[i] = (X509Certificate) certs[i];
            }
            return chain;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("cannot read the chain", e);
        }
    }

    /** The private key under {@link #ALIAS} in {@code ks}. */
    public static PrivateKey privateKey(KeyStore ks) {
        try {
            return (PrivateKey) ks.getKey(ALIAS, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the private key", e);
        }
    }

    /** The entry of {@code ks} as the handshake's {@link Credential}. */
    public static Credential credential(KeyStore ks) {
        return new Credential(List.of(chain(ks)), privateKey(ks));
    }

    /**
     * Handshake {@link Credentials} that offer the entry of {@code ks} whatever is asked, in
     * either role: for core and handshake tests that run without a JSSE key manager.
     */
    public static Credentials credentials(KeyStore ks) {
        Credential credential = credential(ks);
        return new Credentials() {
            @Override
            public Optional<Credential> chooseServerCredential(List<SignatureScheme> schemes,
                    List<X500Principal> issuers) {
                return Optional.of(credential);
            }

            @Override
            public Optional<Credential> chooseClientCredential(List<SignatureScheme> schemes,
                    List<X500Principal> issuers) {
                return Optional.of(credential);
            }
        };
    }

    private interface Maker {
        KeyStore make() throws IOException, GeneralSecurityException;
    }

    private static KeyStore store(String name, Maker maker) {
        synchronized (LOCK) {
            KeyStore ks = STORES.get(name);
            if (ks == null) {
                ensureCa();
                try {
                    ks = maker.make();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot make test key store " + name, e);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot make test key store " + name, e);
                }
                STORES.put(name, ks);
            }
            return ks;
        }
    }

    private static void ensureCa() {
        if (ca != null) {
            return;
        }
        try {
            dir = Files.createTempDirectory("padlock-test-pki");
            Path created = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "TestPki cleanup"));
            // The signature algorithm is pinned: keytool's default for an EC P-256 signer differs
            // between JDK 17 (SHA256withECDSA) and JDK 25 (SHA384withECDSA).
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-dname", "CN=Padlock Test CA", "-ext", "bc:c", "-validity", "3650",
                    "-keystore", file("ca.p12"));
            ca = (X509Certificate) load(file("ca.p12")).getCertificate("ca");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the test CA", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the test CA", e);
        }
    }

    private static KeyStore signedByCa(String name, KeyKind kind, String san, List<String> validity)
            throws IOException, GeneralSecurityException {
        String keystore = file(name + ".p12");
        List<String> gen = new ArrayList<>(List.of("-genkeypair", "-alias", ALIAS, "-dname", "CN=localhost",
                "-keystore", keystore));
        gen.addAll(kind.keytoolArgs);
        keytool(gen.toArray(String[]::new));
        keytool("-certreq", "-alias", ALIAS, "-keystore", keystore, "-file", file(name + ".csr"));
        List<String> sign = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", file("ca.p12"),
                "-infile", file(name + ".csr"), "-outfile", file(name + ".crt"), "-rfc", "-ext", san,
                "-sigalg", "SHA256withECDSA"));
        sign.addAll(List.of("-ext", kind.keyUsage, "-ext", EKU));
        sign.addAll(validity);
        keytool(sign.toArray(String[]::new));

        PrivateKey key = (PrivateKey) load(keystore).getKey(ALIAS, PASSWORD.toCharArray());
        X509Certificate leaf;
        try (InputStream in = Files.newInputStream(Path.of(file(name + ".crt")))) {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return single(key, new Certificate[] {leaf, ca});
    }

    private static KeyStore selfSigned() throws IOException, GeneralSecurityException {
        String keystore = file("untrusted.p12");
        List<String> gen = new ArrayList<>(List.of("-genkeypair", "-alias", ALIAS, "-dname", "CN=localhost",
                "-keystore", keystore, "-keyalg", "EC", "-groupname", "secp256r1", "-ext", SAN));
        gen.addAll(List.of("-ext", KeyKind.EC_P256.keyUsage, "-ext", EKU));
        keytool(gen.toArray(String[]::new));
        KeyStore generated = load(keystore);
        return single((PrivateKey) generated.getKey(ALIAS, PASSWORD.toCharArray()), generated.getCertificateChain(ALIAS));
    }

    private static KeyStore single(PrivateKey key, Certificate[] chain) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain);
        return ks;
    }

    private static KeyStore load(String path) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** Best effort at JVM exit: what stays behind is a temp dir of throwaway test keys. */
    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("TestPki: could not delete " + root + ": " + e);
        }
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // A short-lived tool: skip the optimising compiler so that each run starts fast.
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        Path log = dir.resolve("keytool.log");
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("keytool timed out: " + String.join(" ", args));
            }
            if (p.exitValue() != 0) {
                throw new IOException("keytool failed (" + p.exitValue() + "): " + String.join(" ", args)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        } finally {
            p.destroyForcibly();
        }
    }
}
