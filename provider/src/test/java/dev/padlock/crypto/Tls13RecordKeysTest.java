package dev.padlock.crypto;

import static dev.padlock.testing.SecretText.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the handshake installs for TLS 1.3 record protection: a traffic secret's key and IV (RFC 8446 §7.3). */
class Tls13RecordKeysTest {

    @Test
    void holdsTheKeyAndIvOfItsTrafficSecret() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            TrafficSecret secret = new TrafficSecret(suite, pattern(suite.hashLength(), 1));
            Tls13RecordKeys keys = Tls13RecordKeys.of(secret);
            assertSame(suite, keys.suite());
            assertSame(secret, keys.secret());
            assertArrayEquals(secret.keys().key(), keys.keys().key(), suite.suite().toString());
            assertArrayEquals(secret.keys().iv(), keys.keys().iv(), suite.suite().toString());
            assertEquals(suite.keyLength(), keys.keys().key().length);
            assertEquals(CipherSuiteSpec.IV_LENGTH, keys.keys().iv().length);
        }
    }

    @Test
    void destroyErasesTheKeysButNotTheSecretTheHandshakeStillOwns() {
        TrafficSecret secret = new TrafficSecret(CipherSuiteSpec.TLS_AES_128_GCM_SHA256, pattern(32, 2));
        Tls13RecordKeys keys = Tls13RecordKeys.of(secret);
        assertFalse(keys.isDestroyed());
        keys.destroy();
        assertTrue(keys.isDestroyed());
        assertThrows(IllegalStateException.class, () -> keys.keys().key());
        assertFalse(secret.isDestroyed());
    }
}
