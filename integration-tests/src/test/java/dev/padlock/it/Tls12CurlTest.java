package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.it.PeerPki.Kind;
import dev.padlock.it.Tls12.Suite;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code curl --tls-max 1.2} (OpenSSL underneath) against {@code HttpsServer} on Padlock (issue 13). */
class Tls12CurlTest {
    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ECDSA_P256 | ECDHE_ECDSA_AES_128_GCM",
            "ECDSA_P384 | ECDHE_ECDSA_CHACHA20",
            "RSA_2048   | ECDHE_RSA_AES_256_GCM"})
    void getsThePageOverTls12(Kind kind, Suite suite) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(kind), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context)) {
            String origin = "localhost:" + server.port();
            try (Peer curl = Peer.run(dir, List.of("curl", "--silent", "--show-error", "--verbose",
                    "--max-time", Long.toString(Peer.TIMEOUT_SECONDS), "--tlsv1.2", "--tls-max", "1.2",
                    "--ciphers", suite.openssl, "--cacert", pki.caPem().toString(),
                    "--resolve", origin + ":127.0.0.1", "--write-out", "verify=%{ssl_verify_result}",
                    "https://" + origin + "/"), "")) {
                assertEquals(0, curl.exitCode(), curl.transcript());
                assertEquals(Padlock.bodyFor(Tls12.TLS12, suite.jsse) + "verify=0", curl.stdout(), curl.transcript());
                assertPrinted(curl, "SSL connection using TLSv1.2 / " + suite.openssl);
            }
        }
    }
}
