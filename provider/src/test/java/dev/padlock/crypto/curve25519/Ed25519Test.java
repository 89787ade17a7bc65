package dev.padlock.crypto.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Wycheproof;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Ed25519 against RFC 8032 §7.1, every Wycheproof vector, and the JDK's SunEC. */
class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 §7.1: TEST 1, 2, 3 and SHA(abc): secret key, public key, message, signature. */
    private static final List<String[]> RFC8032 = List.of(
            new String[] {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
            new String[] {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
            new String[] {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                    + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
            new String[] {"833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
                "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                    + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
                    + "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"});

    @Test
    void rfc8032Section71PublicKeysSignaturesAndVerification() {
        for (String[] v : RFC8032) {
            byte[] secret = HEX.parseHex(v[0]);
            byte[] message = HEX.parseHex(v[2]);
            assertEquals(v[1], HEX.formatHex(Ed25519.publicKey(secret)), "PUBLIC KEY of " + v[0]);
            assertEquals(v[3], HEX.formatHex(Ed25519.sign(secret, message)), "SIGNATURE of " + v[0]);
            assertTrue(Ed25519.verify(HEX.parseHex(v[1]), message, HEX.parseHex(v[3])), v[0]);
        }
    }

    /**
     * Every ed25519_test.json case verifies exactly when the file says "valid" (it has no
     * "acceptable" ones): wrong lengths, S ≥ L (malleability), non-canonical or undecodable
     * keys and R, and tampered signatures are all refused. SunEC gives the same answers but for
     * one (below).
     */
    @Test
    void everyWycheproofVectorHasItsExpectedResult() throws Exception {
        List<Wycheproof.Case> cases = Wycheproof.cases("ed25519_test.json");
        int valid = 0;
        Set<Integer> sunEcDiffers = new TreeSet<>();
        for (Wycheproof.Case c : cases) {
            String pk = c.group().string("publicKey", "pk");
            boolean expected = switch (c.result()) {
                case VALID -> true;
                case INVALID -> false;
                case ACCEPTABLE -> throw new AssertionError("unexpected result " + c);
            };
            assertEquals(expected, Ed25519.verify(HEX.parseHex(pk), c.hex("msg"), c.hex("sig")), c::toString);
            if (expected != jcaVerifies(jcaKey(pk), c.hex("msg"), c.hex("sig"))) {
                sunEcDiffers.add(c.tcId());
            }
            valid += expected ? 1 : 0;
        }
        assertEquals(88, valid);
        assertEquals(151, cases.size());
        // SunEC (JDK 17) accepts tcId 37, a valid signature with a zero byte appended: it reads S
        // from all the bytes after R. We refuse it, as Wycheproof and RFC 8032 §5.1.7 (64 bytes) say.
        assertTrue(Set.of(37).containsAll(sunEcDiffers), "SunEC differs on " + sunEcDiffers);
    }

    /**
     * Ed25519 is deterministic, so the JDK's signature from the same private key must be ours byte
     * for byte; each side verifies the other's, and one flipped bit fails on both.
     */
    @Test
    void sameSignaturesAsJcaAndEachVerifiesTheOther() throws Exception {
        Random random = new Random(8032);
        KeyFactory kf = KeyFactory.getInstance("Ed25519");
        for (int i = 0; i < 100; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(message);
            byte[] publicKey = Ed25519.publicKey(seed);
            PrivateKey jcaPrivate = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
            PublicKey jcaPublic = kf.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(publicKey)));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(jcaPrivate);
            signer.update(message);
            byte[] jcaSignature = signer.sign();
            byte[] ours = Ed25519.sign(seed, message);
            assertArrayEquals(jcaSignature, ours, "round " + i);
            assertTrue(jcaVerifies(jcaPublic, message, ours), "JCA verifies ours, round " + i);
            assertTrue(Ed25519.verify(publicKey, message, jcaSignature), "we verify the JCA's, round " + i);
            byte[] tampered = ours.clone();
            int bit = random.nextInt(512);
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(jcaVerifies(jcaPublic, message, tampered), "JCA refuses bit " + bit + ", round " + i);
            assertFalse(Ed25519.verify(publicKey, message, tampered), "we refuse bit " + bit + ", round " + i);
        }
    }

    @Test
    void malformedInputIsInvalidNotAnException() {
        byte[] secret = HEX.parseHex(RFC8032.get(0)[0]);
        byte[] publicKey = Ed25519.publicKey(secret);
        byte[] signature = Ed25519.sign(secret, new byte[0]);
        assertFalse(Ed25519.verify(publicKey, new byte[0], Arrays.copyOf(signature, 63)));
        assertFalse(Ed25519.verify(Arrays.copyOf(publicKey, 31), new byte[0], signature));
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;  // y = 2: (y² − 1)/(d·y² + 1) is not a square
        assertFalse(Ed25519.verify(notAPoint, new byte[0], signature));
        byte[] sPlusL = signature.clone();
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] bigger = le(new BigInteger(1, be(s)).add(Scalar25519.ORDER));
        System.arraycopy(bigger, 0, sPlusL, 32, 32);
        assertFalse(Ed25519.verify(publicKey, new byte[0], sPlusL), "S + L is the same point but not canonical");
    }

    private static PublicKey jcaKey(String hex) throws Exception {
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(HEX.parseHex(hex))));
    }

    private static boolean jcaVerifies(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        try {
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        }
    }

    static EdECPoint point(byte[] encoded) {
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] y = encoded.clone();
        y[31] &= 0x7F;
        return new EdECPoint(xOdd, new BigInteger(1, be(y)));
    }

    static byte[] be(byte[] le) {
        byte[] out = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            out[i] = le[le.length - 1 - i];
        }
        return out;
    }

    static byte[] le(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
