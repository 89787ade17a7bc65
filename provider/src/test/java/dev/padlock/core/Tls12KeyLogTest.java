package dev.padlock.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.wire.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 key log line is NSS's {@code CLIENT_RANDOM <client_random> <master_secret>}, as
 * OpenSSL writes it (see OpenSslTls12RecordTest, whose master secrets come from such lines).
 */
class Tls12KeyLogTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void masterSecretIsLoggedAsClientRandomLineWithTheClientHellosRandom() {
        List<String> lines = new ArrayList<>();
        KeyLog log = new KeyLog(new ConnectionObserver() {
            @Override
            public void secret(String label, byte[] clientRandom, byte[] secret) {
                lines.add(label + " " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(secret));
            }
        });
        String random = "99490fba8f62dec881aa555d766dad44cd9284349953e884ca6071822d552b6a";
        String master = "1612b2db96aaa9048f72e485b5e057057190b455b1ea24e4809eaae396d106dfb0ddbe27bd09cad1fb0362bb2021760d";
        Tls12MasterSecret secret = Tls12MasterSecret.restore(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                HEX.parseHex(master));
        log.tls12MasterSecret(secret);
        assertEquals(List.of(), lines, "nothing before the ClientHello gives the random");
        // ClientHello: type 1, length, client_version 0x0303, random, then the rest.
        log.handshakeMessage(Bytes.fromHex("01 000026 0303" + random + "00"));
        log.tls12MasterSecret(secret);
        assertEquals(List.of("CLIENT_RANDOM " + random + " " + master), lines);
    }

    @Test
    void nothingIsExportedWithoutAnObserver() {
        KeyLog log = new KeyLog(ConnectionObserver.NONE);
        log.handshakeMessage(Bytes.fromHex("01 000026 0303" + "00".repeat(32) + "00"));
        Tls12MasterSecret secret = Tls12MasterSecret.restore(CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                new byte[48]);
        log.tls12MasterSecret(secret);
        secret.destroy();
        // A destroyed secret would throw if the log had asked for its bytes.
        log.tls12MasterSecret(secret);
    }
}
