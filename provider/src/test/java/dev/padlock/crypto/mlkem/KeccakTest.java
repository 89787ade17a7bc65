package dev.padlock.crypto.mlkem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sponge against the JDK's SHA3 and against published SHAKE outputs (FIPS 202 examples). */
class KeccakTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha3MatchesTheJdkAcrossBlockBoundaries() throws Exception {
        Random random = new Random(203);
        for (int length = 0; length < 300; length += 7) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] a = java.util.Arrays.copyOf(data, length / 3);
            byte[] b = java.util.Arrays.copyOfRange(data, length / 3, length);
            assertArrayEquals(MessageDigest.getInstance("SHA3-256").digest(data), Keccak.sha3_256(a, b), "length " + length);
            assertArrayEquals(MessageDigest.getInstance("SHA3-512").digest(data), Keccak.sha3_512(a, b), "length " + length);
        }
    }

    @Test
    void shakeOfTheEmptyStringIsThePublishedValue() {
        assertEquals("7f9c2ba4e88f827d616045507605853ed73b8093f6efbc88eb1a6eacfa66ef26", HEX.formatHex(squeeze128(new byte[0], 32)));
        assertEquals("46b9dd2b0ba88d13233b3feb743eeb243fcd52ea62b81b82b50c27646ed5762f"
                + "d75dc4ddd8c0f200cb05019d67b592f6fc821c49479ab48640292eacb3b7c4be", HEX.formatHex(Keccak.shake256(64)));
    }

    @Test
    void shakeOfALongInputSqueezedInPiecesIsOneStream() {
        byte[] m = new byte[400];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i % 200);
        }
        // Python's hashlib (OpenSSL's Keccak) on the same 400 bytes.
        assertEquals("692491dfff4f023bb0151a5d3a17073c240085b1bf1c300869760a4cff38f0e0188d1982c422761e",
                HEX.formatHex(squeeze128(m, 40)));
        assertEquals("093026f3e900150c9413c28561ce1e63d325da45e0b35885e3b5ff68f0b2175c91712974208490ec",
                HEX.formatHex(Keccak.shake256(40, m)));
        Keccak whole = Keccak.shake128(m);
        byte[] once = new byte[500];
        whole.squeeze(once, 0, 500);
        Keccak pieces = Keccak.shake128(m);
        byte[] split = new byte[500];
        pieces.squeeze(split, 0, 1);
        pieces.squeeze(split, 1, 200);
        pieces.squeeze(split, 201, 299);
        assertArrayEquals(once, split);
    }

    private static byte[] squeeze128(byte[] m, int n) {
        byte[] out = new byte[n];
        Keccak.shake128(m).squeeze(out, 0, n);
        return out;
    }
}
