package dev.padlock.crypto.p256;

import java.math.BigInteger;
import java.util.Optional;

/**
 * The ECDSA signature as TLS carries it (RFC 8446 §4.2.3: "ECDSA-Sig-Value" of RFC 3279 §2.2.3),
 * SEQUENCE { INTEGER r, INTEGER s }, in DER. Decoding is strict, as the JDK's: short-form lengths
 * only (a P-256 signature is at most 72 bytes), minimal positive integers, nothing after the
 * sequence. Signatures are public, so decoding may branch.
 */
final class EcdsaDer {
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    /** A signature's two integers, not yet range-checked. */
    record Signature(BigInteger r, BigInteger s) {
    }

    private EcdsaDer() {
    }

    static Optional<Signature> decode(byte[] der) {
        // der[1] >= 0x80 would be a long-form length, never needed below 128 bytes (X.690 §10.1).
        if (der.length < 2 || der.length > 129 || (der[0] & 0xFF) != SEQUENCE || der[1] < 0
                || der[1] != der.length - 2) {
            return Optional.empty();
        }
        int[] pos = {2};
        BigInteger r = integer(der, pos);
        BigInteger s = r == null ? null : integer(der, pos);
        if (s == null || pos[0] != der.length) {
            return Optional.empty();
        }
        return Optional.of(new Signature(r, s));
    }

    /** The INTEGER at pos[0], advancing it; null if absent, not short-form, negative or not minimal. */
    private static BigInteger integer(byte[] der, int[] pos) {
        int p = pos[0];
        if (p + 2 > der.length || (der[p] & 0xFF) != INTEGER) {
            return null;
        }
        int len = der[p + 1] & 0xFF;
        if (len == 0 || len >= 0x80 || p + 2 + len > der.length) {
            return null;
        }
        byte first = der[p + 2];
        if (first < 0) {
            return null;
        }
        if (first == 0 && len > 1 && der[p + 3] >= 0) {
            return null;
        }
        pos[0] = p + 2 + len;
        byte[] magnitude = new byte[len];
        System.arraycopy(der, p + 2, magnitude, 0, len);
        return new BigInteger(1, magnitude);
    }

    /** DER of (r, s), both in [1, n-1], as 32-byte big-endian values. */
    static byte[] encode(byte[] r, byte[] s) {
        byte[] ri = minimal(r);
        byte[] si = minimal(s);
        byte[] out = new byte[2 + 2 + ri.length + 2 + si.length];
        out[0] = SEQUENCE;
        out[1] = (byte) (out.length - 2);
        out[2] = INTEGER;
        out[3] = (byte) ri.length;
        System.arraycopy(ri, 0, out, 4, ri.length);
        out[4 + ri.length] = INTEGER;
        out[5 + ri.length] = (byte) si.length;
        System.arraycopy(si, 0, out, 6 + ri.length, si.length);
        return out;
    }

    /** Leading zero bytes dropped, one put back if the top bit is set (X.690 §8.3.2). */
    private static byte[] minimal(byte[] v) {
        int start = 0;
        while (start < v.length - 1 && v[start] == 0) {
            start++;
        }
        int pad = v[start] < 0 ? 1 : 0;
        byte[] out = new byte[pad + v.length - start];
        System.arraycopy(v, start, out, pad, v.length - start);
        return out;
    }
}
