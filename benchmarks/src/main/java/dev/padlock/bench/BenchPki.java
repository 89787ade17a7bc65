package dev.padlock.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate made by the running JDK's {@code keytool} in a temporary
 * directory, and the managers that present it (server) and trust exactly it (client). Both
 * providers get the same SunJSSE managers, so the comparison is between the protocol engines
 * only.
 */
final class BenchPki {
    private static final String ALIAS = "server";
    private static final String PASSWORD = "benchpass";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    final KeyManager[] keyManagers;
    final TrustManager[] trustManagers;

    private BenchPki(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        this.keyManagers = keyManagers;
        this.trustManagers = trustManagers;
    }

    /** {@code keyType} is one of {@code EC} (P-256), {@code RSA} (2048) and {@code Ed25519}. */
    static BenchPki generate(String keyType) throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Files.createTempDirectory("padlock-bench-pki");
        try {
            Path store = dir.resolve("server.p12");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-noprompt", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD,
                    "-alias", ALIAS, "-dname", "CN=localhost", "-validity", "30",
                    "-ext", "san=dns:localhost", "-ext", "ku=digitalSignature",
                    "-ext", "eku=serverAuth,clientAuth"));
            command.addAll(keyArgs(keyType));
            runKeytool(command, dir);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);

            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm(), "SunJSSE");
            kmf.init(keys, PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm(), "SunJSSE");
            tmf.init(trust);
            return new BenchPki(kmf.getKeyManagers(), tmf.getTrustManagers());
        } finally {
            deleteTree(dir);
        }
    }

    private static List<String> keyArgs(String keyType) {
        switch (keyType) {
            case "EC":
                return List.of("-keyalg", "EC", "-groupname", "secp256r1");
            case "RSA":
                return List.of("-keyalg", "RSA", "-keysize", "2048");
            case "Ed25519":
                return List.of("-keyalg", "Ed25519");
            default:
                throw new IllegalArgumentException("unknown key type " + keyType);
        }
    }

    private static void runKeytool(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("keytool did not finish in " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed (" + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
