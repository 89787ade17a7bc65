package dev.padlock.crypto.curve25519;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Wycheproof;
import dev.padlock.testing.Wycheproof.Result;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** X25519 against RFC 7748's vectors, every Wycheproof vector, and the JDK's XDH. */
class X25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7748Section52ScalarMultiplications() {
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552", HEX.formatHex(
                X25519.scalarMult(hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                        hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))));
        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957", HEX.formatHex(
                X25519.scalarMult(hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                        hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))));
    }

    /** RFC 7748 §5.2: k = u = 9, then k ← X25519(k, u), u ← old k, after one and 1,000 rounds. */
    @Test
    void rfc7748Section52IteratedThousandTimes() {
        byte[] k = new byte[32];
        k[0] = 9;
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = X25519.scalarMult(k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertEquals("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", HEX.formatHex(k));
            }
        }
        assertEquals("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", HEX.formatHex(k));
    }

    /** RFC 7748 §6.1: Alice's and Bob's public keys and their shared secret. */
    @Test
    void rfc7748Section61DiffieHellman() {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        byte[] alicePublic = X25519.publicKey(alice);
        byte[] bobPublic = X25519.publicKey(bob);
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", HEX.formatHex(alicePublic));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", HEX.formatHex(bobPublic));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, HEX.formatHex(X25519.scalarMult(alice, bobPublic)));
        assertEquals(shared, HEX.formatHex(X25519.scalarMult(bob, alicePublic)));
    }

    /**
     * Every x25519_test.json case: "valid" and "acceptable" alike give the file's shared value
     * (acceptable ones are low-order or non-canonical u, or an all-zero result, which RFC 7748
     * computes and leaves to the protocol to refuse; XdhKeyExchangeOwnTest holds that refusal).
     */
    @Test
    void everyWycheproofVectorGivesItsSharedValue() throws Exception {
        List<Wycheproof.Case> cases = Wycheproof.cases("x25519_test.json");
        int zeros = 0;
        for (Wycheproof.Case c : cases) {
            assertTrue(List.of(Result.VALID, Result.ACCEPTABLE).contains(c.result()), c::toString);
            byte[] shared = X25519.scalarMult(c.hex("private"), c.hex("public"));
            assertArrayEquals(c.hex("shared"), shared, c::toString);
            if (c.flags().contains("ZeroSharedSecret")) {
                zeros++;
                assertArrayEquals(new byte[32], shared, c::toString);
            }
        }
        assertEquals(518, cases.size());
        assertTrue(zeros > 0);
    }

    /** Two hundred random key pairs: ours and the JDK's XDH agree, each computing with the other's key. */
    @Test
    void agreesWithJcaBothWaysOnRandomKeys() throws Exception {
        Random random = new Random(25519);
        KeyFactory kf = KeyFactory.getInstance("XDH");
        for (int i = 0; i < 200; i++) {
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            random.nextBytes(a);
            random.nextBytes(b);
            byte[] aPublic = X25519.publicKey(a);
            byte[] bPublic = X25519.publicKey(b);
            PrivateKey bJca = kf.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, b));
            PublicKey aJca = kf.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(aPublic)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(bJca);
            ka.doPhase(aJca, true);
            byte[] jca = ka.generateSecret();
            assertArrayEquals(jca, X25519.scalarMult(a, bPublic), "ours(a, B) = JCA(b, A), round " + i);
            assertArrayEquals(jca, X25519.scalarMult(b, aPublic), "ours(b, A) = JCA(b, A), round " + i);
        }
    }

    /** The public key by the Edwards base-point table equals the ladder's X25519(k, 9). */
    @Test
    void publicKeyByEdwardsTableEqualsTheLadders() {
        Random random = new Random(7748);
        for (int i = 0; i < 300; i++) {
            byte[] k = new byte[32];
            random.nextBytes(k);
            if (i < 2) {
                java.util.Arrays.fill(k, (byte) (i == 0 ? 0 : 0xFF));
            }
            assertArrayEquals(X25519.publicKeyByLadder(k), X25519.publicKey(k), "round " + i);
        }
    }

    private static BigInteger u(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }
}
