package dev.padlock.crypto.p256;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** Randomised cross-checks with the JDK's own P-256: the same secrets, each side's signatures accepted by the other. */
class P256JcaCrossCheckTest {
    private static final int ROUNDS = 200;
    private final SecureRandom random = new SecureRandom();

    @Test
    void ecdhAgreesWithTheJcaBothWays() throws Exception {
        KeyPairGenerator kpg = generator();
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair jca = kpg.generateKeyPair();
            byte[] own = P256.generatePrivateKey(random);
            byte[] ownPublic = P256.publicKey(own);
            byte[] ours = P256.ecdh(own, encode((ECPublicKey) jca.getPublic()));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(jca.getPrivate());
            ka.doPhase(publicKey(ownPublic, ((ECPublicKey) jca.getPublic()).getParams()), true);
            assertArrayEquals(ka.generateSecret(), ours, "round " + i);
        }
    }

    @Test
    void publicKeyOfAJcaPrivateKeyIsTheJcas() throws Exception {
        KeyPairGenerator kpg = generator();
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair jca = kpg.generateKeyPair();
            byte[] d = scalar((ECPrivateKey) jca.getPrivate());
            assertArrayEquals(encode((ECPublicKey) jca.getPublic()), P256.publicKey(d), "round " + i);
        }
    }

    @Test
    void jcaVerifiesOurSignaturesAndRejectsTamperedOnes() throws Exception {
        KeyPairGenerator kpg = generator();
        Random messages = new Random(256);
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair jca = kpg.generateKeyPair();
            byte[] message = new byte[messages.nextInt(200)];
            messages.nextBytes(message);
            byte[] hedge = new byte[32];
            random.nextBytes(hedge);
            byte[] sig = P256Ecdsa.sign(scalar((ECPrivateKey) jca.getPrivate()), P256WycheproofTest.sha256(message), hedge);
            assertTrue(jcaVerify(jca.getPublic(), message, sig), "round " + i);
            byte[] tampered = sig.clone();
            tampered[tampered.length - 1 - messages.nextInt(30)] ^= (byte) (1 << messages.nextInt(8));
            assertFalse(jcaVerify(jca.getPublic(), message, tampered), "tampered, round " + i);
        }
    }

    @Test
    void weVerifyTheJcasSignaturesAndRejectTamperedOnes() throws Exception {
        KeyPairGenerator kpg = generator();
        Random messages = new Random(6979);
        for (int i = 0; i < ROUNDS; i++) {
            KeyPair jca = kpg.generateKeyPair();
            byte[] message = new byte[1 + messages.nextInt(200)];
            messages.nextBytes(message);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(jca.getPrivate(), random);
            s.update(message);
            byte[] sig = s.sign();
            byte[] point = encode((ECPublicKey) jca.getPublic());
            assertTrue(P256Ecdsa.verify(point, P256WycheproofTest.sha256(message), sig), "round " + i);
            byte[] otherMessage = message.clone();
            otherMessage[messages.nextInt(message.length)] ^= 1;
            assertFalse(P256Ecdsa.verify(point, P256WycheproofTest.sha256(otherMessage), sig), "other message " + i);
            byte[] tampered = sig.clone();
            tampered[tampered.length - 1 - messages.nextInt(30)] ^= (byte) (1 << messages.nextInt(8));
            assertFalse(P256Ecdsa.verify(point, P256WycheproofTest.sha256(message), tampered), "tampered " + i);
        }
    }

    private KeyPairGenerator generator() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"), random);
        return kpg;
    }

    private static boolean jcaVerify(PublicKey key, byte[] message, byte[] sig) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(key);
        s.update(message);
        try {
            return s.verify(sig);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }

    private static byte[] scalar(ECPrivateKey key) {
        return P256WycheproofTest.fixed32(key.getS());
    }

    private static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(P256WycheproofTest.fixed32(key.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(P256WycheproofTest.fixed32(key.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    private static PublicKey publicKey(byte[] point, ECParameterSpec params) throws Exception {
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }
}
