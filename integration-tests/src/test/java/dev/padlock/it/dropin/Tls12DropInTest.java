package dev.padlock.it.dropin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.it.PeerPki;
import dev.padlock.it.PeerPki.Kind;
import dev.padlock.it.PeerServer;
import dev.padlock.it.dropin.ChildJvm.Install;
import dev.padlock.it.dropin.ChildJvm.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13's headline case: with Padlock installed by the {@code java.security} template, an
 * unmodified JDK client still reaches a server that speaks only TLS 1.2, as it did on SunJSSE.
 * {@code -Dpadlock.it.provider=SunJSSE} runs the same program without the template.
 */
@Timeout(120)
class Tls12DropInTest {
    private static final boolean PADLOCK = System.getProperty("padlock.it.provider", "Padlock").equals("Padlock");
    private static final String SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

    @TempDir
    static Path dir;
    private static PeerPki pki;
    private static Path trustStore;

    @BeforeAll
    static void makePki() {
        pki = PeerPki.create(dir);
        trustStore = pki.writeTrustStore("tls12-trust.p12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urlconnection", "httpclient"})
    void anUnmodifiedClientGetsThePageOfATls12OnlyServer(String client) throws Exception {
        try (PeerServer server = PeerServer.start(dir, port -> List.of("openssl", "s_server",
                "-accept", "127.0.0.1:" + port, "-tls1_2", "-www", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256",
                "-cert", pki.certPem(Kind.ECDSA_P256).toString(), "-key", pki.keyPem(Kind.ECDSA_P256).toString()),
                "ACCEPT")) {
            Result r = ChildJvm.run(PADLOCK ? Install.CLASS_PATH : Install.NONE, dir, List.of(
                    "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=" + PeerPki.STORE_PASSWORD),
                    Tls12ServerMain.class, client, Integer.toString(server.port()));
            String both = r + "\n" + server.transcript();
            assertEquals(0, r.exitCode(), both);
            assertEquals(PADLOCK ? "Padlock" : "SunJSSE", r.fact("context.provider"), both);
            assertEquals("200", r.fact("client.status"), both);
            assertEquals("TLSv1.2", r.fact("client.protocol"), both);
            assertEquals(SUITE, r.fact("client.suite"), both);
            assertEquals("New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM-SHA256", r.fact("server.said"), both);
            // java.net.http wraps the session; HttpsURLConnection hands out the provider's own
            String sessionClass = r.fact("client.session.class");
            assertFalse(PADLOCK && sessionClass.startsWith("sun.security.ssl."), both);
            if (client.equals("urlconnection")) {
                assertTrue(sessionClass.startsWith(PADLOCK ? "dev.padlock." : "sun.security.ssl."), both);
            }
        }
    }
}
