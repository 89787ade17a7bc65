package dev.padlock.crypto.mlkem;

/**
 * Keccak-f[1600] and its sponge (FIPS 202): SHA3-256, SHA3-512, SHAKE128 and SHAKE256, the four
 * functions ML-KEM uses (FIPS 203 §4.1). Own code because JDK 17 has no SHAKE MessageDigest, and
 * because the JCA look-up costs more than hashing ML-KEM's short inputs. The permutation has no
 * data-dependent branch or index, so hashing secrets (d, z, m, σ) is constant time.
 *
 * <p>An instance absorbs everything in one call and is then squeezed, in as many calls as
 * needed: SampleNTT (FIPS 203 Algorithm 7) reads SHAKE128 output block by block.
 */
final class Keccak {
    private static final long[] ROUND_CONSTANTS = roundConstants();
    private static final int[] ROTATIONS = rotations();
    static final int SHAKE128_RATE = 168;
    static final int SHAKE256_RATE = 136;

    private static final byte SHA3_SUFFIX = 0x06;
    private static final byte SHAKE_SUFFIX = 0x1F;

    private final long[] state = new long[25];
    private final int rate;
    private int squeezed;

    private Keccak(int rate) {
        this.rate = rate;
    }

    static byte[] sha3_256(byte[]... parts) {
        return digest(136, SHA3_SUFFIX, 32, parts);
    }

    static byte[] sha3_512(byte[]... parts) {
        return digest(72, SHA3_SUFFIX, 64, parts);
    }

    static byte[] shake256(int outputLength, byte[]... parts) {
        return digest(SHAKE256_RATE, SHAKE_SUFFIX, outputLength, parts);
    }

    /** A SHAKE128 sponge that has absorbed {@code parts}, ready to {@link #squeeze}. */
    static Keccak shake128(byte[]... parts) {
        Keccak k = new Keccak(SHAKE128_RATE);
        k.absorb(parts, SHAKE_SUFFIX);
        return k;
    }

    private static byte[] digest(int rate, byte suffix, int outputLength, byte[][] parts) {
        Keccak k = new Keccak(rate);
        k.absorb(parts, suffix);
        byte[] out = new byte[outputLength];
        k.squeeze(out, 0, outputLength);
        k.erase();
        return out;
    }

    private void absorb(byte[][] parts, byte suffix) {
        int pos = 0;
        for (byte[] part : parts) {
            for (byte b : part) {
                xorByte(pos++, b);
                if (pos == rate) {
                    permute(state);
                    pos = 0;
                }
            }
        }
        // FIPS 202 §5.1 pad10*1, after the domain bits of the suffix (§6.1, §6.2).
        xorByte(pos, suffix);
        xorByte(rate - 1, (byte) 0x80);
        permute(state);
        squeezed = 0;
    }

    /** The next {@code length} bytes of output. */
    void squeeze(byte[] out, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (squeezed == rate) {
                permute(state);
                squeezed = 0;
            }
            out[offset + i] = (byte) (state[squeezed >>> 3] >>> ((squeezed & 7) << 3));
            squeezed++;
        }
    }

    void erase() {
        java.util.Arrays.fill(state, 0L);
    }

    private void xorByte(int pos, byte b) {
        state[pos >>> 3] ^= (b & 0xFFL) << ((pos & 7) << 3);
    }

    /** Keccak-f[1600] (FIPS 202 §3.3): 24 rounds of θ, ρ, π, χ, ι on lanes indexed x + 5y. */
    static void permute(long[] a) {
        long[] c = new long[5];
        long[] b = new long[25];
        for (int round = 0; round < 24; round++) {
            for (int x = 0; x < 5; x++) {
                c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
            }
            for (int x = 0; x < 5; x++) {
                long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
                for (int y = 0; y < 25; y += 5) {
                    a[x + y] ^= d;
                }
            }
            // ρ and π: lane (x, y) rotates and moves to (y, 2x + 3y).
            for (int x = 0; x < 5; x++) {
                for (int y = 0; y < 5; y++) {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[x + 5 * y], ROTATIONS[x + 5 * y]);
                }
            }
            for (int y = 0; y < 25; y += 5) {
                for (int x = 0; x < 5; x++) {
                    a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
                }
            }
            a[0] ^= ROUND_CONSTANTS[round];
        }
    }

    /** FIPS 202 §3.2.2: the offsets of ρ, walking (x, y) → (y, 2x + 3y) from (1, 0). */
    private static int[] rotations() {
        int[] r = new int[25];
        int x = 1;
        int y = 0;
        for (int t = 0; t < 24; t++) {
            r[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
            int nx = y;
            y = (2 * x + 3 * y) % 5;
            x = nx;
        }
        return r;
    }

    /** FIPS 202 §3.2.5: ι's constants from the degree-8 LFSR rc(t). */
    private static long[] roundConstants() {
        long[] rc = new long[24];
        int lfsr = 1;
        for (int round = 0; round < 24; round++) {
            long constant = 0;
            for (int j = 0; j < 7; j++) {
                if ((lfsr & 1) != 0) {
                    constant |= 1L << ((1 << j) - 1);
                }
                lfsr = (lfsr & 0x80) != 0 ? ((lfsr << 1) ^ 0x71) & 0xFF : lfsr << 1;
            }
            rc[round] = constant;
        }
        return rc;
    }
}
