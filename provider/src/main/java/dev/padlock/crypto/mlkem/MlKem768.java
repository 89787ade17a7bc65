package dev.padlock.crypto.mlkem;

import java.util.Arrays;
import java.util.Optional;

/**
 * ML-KEM-768 (FIPS 203): k = 3, η1 = η2 = 2, du = 10, dv = 4. Keys and ciphertexts are their
 * byte encodings: an encapsulation key of 1184 bytes, a decapsulation key of 2400 (dk_PKE ‖ ek ‖
 * H(ek) ‖ z, §7.1), a ciphertext of 1088, a shared secret of 32.
 *
 * <p>Constant time: key generation and decapsulation have no branch, loop bound or table index
 * that depends on a secret (d, z, the secret key, the decrypted message, or whether the
 * ciphertext re-encrypts to itself); the places where that needs care say why in a comment. The
 * checks of §7.2 and §7.3 look only at public data (lengths, the encapsulation key, and the hash
 * the decapsulation key carries of it).
 */
public final class MlKem768 {
    static final int K = 3;
    static final int DU = 10;
    static final int DV = 4;
    public static final int ENCAPSULATION_KEY_BYTES = KPke.EK_BYTES;
    public static final int DECAPSULATION_KEY_BYTES = KPke.DK_BYTES + KPke.EK_BYTES + 64;
    public static final int CIPHERTEXT_BYTES = KPke.CIPHERTEXT_BYTES;
    public static final int SHARED_SECRET_BYTES = 32;
    public static final int SEED_BYTES = 32;

    private MlKem768() {
    }

    /** A decapsulation key and its encapsulation key. */
    public record KeyPair(byte[] encapsulationKey, byte[] decapsulationKey) {
        @Override
        public String toString() {
            return "MlKem768.KeyPair(" + encapsulationKey.length + "-byte encapsulation key)";
        }
    }

    /** A shared secret and the ciphertext that carries it. */
    public record Encapsulation(byte[] sharedSecret, byte[] ciphertext) {
        @Override
        public String toString() {
            return "MlKem768.Encapsulation(" + ciphertext.length + "-byte ciphertext)";
        }
    }

    /**
     * Key generation from a 64-byte seed d ‖ z, the private key format of FIPS 203 §7.1's
     * seed-based keys (and of Wycheproof's vectors).
     */
    public static KeyPair keyGen(byte[] seed) {
        requireLength(seed, 2 * SEED_BYTES, "seed");
        byte[] d = Arrays.copyOf(seed, SEED_BYTES);
        byte[] z = Arrays.copyOfRange(seed, SEED_BYTES, 2 * SEED_BYTES);
        try {
            return keyGen(d, z);
        } finally {
            Arrays.fill(d, (byte) 0);
            Arrays.fill(z, (byte) 0);
        }
    }

    /** FIPS 203 Algorithm 16, ML-KEM.KeyGen_internal(d, z), for two 32-byte random seeds. */
    public static KeyPair keyGen(byte[] d, byte[] z) {
        requireLength(d, SEED_BYTES, "d");
        requireLength(z, SEED_BYTES, "z");
        KPke.KeyPair pke = KPke.keyGen(d);
        byte[] dk = new byte[DECAPSULATION_KEY_BYTES];
        int pos = 0;
        System.arraycopy(pke.dk(), 0, dk, pos, KPke.DK_BYTES);
        pos += KPke.DK_BYTES;
        System.arraycopy(pke.ek(), 0, dk, pos, KPke.EK_BYTES);
        pos += KPke.EK_BYTES;
        System.arraycopy(Keccak.sha3_256(pke.ek()), 0, dk, pos, 32);
        System.arraycopy(z, 0, dk, pos + 32, 32);
        Arrays.fill(pke.dk(), (byte) 0);
        return new KeyPair(pke.ek(), dk);
    }

    /**
     * FIPS 203 §7.2's input checks on an encapsulation key: its length, and the modulus check
     * (every 12-bit coefficient below q).
     */
    public static boolean isValidEncapsulationKey(byte[] ek) {
        return ek.length == ENCAPSULATION_KEY_BYTES && KPke.isReduced(KPke.decodeT(ek));
    }

