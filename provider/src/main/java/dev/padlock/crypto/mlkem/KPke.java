package dev.padlock.crypto.mlkem;

import static dev.padlock.crypto.mlkem.MlKem768.DU;
import static dev.padlock.crypto.mlkem.MlKem768.DV;
import static dev.padlock.crypto.mlkem.MlKem768.K;
import static dev.padlock.crypto.mlkem.Ntt.N;

import java.util.Arrays;

/**
 * K-PKE (FIPS 203 §5), the CPA-secure encryption under ML-KEM, for k = 3, η1 = η2 = 2, du = 10,
 * dv = 4. Polynomials in the NTT domain are named with a hat in FIPS 203 and {@code ...Hat} here.
 * Nothing branches on or indexes by a secret coefficient: every loop bound is a parameter.
 */
final class KPke {
    static final int POLY_BYTES = 384;
    static final int EK_BYTES = K * POLY_BYTES + 32;
    static final int DK_BYTES = K * POLY_BYTES;
    static final int CIPHERTEXT_BYTES = K * 32 * DU + 32 * DV;

    private KPke() {
    }

    /** A key pair: ek (t̂ ‖ ρ) and dk (ŝ). */
    record KeyPair(byte[] ek, byte[] dk) {
    }

    /** FIPS 203 Algorithm 13, K-PKE.KeyGen(d). */
    static KeyPair keyGen(byte[] d) {
        byte[] g = Keccak.sha3_512(d, new byte[] {K});
        byte[] rho = Arrays.copyOfRange(g, 0, 32);
        byte[] sigma = Arrays.copyOfRange(g, 32, 64);
        int[][][] aHat = Sampling.matrix(rho, K, false);
        int[][] sHat = new int[K][];
        int[][] eHat = new int[K][];
        int nonce = 0;
        for (int i = 0; i < K; i++) {
            sHat[i] = Sampling.cbd2(sigma, nonce++);
        }
        for (int i = 0; i < K; i++) {
            eHat[i] = Sampling.cbd2(sigma, nonce++);
        }
        for (int i = 0; i < K; i++) {
            Ntt.ntt(sHat[i]);
            Ntt.ntt(eHat[i]);
        }
        byte[] ek = new byte[EK_BYTES];
        byte[] dk = new byte[DK_BYTES];
        int[] tHat = new int[N];
        for (int i = 0; i < K; i++) {
            Ntt.multiplyAccumulate(tHat, aHat[i], sHat);
            Ntt.toMontgomery(tHat);
            Ntt.add(tHat, eHat[i]);
            Codec.toUnsigned(tHat);
            Codec.encode(tHat, 12, ek, i * POLY_BYTES);
            Codec.toUnsigned(sHat[i]);
            Codec.encode(sHat[i], 12, dk, i * POLY_BYTES);
        }
        System.arraycopy(rho, 0, ek, K * POLY_BYTES, 32);
        erase(sHat);
        erase(eHat);
        Arrays.fill(g, (byte) 0);
        Arrays.fill(sigma, (byte) 0);
        return new KeyPair(ek, dk);
    }

    /** The t̂ of an encapsulation key, ByteDecode_12 of its first 1152 bytes, not reduced. */
    static int[][] decodeT(byte[] ek) {
        int[][] tHat = new int[K][];
        for (int i = 0; i < K; i++) {
            tHat[i] = Codec.decode(ek, i * POLY_BYTES, 12);
        }
        return tHat;
    }

    /** FIPS 203 §7.2's modulus check on a decoded t̂ (public: it may exit early). */
    static boolean isReduced(int[][] tHat) {
        for (int[] t : tHat) {
            if (!Codec.isReduced(t)) {
                return false;
            }
        }
        return true;
    }

    /** FIPS 203 Algorithm 14, K-PKE.Encrypt(ek, m, r), with ek's t̂ already decoded and checked. */
    static byte[] encrypt(int[][] tHat, byte[] ek, byte[] m, byte[] r) {
        byte[] rho = Arrays.copyOfRange(ek, K * POLY_BYTES, EK_BYTES);
        int[][][] aTransposed = Sampling.matrix(rho, K, true);
        int[][] yHat = new int[K][];
        int nonce = 0;
        for (int i = 0; i < K; i++) {
            yHat[i] = Sampling.cbd2(r, nonce++);
            Ntt.ntt(yHat[i]);
        }
        byte[] c = new byte[CIPHERTEXT_BYTES];
        int[] u = new int[N];
        for (int i = 0; i < K; i++) {
            Ntt.multiplyAccumulate(u, aTransposed[i], yHat);
            Ntt.inverseNttToMontgomery(u);
            Ntt.add(u, Sampling.cbd2(r, nonce++));
            Codec.toUnsigned(u);
            Codec.compress(u, DU);
            Codec.encode(u, DU, c, i * 32 * DU);
        }
        int[] v = new int[N];
        Ntt.multiplyAccumulate(v, tHat, yHat);
        Ntt.inverseNttToMontgomery(v);
        Ntt.add(v, Sampling.cbd2(r, nonce));
        int[] mu = Codec.decode(m, 0, 1);
        Codec.decompress(mu, 1);
        Ntt.add(v, mu);
        Codec.toUnsigned(v);
        Codec.compress(v, DV);
        Codec.encode(v, DV, c, K * 32 * DU);
        erase(yHat);
        Arrays.fill(mu, 0);
        return c;
    }

    /** FIPS 203 Algorithm 15, K-PKE.Decrypt(dk, c): the 32-byte message. */
    static byte[] decrypt(byte[] dk, byte[] c) {
        int[][] uHat = new int[K][];
        for (int i = 0; i < K; i++) {
            uHat[i] = Codec.decode(c, i * 32 * DU, DU);
            Codec.decompress(uHat[i], DU);
            Ntt.ntt(uHat[i]);
        }
        int[][] sHat = new int[K][];
        for (int i = 0; i < K; i++) {
            sHat[i] = Codec.decode(dk, i * POLY_BYTES, 12);
        }
        int[] w = new int[N];
        Ntt.multiplyAccumulate(w, sHat, uHat);
        Ntt.inverseNttToMontgomery(w);
        int[] v = Codec.decode(c, K * 32 * DU, DV);
        Codec.decompress(v, DV);
        for (int j = 0; j < N; j++) {
            w[j] = v[j] - w[j];
        }
        Codec.toUnsigned(w);
        Codec.compress(w, 1);
        byte[] m = new byte[32];
        Codec.encode(w, 1, m, 0);
        erase(sHat);
        Arrays.fill(w, 0);
        return m;
    }

    private static void erase(int[][] polys) {
        for (int[] p : polys) {
            Arrays.fill(p, 0);
        }
    }
}
