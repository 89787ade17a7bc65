package dev.padlock.crypto;

import static dev.padlock.testing.SecretText.assertHides;
import static dev.padlock.testing.SecretText.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md: secrets never appear in {@code toString()}. Each type that holds key schedule
 * bytes (RFC 8446 §7.1), record keys (§7.3) or a PSK is made from bytes the test knows, and its
 * text must show them in no usual form: hex in either case, whole or in part, or a decimal array.
 */
class SecretsNeverPrintTest {
    private static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    @Test
    void secretDoesNotPrintItsBytes() {
        byte[] bytes = pattern(32, 1);
        assertHides(bytes, new Secret(bytes.clone()));
    }

    @Test
    void earlySecretDoesNotPrintItsBytes() {
        byte[] psk = pattern(32, 2);
        EarlySecret early = EarlySecret.withPsk(SUITE, new PreSharedKey(psk.clone()));
        // RFC 8446 §7.1: Early Secret = HKDF-Extract(0, PSK)
        assertHides(Hkdf.of(SUITE).extract(new byte[32], psk), early);
        assertHides(psk, early);
    }

    @Test
    void keyScheduleSecretsDoNotPrintTheirBytes() {
        byte[] bytes = pattern(32, 3);
        assertHides(bytes, new HandshakeSecret(SUITE, bytes.clone()));
        assertHides(bytes, new MasterSecret(SUITE, bytes.clone()));
        assertHides(bytes, new ResumptionMasterSecret(SUITE, bytes.clone()));
        assertHides(bytes, new ExporterMasterSecret(SUITE, bytes.clone()));
        assertHides(bytes, new TrafficSecret(SUITE, bytes.clone()));
    }

    @Test
    void trafficKeysDoNotPrintKeyOrIv() {
        TrafficSecret secret = new TrafficSecret(SUITE, pattern(32, 4));
        TrafficKeys keys = secret.keys();
        assertHides(keys.key(), keys);
        assertHides(keys.iv(), keys);
    }

    @Test
    void recordKeysDoNotPrintKeyIvOrSecret() {
        byte[] bytes = pattern(32, 8);
        Tls13RecordKeys keys = Tls13RecordKeys.of(new TrafficSecret(SUITE, bytes.clone()));
        assertHides(bytes, keys);
        assertHides(keys.keys().key(), keys);
        assertHides(keys.keys().iv(), keys);
    }

    @Test
    void preSharedKeyDoesNotPrintItsBytes() {
        byte[] bytes = pattern(48, 5);
        PreSharedKey psk = PreSharedKey.copyOf(bytes, 0, bytes.length);
        assertArrayEquals(bytes, psk.bytes());
        assertHides(bytes, psk);
        ResumptionMasterSecret rms = new ResumptionMasterSecret(SUITE, pattern(32, 6));
        PreSharedKey fromTicket = rms.psk(new byte[] {0, 0});
        assertHides(fromTicket.bytes(), fromTicket);
    }

    @Test
    void destroyedSecretsDoNotPrintEither() {
        byte[] bytes = pattern(32, 7);
        PreSharedKey psk = PreSharedKey.copyOf(bytes, 0, bytes.length);
        psk.destroy();
        assertHides(bytes, psk);
        TrafficSecret secret = new TrafficSecret(SUITE, bytes.clone());
        secret.destroy();
        assertHides(bytes, secret);
    }
}
