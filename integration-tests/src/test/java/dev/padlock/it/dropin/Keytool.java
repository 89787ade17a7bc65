package dev.padlock.it.dropin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test side: key material made with the JDK's own keytool. Two self-signed server
 * certificates, both trusted by one trust store: "good" names localhost and 127.0.0.1,
 * "wrong" names only wrong.example.
 */
final class Keytool {
    static final String PASSWORD = "changeit";

    final Path goodKeyStore;
    final Path wrongKeyStore;
    final Path trustStore;

    private Keytool(Path dir) {
        this.goodKeyStore = dir.resolve("good.p12");
        this.wrongKeyStore = dir.resolve("wrong.p12");
        this.trustStore = dir.resolve("trust.p12");
    }

    static Keytool create(Path dir) throws IOException, InterruptedException {
        Keytool k = new Keytool(dir);
        k.server(k.goodKeyStore, "CN=localhost", "dns:localhost,ip:127.0.0.1", dir.resolve("good.cer"));
        k.server(k.wrongKeyStore, "CN=wrong.example", "dns:wrong.example", dir.resolve("wrong.cer"));
        return k;
    }

    private void server(Path keyStore, String dname, String san, Path cert) throws IOException, InterruptedException {
        run("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-dname", dname, "-ext", "san=" + san, "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        run("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        run("-importcert", "-noprompt", "-alias", keyStore.getFileName().toString(), "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    }

    private static void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("keytool", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed:\n" + Files.readString(log));
            }
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
