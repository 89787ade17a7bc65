package dev.padlock.crypto;

import static dev.padlock.testing.Rfc8448SimpleHandshake.CLIENT_HELLO;
import static dev.padlock.testing.Rfc8448SimpleHandshake.SERVER_HELLO;
import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Rfc8448SimpleHandshake;
import dev.padlock.wire.Bytes;
import org.junit.jupiter.api.Test;

/** Transcript buffering and the no-leak rules for secrets. */
class TranscriptAndSecretsTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    // RFC 8448 §3 {server} derive secret "tls13 c hs traffic": hash
    static final byte[] HELLO_HASH = Rfc8448SimpleHandshake.HELLO_HASH.toByteArray();

    @Test
    void messagesAddedBeforeBeginAreHashedAtBegin() {
        Transcript t = new Transcript();
        byte[] ch = CLIENT_HELLO.toByteArray();
        byte[] padded = new byte[ch.length + 6];
        System.arraycopy(ch, 0, padded, 3, ch.length);
        t.add(padded, 3, ch.length);
        assertFalse(t.isBegun());
        assertThrows(IllegalStateException.class, t::currentHash);
        t.add(SERVER_HELLO);
        t.begin(SUITE);
        assertArrayEquals(HELLO_HASH, t.currentHash());
        assertArrayEquals(HELLO_HASH, t.currentHash(), "currentHash does not disturb the running hash");
        assertThrows(IllegalStateException.class, () -> t.begin(SUITE));
    }

    @Test
    void hashOfDoesNotAddItsSuffix() {
        Transcript t = new Transcript();
        t.add(CLIENT_HELLO);
        t.begin(SUITE);
        assertArrayEquals(HELLO_HASH, t.hashOf(SERVER_HELLO));
        t.add(SERVER_HELLO);
        assertArrayEquals(HELLO_HASH, t.currentHash());
    }

    @Test
    void sha384SuiteHashesWithSha384() {
        Transcript t = new Transcript();
        t.begin(CipherSuiteSpec.TLS_AES_256_GCM_SHA384);
        assertEquals(48, t.currentHash().length);
    }

    @Test
    void secretsNeverPrint() {
        TrafficSecret s = EarlySecret.withoutPsk(SUITE).handshakeSecret(new byte[32])
                .clientHandshakeTrafficSecret(HELLO_HASH);
        String hex = Bytes.wrap(s.insecureExportForKeyLog()).toHex();
        assertEquals("TrafficSecret(" + SUITE.suite() + ")", s.toString());
        assertFalse(s.keys().toString().contains(Bytes.wrap(s.keys().key()).toHex()));
        assertFalse(s.toString().contains(hex.substring(0, 8)));
        assertEquals("Secret(32 bytes)", new Secret(new byte[32]).toString());
    }

    @Test
    void destroyedSecretCannotBeUsed() {
        Secret secret = new Secret(new byte[] {1, 2, 3});
        secret.destroy();
        assertTrue(secret.isDestroyed());
        assertThrows(IllegalStateException.class, secret::bytes);
        TrafficSecret s = EarlySecret.withoutPsk(SUITE).handshakeSecret(new byte[32])
                .serverHandshakeTrafficSecret(HELLO_HASH);
        s.destroy();
        assertThrows(IllegalStateException.class, s::keys);
    }

    @Test
    void trafficKeysAreCopies() {
        TrafficKeys keys = EarlySecret.withoutPsk(SUITE).handshakeSecret(new byte[32])
                .serverHandshakeTrafficSecret(HELLO_HASH).keys();
        byte[] k = keys.key();
        k[0] ^= 1;
        assertFalse(java.util.Arrays.equals(k, keys.key()));
        assertEquals(16, keys.key().length);
        assertEquals(12, keys.iv().length);
    }

    /** RFC 8446 §7.2 (no published vector): the next generation uses the label "traffic upd". */
    @Test
    void nextTrafficSecretUsesTrafficUpdLabel() {
        TrafficSecret s0 = EarlySecret.withoutPsk(SUITE).handshakeSecret(new byte[32]).masterSecret()
                .clientApplicationTrafficSecret0(HELLO_HASH);
        byte[] expected = Hkdf.of(SUITE).expandLabel(s0.insecureExportForKeyLog(), "traffic upd", new byte[0], 32);
        assertArrayEquals(expected, s0.next().insecureExportForKeyLog());
        assertEquals(SUITE, s0.next().suite());
    }
}
