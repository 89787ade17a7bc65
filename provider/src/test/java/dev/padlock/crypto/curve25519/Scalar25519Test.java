package dev.padlock.crypto.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Arithmetic modulo L against BigInteger, the extremes included. */
class Scalar25519Test {
    private static final BigInteger L = Scalar25519.ORDER;

    @Test
    void orderIsRfc8032s() {
        assertEquals(new BigInteger("7237005577332262213973186563042994240857116359379907606001950938285454250989"), L);
    }

    @Test
    void reduceMatchesBigIntegerForRandomAndExtremeWideValues() {
        Random random = new Random(252);
        for (int round = 0; round < 3000; round++) {
            byte[] wide = new byte[64];
            switch (round) {
                case 0 -> Arrays.fill(wide, (byte) 0xFF);
                case 1 -> { }
                case 2 -> System.arraycopy(le(L, 32), 0, wide, 0, 32);
                case 3 -> System.arraycopy(le(L.subtract(BigInteger.ONE), 32), 0, wide, 0, 32);
                case 4 -> System.arraycopy(le(L.shiftLeft(1), 33), 0, wide, 0, 33);
                case 5 -> wide = le(L.multiply(L).multiply(BigInteger.valueOf(round)), 64);
                default -> random.nextBytes(wide);
            }
            assertEquals(value(wide).mod(L), value(Scalar25519.reduce(wide)), "round " + round);
        }
    }

    @Test
    void mulAddMatchesBigInteger() {
        Random random = new Random(6);
        for (int round = 0; round < 3000; round++) {
            byte[] a = round == 0 ? le(L.subtract(BigInteger.ONE), 32) : scalar(random);
            byte[] b = round == 0 ? le(L.subtract(BigInteger.ONE), 32) : scalar(random);
            byte[] c = round == 0 ? le(L.subtract(BigInteger.ONE), 32) : scalar(random);
            if (round == 1) {
                Arrays.fill(a, (byte) 0xFF);
                Arrays.fill(b, (byte) 0xFF);
                Arrays.fill(c, (byte) 0xFF);
            }
            BigInteger want = value(a).multiply(value(b)).add(value(c)).mod(L);
            assertEquals(want, value(Scalar25519.mulAdd(a, b, c)), "round " + round);
        }
    }

    @Test
    void canonicalMeansBelowL() {
        assertTrue(Scalar25519.isCanonical(le(L.subtract(BigInteger.ONE), 32), 0));
        assertTrue(Scalar25519.isCanonical(new byte[32], 0));
        assertFalse(Scalar25519.isCanonical(le(L, 32), 0));
        assertFalse(Scalar25519.isCanonical(le(L.add(BigInteger.ONE), 32), 0));
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xFF);
        assertFalse(Scalar25519.isCanonical(max, 0));
    }

    private static byte[] scalar(Random random) {
        byte[] s = new byte[32];
        random.nextBytes(s);
        return s;
    }

    private static BigInteger value(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] le(BigInteger v, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
