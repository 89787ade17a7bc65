package dev.padlock.crypto.mlkem;

import static dev.padlock.crypto.mlkem.Ntt.N;
import static dev.padlock.crypto.mlkem.Ntt.Q;

/**
 * ByteEncode/ByteDecode (FIPS 203 Algorithms 5 and 6) and Compress/Decompress (§4.2.1). Bit
 * packing walks a fixed number of bits per coefficient, and compression divides by q with a
 * multiplication and a shift, so both are constant time on secret coefficients (the message, the
 * secret key, the re-encrypted ciphertext of decapsulation).
 */
final class Codec {
    /** ⌈2^40 / q⌉: x / q is (x · this) >> 40 for every x below 2^22, which covers 2^11 · q. */
    private static final long DIVIDE_BY_Q = 330282857L;

    private Codec() {
    }

    /** ByteEncode_d of 256 d-bit values into {@code 32·d} bytes at {@code offset}. */
    static void encode(int[] f, int d, byte[] out, int offset) {
        long acc = 0;
        int bits = 0;
        int pos = offset;
        for (int i = 0; i < N; i++) {
            acc |= (long) f[i] << bits;
            bits += d;
            while (bits >= 8) {
                out[pos++] = (byte) acc;
                acc >>>= 8;
                bits -= 8;
            }
        }
    }

    /**
     * ByteDecode_d of {@code 32·d} bytes at {@code offset}. For d = 12 the values are not reduced
     * mod q here: an encapsulation key is checked instead ({@link #isReduced}), and a decapsulation
     * key's values below 2^12 are safe inputs to the Montgomery arithmetic.
     */
    static int[] decode(byte[] in, int offset, int d) {
        int[] f = new int[N];
        int mask = (1 << d) - 1;
        long acc = 0;
        int bits = 0;
        int pos = offset;
        for (int i = 0; i < N; i++) {
            while (bits < d) {
                acc |= (in[pos++] & 0xFFL) << bits;
                bits += 8;
            }
            f[i] = (int) acc & mask;
            acc >>>= d;
            bits -= d;
        }
        return f;
    }

    /**
     * FIPS 203 §7.2's modulus check on public data: every ByteDecode_12 value is below q, i.e.
     * ByteEncode_12(ByteDecode_12(ek)) = ek. It may return early: the key is public.
     */
    static boolean isReduced(int[] f) {
        for (int value : f) {
            if (value >= Q) {
                return false;
            }
        }
        return true;
    }

    /** Compress_d in place (§4.2.1): round(2^d / q · x) mod 2^d, for x in [0, q). */
    static void compress(int[] f, int d) {
        int mask = (1 << d) - 1;
        for (int i = 0; i < N; i++) {
            long scaled = ((long) f[i] << d) + Q / 2;
            f[i] = (int) ((scaled * DIVIDE_BY_Q) >>> 40) & mask;
        }
    }

    /** Decompress_d in place (§4.2.1): round(q / 2^d · y). */
    static void decompress(int[] f, int d) {
        for (int i = 0; i < N; i++) {
            f[i] = (f[i] * Q + (1 << (d - 1))) >> d;
        }
    }

    /** Centered coefficients to [0, q), ready to encode or compress. */
    static void toUnsigned(int[] f) {
        for (int i = 0; i < N; i++) {
            f[i] = Ntt.toUnsigned(Ntt.barrettReduce(f[i]));
        }
    }
}