    /**
     * FIPS 203 Algorithm 17, ML-KEM.Encaps_internal(ek, m), after §7.2's checks of ek: empty if
     * it fails them.
     */
    public static Optional<Encapsulation> encaps(byte[] ek, byte[] m) {
        requireLength(m, SEED_BYTES, "m");
        if (ek.length != ENCAPSULATION_KEY_BYTES) {
            return Optional.empty();
        }
        int[][] tHat = KPke.decodeT(ek);
        if (!KPke.isReduced(tHat)) {
            return Optional.empty();
        }
        byte[] kr = Keccak.sha3_512(m, Keccak.sha3_256(ek));
        byte[] r = Arrays.copyOfRange(kr, 32, 64);
        byte[] c = KPke.encrypt(tHat, ek, m, r);
        byte[] key = Arrays.copyOf(kr, 32);
        Arrays.fill(kr, (byte) 0);
        Arrays.fill(r, (byte) 0);
        return Optional.of(new Encapsulation(key, c));
    }

    /**
     * FIPS 203 §7.3's input checks on a decapsulation key and a ciphertext: their lengths, and
     * the hash check (the H(ek) the key carries is the hash of the ek it carries). These are on
     * the key's public part and on lengths, so an early exit leaks nothing.
     */
    public static boolean isValidDecapsulationInput(byte[] dk, byte[] c) {
        if (dk.length != DECAPSULATION_KEY_BYTES || c.length != CIPHERTEXT_BYTES) {
            return false;
        }
        byte[] ek = Arrays.copyOfRange(dk, KPke.DK_BYTES, KPke.DK_BYTES + KPke.EK_BYTES);
        byte[] h = Arrays.copyOfRange(dk, KPke.DK_BYTES + KPke.EK_BYTES, KPke.DK_BYTES + KPke.EK_BYTES + 32);
        return Arrays.equals(Keccak.sha3_256(ek), h);
    }

    /**
     * FIPS 203 Algorithm 18, ML-KEM.Decaps_internal(dk, c), for inputs that passed
     * {@link #isValidDecapsulationInput}. A ciphertext that does not re-encrypt to itself gives
     * the implicit-rejection secret J(z ‖ c), chosen without a branch.
     */
    public static byte[] decaps(byte[] dk, byte[] c) {
        if (dk.length != DECAPSULATION_KEY_BYTES || c.length != CIPHERTEXT_BYTES) {
            throw new IllegalArgumentException("ML-KEM-768 decapsulation needs a " + DECAPSULATION_KEY_BYTES
                    + "-byte key and a " + CIPHERTEXT_BYTES + "-byte ciphertext");
        }
        int ekStart = KPke.DK_BYTES;
        int hStart = ekStart + KPke.EK_BYTES;
        byte[] dkPke = Arrays.copyOfRange(dk, 0, ekStart);
        byte[] ek = Arrays.copyOfRange(dk, ekStart, hStart);
        byte[] h = Arrays.copyOfRange(dk, hStart, hStart + 32);
        byte[] z = Arrays.copyOfRange(dk, hStart + 32, hStart + 64);
        byte[] mPrime = KPke.decrypt(dkPke, c);
        byte[] kr = Keccak.sha3_512(mPrime, h);
        byte[] rPrime = Arrays.copyOfRange(kr, 32, 64);
        byte[] kBar = Keccak.shake256(32, z, c);
        // Decaps does not repeat the modulus check (§7.3 lists only the hash check): ek is public.
        int[][] tHat = KPke.decodeT(ek);
        byte[] cPrime = KPke.encrypt(tHat, ek, mPrime, rPrime);
        // The comparison reads every byte, and its result only becomes a mask: no early exit and
        // no branch tells a timing observer whether the ciphertext was rejected.
        int diff = 0;
        for (int i = 0; i < CIPHERTEXT_BYTES; i++) {
            diff |= c[i] ^ cPrime[i];
        }
        int keep = -(((diff & 0xFF) - 1) >>> 31); // all ones when c == c', else zero
        byte[] key = new byte[SHARED_SECRET_BYTES];
        for (int i = 0; i < SHARED_SECRET_BYTES; i++) {
            key[i] = (byte) ((kr[i] & keep) | (kBar[i] & ~keep));
        }
        Arrays.fill(dkPke, (byte) 0);
        Arrays.fill(z, (byte) 0);
        Arrays.fill(mPrime, (byte) 0);
        Arrays.fill(kr, (byte) 0);
        Arrays.fill(rPrime, (byte) 0);
        Arrays.fill(kBar, (byte) 0);
        return key;
    }

    private static void requireLength(byte[] value, int length, String name) {
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + value.length);
        }
    }
}
