package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.mlkem.MlKem768;
import dev.padlock.wire.Bytes;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The JDK's ML-KEM-768 (JDK 24+) behind {@link MlKemBackend}, and Padlock's own against it: two
 * independent implementations must agree on every secret, whichever made the key and whichever
 * encapsulated. On an older JDK the backend must say it is unavailable.
 */
class JdkMlKemTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean JDK_HAS_ML_KEM = Runtime.version().feature() >= 24;

    @Test
    void availableExactlyFromJdk24() {
        assertEquals(JDK_HAS_ML_KEM, JdkMlKem.available());
        assertEquals(OwnCrypto.enabled() || !JDK_HAS_ML_KEM ? MlKemBackend.Own.INSTANCE.toString() : "JDK",
                MlKemBackend.current().toString());
    }

    @Test
    void ownAndJdkAgreeBothWays() {
        if (!JDK_HAS_ML_KEM) {
            assertFalse(JdkMlKem.available(), "no javax.crypto.KEM ML-KEM before JDK 24");
            return;
        }
        MlKemBackend jdk = new JdkMlKem();
        MlKemBackend own = MlKemBackend.Own.INSTANCE;
        for (int i = 0; i < 20; i++) {
            // The JDK's key, Padlock's encapsulation.
            MlKemBackend.KeyPair jdkKeys = jdk.generate(RANDOM);
            assertTrue(MlKem768.isValidEncapsulationKey(jdkKeys.encapsulationKey()));
            MlKem768.Encapsulation e = own.encapsulate(jdkKeys.encapsulationKey(), RANDOM);
            assertArrayEquals(e.sharedSecret(), jdk.decapsulate(jdkKeys, e.ciphertext()));
            // Padlock's key, the JDK's encapsulation.
            MlKemBackend.KeyPair ownKeys = own.generate(RANDOM);
            MlKem768.Encapsulation f = jdk.encapsulate(ownKeys.encapsulationKey(), RANDOM);
            assertEquals(MlKem768.CIPHERTEXT_BYTES, f.ciphertext().length);
            assertArrayEquals(f.sharedSecret(), own.decapsulate(ownKeys, f.ciphertext()));
        }
    }

    @Test
    void jdkBackedHybridAgreesWithTheOwnOne() {
        if (!JDK_HAS_ML_KEM) {
            assertFalse(JdkMlKem.available(), "no javax.crypto.KEM ML-KEM before JDK 24");
            return;
        }
        KeyExchange jdkHybrid = new HybridKeyExchange(dev.padlock.wire.NamedGroup.X25519MLKEM768,
                new MlKemKeyExchange(new JdkMlKem()), XdhKeyExchange.X25519);
        KeyExchange ownHybrid = new HybridKeyExchange(dev.padlock.wire.NamedGroup.X25519MLKEM768,
                new MlKemKeyExchange(MlKemBackend.Own.INSTANCE), XdhKeyExchange.X25519);
        ClientKeyShare client = jdkHybrid.start(RANDOM);
        KeyExchange.Response server = ownHybrid.respond(client.keyShare(), RANDOM);
        assertArrayEquals(server.sharedSecret(), client.finish(server.keyShare()));
        ClientKeyShare client2 = ownHybrid.start(RANDOM);
        KeyExchange.Response server2 = jdkHybrid.respond(client2.keyShare(), RANDOM);
        assertArrayEquals(server2.sharedSecret(), client2.finish(server2.keyShare()));
        // A ciphertext altered at the right length: the JDK rejects implicitly too, no exception.
        byte[] altered = server.keyShare().toByteArray();
        altered[7] ^= 4;
        assertFalse(java.util.Arrays.equals(server.sharedSecret(), client.finish(Bytes.wrap(altered))));
    }
}
