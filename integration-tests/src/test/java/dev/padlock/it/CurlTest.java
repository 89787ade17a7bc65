package dev.padlock.it;

import static dev.padlock.it.Transcripts.assertPrinted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.it.PeerPki.Kind;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code curl} against {@code HttpsServer} on Padlock. */
class CurlTest {
    @TempDir
    static Path dir;
    private static PeerPki pki;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void getsThePage(String suite) throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.RSA_2048), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context)) {
            String origin = "localhost:" + server.port();
            try (Peer curl = Peer.run(dir, List.of("curl", "--silent", "--show-error", "--verbose",
                    "--max-time", Long.toString(Peer.TIMEOUT_SECONDS), "--tlsv1.3", "--tls13-ciphers", suite,
                    "--cacert", pki.caPem().toString(), "--resolve", origin + ":127.0.0.1",
                    "--write-out", "verify=%{ssl_verify_result}", "https://" + origin + "/"), "")) {
                assertEquals(0, curl.exitCode(), curl.transcript());
                assertEquals(Padlock.bodyFor("TLSv1.3", suite) + "verify=0", curl.stdout(), curl.transcript());
                assertPrinted(curl, "SSL connection using TLSv1.3 / " + suite);
            }
        }
    }

    /** Many full-size records (RFC 8446 §5.1: 2^14 bytes of plaintext at most) arrive intact. */
    @Test
    void getsALargeBody() throws Exception {
        SSLContext context = Padlock.context(pki.keyManagers(Kind.ECDSA_P256), pki.trustManagers(), null);
        try (Padlock.Server server = new Padlock.Server(context)) {
            String origin = "localhost:" + server.port();
            try (Peer curl = Peer.run(dir, List.of("curl", "--silent", "--show-error", "--verbose",
                    "--max-time", Long.toString(Peer.TIMEOUT_SECONDS), "--tlsv1.3",
                    "--cacert", pki.caPem().toString(), "--resolve", origin + ":127.0.0.1",
                    "https://" + origin + "/big"), "")) {
                assertEquals(0, curl.exitCode(), curl.transcript());
                assertEquals(Padlock.bigBody(), curl.stdout(), "the body as sent");
            }
        }
    }
}
