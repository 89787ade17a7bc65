package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.padlock.crypto.ClientKeyShare;
import dev.padlock.crypto.KeyExchange;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.crypto.mlkem.MlKem768;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.junit.jupiter.api.Test;

/**
 * Padlock's ML-KEM-768 against Bouncy Castle's (bcprov 1.87), an independent implementation, in
 * both directions, and Padlock's X25519MLKEM768 client share answered by a server made of Bouncy
 * Castle's ML-KEM and the JDK's X25519, laid out as draft-ietf-tls-ecdhe-mlkem says: ciphertext ‖
 * X25519 share, secret ML-KEM ‖ X25519.
 */
class BouncyCastleMlKemTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void padlockAndBouncyCastleAgreeBothWays() {
        for (int i = 0; i < 25; i++) {
            MLKEMKeyPairGenerator kpg = new MLKEMKeyPairGenerator();
            kpg.init(new MLKEMKeyGenerationParameters(RANDOM, MLKEMParameters.ml_kem_768));
            AsymmetricCipherKeyPair bc = kpg.generateKeyPair();
            byte[] bcEk = ((MLKEMPublicKeyParameters) bc.getPublic()).getEncoded();
            byte[] m = new byte[32];
            RANDOM.nextBytes(m);
            MlKem768.Encapsulation ours = MlKem768.encaps(bcEk, m).orElseThrow();
            MLKEMExtractor extractor = new MLKEMExtractor((MLKEMPrivateKeyParameters) bc.getPrivate());
            assertArrayEquals(ours.sharedSecret(), extractor.extractSecret(ours.ciphertext()));
            // Implicit rejection (FIPS 203 §6.3): both derive the same J(z ‖ c) from Bouncy Castle's
            // expanded decapsulation key for an altered ciphertext.
            byte[] bcDk = ((MLKEMPrivateKeyParameters) bc.getPrivate())
                    .getParametersWithFormat(MLKEMPrivateKeyParameters.EXPANDED_KEY).getEncoded();
            assertEquals(MlKem768.DECAPSULATION_KEY_BYTES, bcDk.length);
            byte[] altered = ours.ciphertext().clone();
            altered[i * 40] ^= (byte) (1 << (i % 8));
            byte[] rejected = MlKem768.decaps(bcDk, altered);
            assertFalse(Arrays.equals(ours.sharedSecret(), rejected));
            assertArrayEquals(extractor.extractSecret(altered), rejected);

            byte[] seed = new byte[64];
            RANDOM.nextBytes(seed);
            MlKem768.KeyPair padlock = MlKem768.keyGen(seed);
            SecretWithEncapsulation theirs = new MLKEMGenerator(RANDOM).generateEncapsulated(
                    new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, padlock.encapsulationKey()));
            assertArrayEquals(theirs.getSecret(), MlKem768.decaps(padlock.decapsulationKey(), theirs.getEncapsulation()));
        }
    }

    @Test
    void padlockClientFinishesWithAServerBuiltFromBouncyCastleAndTheJdk() throws Exception {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        ClientKeyShare client = hybrid.start(RANDOM);
        byte[] share = client.keyShare().toByteArray();
        assertEquals(1216, share.length);
        byte[] ek = Arrays.copyOf(share, 1184);
        byte[] clientX25519 = Arrays.copyOfRange(share, 1184, 1216);

        SecretWithEncapsulation kem = new MLKEMGenerator(RANDOM).generateEncapsulated(
                new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ek));
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
        KeyPair server = xdh.generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519");
        agreement.init(server.getPrivate());
        agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, littleEndian(clientX25519))), true);
        byte[] x25519Secret = agreement.generateSecret();

        byte[] serverShare = concat(kem.getEncapsulation(), uCoordinate((XECPublicKey) server.getPublic()));
        assertEquals(1120, serverShare.length);
        assertArrayEquals(concat(kem.getSecret(), x25519Secret), client.finish(Bytes.wrap(serverShare)));

        // An altered ciphertext of the right length is implicitly rejected: another secret, no exception.
        serverShare[3] ^= 1;
        assertFalse(Arrays.equals(concat(kem.getSecret(), x25519Secret), client.finish(Bytes.wrap(serverShare))));
    }

    private static BigInteger littleEndian(byte[] u) {
        byte[] be = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            be[i] = u[u.length - 1 - i];
        }
        be[0] &= 0x7F;
        return new BigInteger(1, be);
    }

    private static byte[] uCoordinate(XECPublicKey key) {
        byte[] be = key.getU().toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
