package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.p256.P256Ecdsa;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/**
 * secp256r1 key shares are the own P-256's and agree with the JCA's ECDH; ecdsa_secp256r1_sha256 through {@link SignatureSchemes} runs on the own P-256 (OwnCrypto is on in
 * tests): the signature is exactly the own one for the same hedge, for a key read through
 * {@link ECPrivateKey#getS()} or through its PKCS#8 encoding, and the JCA accepts it.
 */
class OwnP256WiringTest {
    private static final SignatureScheme SCHEME = SignatureScheme.ECDSA_SECP256R1_SHA256;
    private static final byte[] CONTENT = SignatureSchemes.certificateVerifyContent(true, new byte[32]);

    @Test
    void secp256r1KeyShareIsTheOwnAndAgreesWithTheJca() throws Exception {
        ClientKeyShare client = KeyExchanges.of(NamedGroup.SECP256R1).start(new SecureRandom());
        assertInstanceOf(P256KeyShare.class, client);
        KeyPair server = keyPair();
        ECPoint w = ((ECPublicKey) server.getPublic()).getW();
        byte[] serverShare = new byte[65];
        serverShare[0] = 4;
        System.arraycopy(fixed32(w.getAffineX()), 0, serverShare, 1, 32);
        System.arraycopy(fixed32(w.getAffineY()), 0, serverShare, 33, 32);
        byte[] clientPoint = client.keyShare().toByteArray();
        ECPoint clientW = new ECPoint(new BigInteger(1, Arrays.copyOfRange(clientPoint, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(clientPoint, 33, 65)));
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(server.getPrivate());
        ka.doPhase(KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(clientW, ((ECPublicKey) server.getPublic()).getParams())), true);
        assertArrayEquals(ka.generateSecret(), client.finish(Bytes.wrap(serverShare)));
    }

    @Test
    void signsWithTheOwnP256AndTheJcaVerifies() throws Exception {
        KeyPair kp = keyPair();
        byte[] signature = SignatureSchemes.sign(SCHEME, kp.getPrivate(), CONTENT, seeded());
        assertArrayEquals(ownSignature((ECPrivateKey) kp.getPrivate()), signature);
        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initVerify(kp.getPublic());
        jca.update(CONTENT);
        assertTrue(jca.verify(signature));
    }

    @Test
    void readsAKeyThatOnlyHasItsPkcs8Encoding() throws Exception {
        KeyPair kp = keyPair();
        PrivateKey opaque = new EncodedOnlyKey((ECPrivateKey) kp.getPrivate());
        assertTrue(SignatureSchemes.canSign(SCHEME, opaque));
        byte[] signature = SignatureSchemes.sign(SCHEME, opaque, CONTENT, seeded());
        assertArrayEquals(ownSignature((ECPrivateKey) kp.getPrivate()), signature);
    }

    @Test
    void verifiesTheJcasSignatureAndRejectsAnotherContent() throws Exception {
        KeyPair kp = keyPair();
        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initSign(kp.getPrivate());
        jca.update(CONTENT);
        byte[] signature = jca.sign();
        assertTrue(SignatureSchemes.verify(SCHEME, kp.getPublic(), CONTENT, signature));
        byte[] client = SignatureSchemes.certificateVerifyContent(false, new byte[32]);
        assertFalse(SignatureSchemes.verify(SCHEME, kp.getPublic(), client, signature));
        assertFalse(SignatureSchemes.verify(SCHEME, kp.getPublic(), CONTENT, new byte[] {0x30, 0}));
    }

    private static byte[] ownSignature(ECPrivateKey key) throws Exception {
        byte[] hedge = new byte[32];
        seeded().nextBytes(hedge);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(CONTENT);
        return P256Ecdsa.sign(fixed32(key.getS()), hash, hedge);
    }

    private static SecureRandom seeded() throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed("p256 hedge".getBytes(StandardCharsets.US_ASCII));
        return r;
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        return kpg.generateKeyPair();
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, out, 32 - len, len);
        return out;
    }

    /** An EC key that is not an ECPrivateKey: only its parameters and its PKCS#8 encoding show. */
    private record EncodedOnlyKey(ECPrivateKey inner) implements PrivateKey, ECKey {
        private static final long serialVersionUID = 1L;

        @Override
        public String getAlgorithm() {
            return "EC";
        }

        @Override
        public String getFormat() {
            return "PKCS#8";
        }

        @Override
        public byte[] getEncoded() {
            return inner.getEncoded();
        }

        @Override
        public ECParameterSpec getParams() {
            return inner.getParams();
        }

        @Override
        public String toString() {
            return "EncodedOnlyKey";
        }
    }
}
