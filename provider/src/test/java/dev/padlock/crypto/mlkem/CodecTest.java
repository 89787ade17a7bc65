package dev.padlock.crypto.mlkem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Compression's division-free rounding, exhaustively, and the NTT against schoolbook multiplication. */
class CodecTest {

    @Test
    void compressRoundsExactlyForEveryCoefficientAndWidth() {
        for (int d : new int[] {1, 4, 10, 11}) {
            for (int x = 0; x < Ntt.Q; x++) {
                int[] f = new int[Ntt.N];
                f[0] = x;
                Codec.compress(f, d);
                // round(2^d · x / q) mod 2^d, in integers: floor((2^(d+1) · x + q) / 2q)
                int expected = (int) ((((long) x << (d + 1)) + Ntt.Q) / (2L * Ntt.Q)) & ((1 << d) - 1);
                assertEquals(expected, f[0], "d=" + d + " x=" + x);
            }
        }
    }

    @Test
    void encodeThenDecodeIsIdentityForEveryWidth() {
        Random random = new Random(12);
        for (int d : new int[] {1, 4, 10, 12}) {
            int[] f = new int[Ntt.N];
            for (int i = 0; i < f.length; i++) {
                f[i] = random.nextInt(1 << d);
            }
            byte[] bytes = new byte[32 * d];
            Codec.encode(f, d, bytes, 0);
            assertArrayEquals(f, Codec.decode(bytes, 0, d), "d=" + d);
        }
    }

    @Test
    void nttProductIsTheNegacyclicProduct() {
        Random random = new Random(3329);
        int[] a = new int[Ntt.N];
        int[] b = new int[Ntt.N];
        for (int i = 0; i < Ntt.N; i++) {
            a[i] = random.nextInt(Ntt.Q);
            b[i] = random.nextInt(5) - 2;
        }
        long[] expected = new long[Ntt.N];
        for (int i = 0; i < Ntt.N; i++) {
            for (int j = 0; j < Ntt.N; j++) {
                long p = (long) a[i] * b[j];
                int k = i + j;
                // X^256 = -1 in R_q
                expected[k % Ntt.N] += k < Ntt.N ? p : -p;
            }
        }
        int[] aHat = a.clone();
        int[] bHat = b.clone();
        Ntt.ntt(aHat);
        Ntt.ntt(bHat);
        int[] product = new int[Ntt.N];
        Ntt.multiplyAccumulate(product, new int[][] {aHat}, new int[][] {bHat});
        Ntt.inverseNttToMontgomery(product);
        Codec.toUnsigned(product);
        for (int i = 0; i < Ntt.N; i++) {
            assertEquals(Math.floorMod(expected[i], Ntt.Q), product[i], "coefficient " + i);
        }
    }
}
