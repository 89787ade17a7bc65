package dev.padlock.crypto.mlkem;

import static dev.padlock.crypto.mlkem.Ntt.N;
import static dev.padlock.crypto.mlkem.Ntt.Q;

/** SampleNTT and SamplePolyCBD_2 (FIPS 203 Algorithms 7 and 8). */
final class Sampling {
    private Sampling() {
    }

    /**
     * The matrix Â (FIPS 203 Algorithm 13 lines 3-7, Algorithm 14 lines 4-8) from the public seed
     * ρ: Â[i][j] = SampleNTT(ρ ‖ j ‖ i), or its transpose.
     */
    static int[][][] matrix(byte[] rho, int k, boolean transposed) {
        int[][][] a = new int[k][k][];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = transposed ? sampleNtt(rho, i, j) : sampleNtt(rho, j, i);
            }
        }
        return a;
    }

    /**
     * FIPS 203 Algorithm 7: uniform coefficients by rejection from SHAKE128(ρ ‖ x ‖ y). The loop
     * runs a data-dependent number of times and branches on each candidate, which is safe because
     * its input is ρ, public in the encapsulation key: timing reveals nothing secret.
     */
    static int[] sampleNtt(byte[] rho, int x, int y) {
        Keccak xof = Keccak.shake128(rho, new byte[] {(byte) x, (byte) y});
        int[] a = new int[N];
        byte[] block = new byte[Keccak.SHAKE128_RATE];
        int j = 0;
        while (j < N) {
            xof.squeeze(block, 0, block.length);
            for (int p = 0; p + 3 <= block.length && j < N; p += 3) {
                int b0 = block[p] & 0xFF;
                int b1 = block[p + 1] & 0xFF;
                int b2 = block[p + 2] & 0xFF;
                int d1 = b0 | ((b1 & 0x0F) << 8);
                int d2 = (b1 >>> 4) | (b2 << 4);
                if (d1 < Q) {
                    a[j++] = d1;
                }
                if (d2 < Q && j < N) {
                    a[j++] = d2;
                }
            }
        }
        return a;
    }

    /**
     * FIPS 203 Algorithm 8 for η = 2 on PRF_2(s, b) = SHAKE256(s ‖ b, 128 bytes): each coefficient
     * is (a0 + a1) - (b0 + b1) of four consecutive bits, counted with masks and shifts, so no
     * branch or index depends on the secret bits.
     */
    static int[] cbd2(byte[] seed, int nonce) {
        byte[] buf = Keccak.shake256(128, seed, new byte[] {(byte) nonce});
        int[] f = new int[N];
        for (int i = 0; i < N / 8; i++) {
            int t = (buf[4 * i] & 0xFF) | (buf[4 * i + 1] & 0xFF) << 8
                    | (buf[4 * i + 2] & 0xFF) << 16 | (buf[4 * i + 3] & 0xFF) << 24;
            int d = (t & 0x55555555) + ((t >>> 1) & 0x55555555);
            for (int j = 0; j < 8; j++) {
                int a = (d >>> (4 * j)) & 0x3;
                int b = (d >>> (4 * j + 2)) & 0x3;
                f[8 * i + j] = a - b;
            }
        }
        java.util.Arrays.fill(buf, (byte) 0);
        return f;
    }
}
