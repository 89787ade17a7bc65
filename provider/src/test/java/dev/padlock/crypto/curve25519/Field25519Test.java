package dev.padlock.crypto.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The limb arithmetic against BigInteger modulo 2^255 - 19, at the edges of its bounds too. */
class Field25519Test {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final int[] OFFSETS = {0, 26, 51, 77, 102, 128, 153, 179, 204, 230};

    @Test
    void mulSquareAndInvertMatchBigIntegerOnRandomAndExtremeLimbs() {
        Random random = new Random(19);
        for (int round = 0; round < 2000; round++) {
            int[] f = limbs(random, round);
            int[] g = limbs(random, round + 1);
            int[] h = Field25519.create();
            Field25519.mul(h, f, g);
            assertEquals(value(f).multiply(value(g)).mod(P), canonical(h), "mul, round " + round);
            assertBound(h);
            Field25519.square(h, f);
            assertEquals(value(f).pow(2).mod(P), canonical(h), "square, round " + round);
            assertBound(h);
            if (round % 50 == 0) {
                Field25519.invert(h, f);
                BigInteger v = value(f).mod(P);
                assertEquals(v.signum() == 0 ? BigInteger.ZERO : v.modInverse(P), canonical(h), "invert " + round);
            }
        }
    }

    @Test
    void toBytesIsCanonicalAroundP() {
        for (long delta = -40; delta <= 40; delta++) {
            BigInteger v = P.add(BigInteger.valueOf(delta));
            if (v.bitLength() > 255) {
                continue;
            }
            int[] f = Field25519.create();
            Field25519.fromBytes(f, le(v), 0);
            assertEquals(v.mod(P), canonical(f), "p + " + delta);
            int[] negated = Field25519.create();
            Field25519.neg(negated, f);
            assertEquals(v.negate().mod(P), canonical(negated), "-(p + " + delta + ")");
        }
        assertEquals(1, Field25519.isZero(Field25519.create()));
        int[] p = Field25519.create();
        Field25519.fromBytes(p, le(P), 0);
        assertEquals(1, Field25519.isZero(p));
        assertEquals(0, Field25519.isZero(Field25519.of(1)));
    }

    /** Limbs up to four times a reduced element's bound, signed, the extremes in some rounds. */
    private static int[] limbs(Random random, int round) {
        int[] f = Field25519.create();
        for (int i = 0; i < 10; i++) {
            int bound = (i % 2 == 0 ? 1 << 27 : 1 << 26) - 64;
            f[i] = switch (round % 4) {
                case 0 -> bound;
                case 1 -> -bound;
                default -> random.nextInt(2 * bound + 1) - bound;
            };
        }
        return f;
    }

    private static void assertBound(int[] h) {
        for (int i = 0; i < 10; i++) {
            int bound = (i % 2 == 0 ? 1 << 25 : 1 << 24) + 64;
            assertEquals(true, Math.abs(h[i]) <= bound, "limb " + i + " = " + h[i]);
        }
    }

    private static BigInteger value(int[] f) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < 10; i++) {
            v = v.add(BigInteger.valueOf(f[i]).shiftLeft(OFFSETS[i]));
        }
        return v;
    }

    private static BigInteger canonical(int[] f) {
        byte[] le = Field25519.toBytes(f);
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] le(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
