package dev.padlock.crypto.mlkem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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
    private static final VarHandle LITTLE_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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

    // Every rate is a multiple of 8, so a lane-aligned position always has a whole lane left.
    private void absorb(byte[][] parts, byte suffix) {
        int pos = 0;
        for (byte[] part : parts) {
            int i = 0;
            while (i < part.length) {
                if ((pos & 7) == 0 && part.length - i >= 8) {
                    state[pos >>> 3] ^= (long) LITTLE_ENDIAN.get(part, i);
                    i += 8;
                    pos += 8;
                } else {
                    xorByte(pos++, part[i++]);
                }
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
        int i = 0;
        while (i < length) {
            if (squeezed == rate) {
                permute(state);
                squeezed = 0;
            }
            if ((squeezed & 7) == 0 && length - i >= 8) {
                LITTLE_ENDIAN.set(out, offset + i, state[squeezed >>> 3]);
                i += 8;
                squeezed += 8;
            } else {
                out[offset + i++] = (byte) (state[squeezed >>> 3] >>> ((squeezed & 7) << 3));
                squeezed++;
            }
        }
    }

    void erase() {
        java.util.Arrays.fill(state, 0L);
    }

    private void xorByte(int pos, byte b) {
        state[pos >>> 3] ^= (b & 0xFFL) << ((pos & 7) << 3);
    }

    /**
     * Keccak-f[1600] (FIPS 202 §3.3): 24 rounds of θ, ρ, π, χ, ι on lanes a[x + 5y], unrolled over
     * the lanes: lane (x, y) moves to b[y + 5((2x + 3y) mod 5)] rotated by ρ's offset for (x, y)
     * (FIPS 202 §3.2.2, Table 2).
     */
    static void permute(long[] a) {
        long a00 = a[0];
        long a01 = a[1];
        long a02 = a[2];
        long a03 = a[3];
        long a04 = a[4];
        long a05 = a[5];
        long a06 = a[6];
        long a07 = a[7];
        long a08 = a[8];
        long a09 = a[9];
        long a10 = a[10];
        long a11 = a[11];
        long a12 = a[12];
        long a13 = a[13];
        long a14 = a[14];
        long a15 = a[15];
        long a16 = a[16];
        long a17 = a[17];
        long a18 = a[18];
        long a19 = a[19];
        long a20 = a[20];
        long a21 = a[21];
        long a22 = a[22];
        long a23 = a[23];
        long a24 = a[24];
        for (int round = 0; round < 24; round++) {
            long c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            long c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            long c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            long c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            long c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;
            long d0 = c4 ^ Long.rotateLeft(c1, 1);
            long d1 = c0 ^ Long.rotateLeft(c2, 1);
            long d2 = c1 ^ Long.rotateLeft(c3, 1);
            long d3 = c2 ^ Long.rotateLeft(c4, 1);
            long d4 = c3 ^ Long.rotateLeft(c0, 1);
            long b00 = a00 ^ d0;
            long b01 = Long.rotateLeft(a06 ^ d1, 44);
            long b02 = Long.rotateLeft(a12 ^ d2, 43);
            long b03 = Long.rotateLeft(a18 ^ d3, 21);
            long b04 = Long.rotateLeft(a24 ^ d4, 14);
            long b05 = Long.rotateLeft(a03 ^ d3, 28);
            long b06 = Long.rotateLeft(a09 ^ d4, 20);
            long b07 = Long.rotateLeft(a10 ^ d0, 3);
            long b08 = Long.rotateLeft(a16 ^ d1, 45);
            long b09 = Long.rotateLeft(a22 ^ d2, 61);
            long b10 = Long.rotateLeft(a01 ^ d1, 1);
            long b11 = Long.rotateLeft(a07 ^ d2, 6);
            long b12 = Long.rotateLeft(a13 ^ d3, 25);
            long b13 = Long.rotateLeft(a19 ^ d4, 8);
            long b14 = Long.rotateLeft(a20 ^ d0, 18);
            long b15 = Long.rotateLeft(a04 ^ d4, 27);
            long b16 = Long.rotateLeft(a05 ^ d0, 36);
            long b17 = Long.rotateLeft(a11 ^ d1, 10);
            long b18 = Long.rotateLeft(a17 ^ d2, 15);
            long b19 = Long.rotateLeft(a23 ^ d3, 56);
            long b20 = Long.rotateLeft(a02 ^ d2, 62);
            long b21 = Long.rotateLeft(a08 ^ d3, 55);
            long b22 = Long.rotateLeft(a14 ^ d4, 39);
            long b23 = Long.rotateLeft(a15 ^ d0, 41);
            long b24 = Long.rotateLeft(a21 ^ d1, 2);
            a00 = b00 ^ (~b01 & b02);
            a01 = b01 ^ (~b02 & b03);
            a02 = b02 ^ (~b03 & b04);
            a03 = b03 ^ (~b04 & b00);
            a04 = b04 ^ (~b00 & b01);
            a05 = b05 ^ (~b06 & b07);
            a06 = b06 ^ (~b07 & b08);
            a07 = b07 ^ (~b08 & b09);
            a08 = b08 ^ (~b09 & b05);
            a09 = b09 ^ (~b05 & b06);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a00 ^= ROUND_CONSTANTS[round];
        }
        a[0] = a00;
        a[1] = a01;
        a[2] = a02;
        a[3] = a03;
        a[4] = a04;
        a[5] = a05;
        a[6] = a06;
        a[7] = a07;
        a[8] = a08;
        a[9] = a09;
        a[10] = a10;
        a[11] = a11;
        a[12] = a12;
        a[13] = a13;
        a[14] = a14;
        a[15] = a15;
        a[16] = a16;
        a[17] = a17;
        a[18] = a18;
        a[19] = a19;
        a[20] = a20;
        a[21] = a21;
        a[22] = a22;
        a[23] = a23;
        a[24] = a24;
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
