package dev.padlock.crypto.p256;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6979 §A.2.5, ECDSA on P-256 with SHA-256: the deterministic nonce and signature, unhedged. */
class Rfc6979Test {
    private static final byte[] PRIVATE_KEY = P256WycheproofTest.scalar32(
            "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
    private static final String UX = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private static final String UY = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
    private static final byte[] NO_HEDGE = new byte[0];

    @Test
    void publicKeyIsTheRfcsU() {
        assertEquals("04" + UX + UY, P256WycheproofTest.hex(P256.publicKey(PRIVATE_KEY)));
    }

    @Test
    void sampleWithSha256() throws Exception {
        assertNonceAndSignature("sample",
                "a6e3c57dd01abe90086538398355dd4c3b17aa873382b0f24d6129493d8aad60",
                "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
                "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8");
    }

    @Test
    void testWithSha256() throws Exception {
        assertNonceAndSignature("test",
                "d16b6ae827f17175e040871a1c7ec3500192c4c92677336ec2537acaee0008e0",
                "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
                "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083");
    }

    @Test
    void hedgedNonceDiffersFromTheDeterministicOneAndStillVerifies() throws Exception {
        byte[] hash = P256WycheproofTest.sha256("sample".getBytes(StandardCharsets.US_ASCII));
        byte[] deterministic = P256Ecdsa.sign(PRIVATE_KEY, hash, NO_HEDGE);
        byte[] hedged = P256Ecdsa.sign(PRIVATE_KEY, hash, new byte[32]);
        assertFalse(java.util.Arrays.equals(deterministic, hedged));
        assertNotEquals(P256WycheproofTest.hex(deterministic), P256WycheproofTest.hex(hedged));
        assertEquals(true, P256Ecdsa.verify(P256.publicKey(PRIVATE_KEY), hash, hedged));
    }

    private static void assertNonceAndSignature(String message, String k, String r, String s) throws Exception {
        byte[] hash = P256WycheproofTest.sha256(message.getBytes(StandardCharsets.US_ASCII));
        byte[] h1 = new byte[32];
        Mont.toBytes(P256Ecdsa.hashToScalar(hash), h1, 0);
        int[] nonce = new Rfc6979(PRIVATE_KEY, h1, NO_HEDGE).next();
        assertEquals(new BigInteger(k, 16), Mont.toBigInteger(nonce), "k");
        byte[] der = P256Ecdsa.sign(PRIVATE_KEY, hash, NO_HEDGE);
        EcdsaDer.Signature sig = EcdsaDer.decode(der).orElseThrow();
        assertEquals(new BigInteger(r, 16), sig.r(), "r");
        assertEquals(new BigInteger(s, 16), sig.s(), "s");
        assertArrayEquals(der, EcdsaDer.encode(P256WycheproofTest.fixed32(sig.r()), P256WycheproofTest.fixed32(sig.s())));
    }
}
