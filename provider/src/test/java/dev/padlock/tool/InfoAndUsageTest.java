package dev.padlock.tool;

import static dev.padlock.tool.ToolFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.tool.ToolFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code padlock info}, and the usage errors every command answers with exit code 2. */
class InfoAndUsageTest {
    @Test
    void infoListsProtocolsSuitesGroupsSchemesAndProperties() {
        Run r = run("info");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.line("Padlock ").startsWith("Padlock 0.1"), r.out());
        assertEquals("protocols:  supported [TLSv1.3, TLSv1.2], enabled [TLSv1.3, TLSv1.2]", r.line("protocols:"));
        assertTrue(r.line("cipher suites, supported:").startsWith("cipher suites, supported: TLS_AES_128_GCM_SHA256, "
                + "TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
                r.out());
        assertTrue(r.line("named groups, supported:").startsWith("named groups, supported:  X25519MLKEM768, x25519, "
                + "secp256r1"), r.out());
        assertTrue(r.line("signature schemes, supported:").contains("ecdsa_secp256r1_sha256"), r.out());
        assertTrue(r.out().contains("\n  jdk.tls.namedGroups = "), r.out());
        assertTrue(r.out().contains("\n  padlock.crypto = "), r.out());
        assertTrue(r.line("java.security:").startsWith("java.security: Padlock is "), r.out());
    }

    @Test
    void noArgumentsPrintsTheUsageAndExits2() {
        Run r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("usage: java -jar padlock-provider.jar <command>"), r.err());
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("exit codes: 0 ok, 1 connection or handshake failed, 2 usage error"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "frobnicate                          | padlock: unknown command frobnicate",
        "connect                             | padlock: connect needs exactly one host:port",
        "connect localhost                   | padlock: expected host:port, not localhost",
        "connect localhost:99999             | padlock: port out of range (1-65535): 99999",
        "connect ::1:443                     | padlock: write an IPv6 address in brackets: [::1]:port",
        "connect localhost:443 --colour      | padlock: unknown option --colour",
        "connect localhost:443 --timeout     | padlock: --timeout needs a value",
        "connect localhost:443 --timeout x   | padlock: --timeout must be a whole number from 1 to 3600, not x",
        "connect localhost:443 --insecure=1  | padlock: --insecure takes no value",
        "connect localhost:443 --key k.pem   | padlock: --key needs --cert",
        "connect localhost:443 --groups nonsense | padlock: Padlock cannot start with these settings: ",
        "serve --key k.pem                   | padlock: --key needs --cert",
        "serve --port 70000                  | padlock: --port must be from 0 to 65535, not 70000",
        "info extra                          | padlock: info takes no argument: extra",
    })
    void usageErrorsExit2WithTheReason(String line, String expected) {
        Run r = run(line.trim().split(" +"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith(expected), r.err());
    }
}
