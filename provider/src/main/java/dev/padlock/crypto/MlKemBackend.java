package dev.padlock.crypto;

import dev.padlock.crypto.mlkem.MlKem768;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Who computes ML-KEM-768: Padlock's own {@code crypto.mlkem}, or the JDK's (JDK 24+, through
 * {@link JdkMlKem}). {@link #current()} is the own code unless {@code padlock.crypto=jca} and the
 * JDK has ML-KEM; the benchmark in benchmarks/README.md decides that default (the faster one wins).
 */
interface MlKemBackend {

    /** An encapsulation key and, inside, the decapsulation key it belongs to (never printed). */
    interface KeyPair {
        byte[] encapsulationKey();
    }

    KeyPair generate(SecureRandom random);

    /** Encapsulation against a key that passed FIPS 203 §7.2's checks. */
    MlKem768.Encapsulation encapsulate(byte[] ek, SecureRandom random);

    /** Decapsulation of a ciphertext of the right length; implicit rejection for a wrong one. */
    byte[] decapsulate(KeyPair keys, byte[] ciphertext);

    static MlKemBackend current() {
        return !OwnCrypto.enabled() && JdkMlKem.available() ? new JdkMlKem() : Own.INSTANCE;
    }

    /** Padlock's own FIPS 203 code. */
    enum Own implements MlKemBackend {
        INSTANCE;

        @Override
        public KeyPair generate(SecureRandom random) {
            byte[] seed = new byte[2 * MlKem768.SEED_BYTES];
            random.nextBytes(seed);
            MlKem768.KeyPair pair = MlKem768.keyGen(seed);
            Arrays.fill(seed, (byte) 0);
            return new OwnKeyPair(pair);
        }

        @Override
        public MlKem768.Encapsulation encapsulate(byte[] ek, SecureRandom random) {
            byte[] m = new byte[MlKem768.SEED_BYTES];
            random.nextBytes(m);
            MlKem768.Encapsulation e = MlKem768.encaps(ek, m).orElseThrow(
                    () -> new IllegalArgumentException("encapsulation key not checked"));
            Arrays.fill(m, (byte) 0);
            return e;
        }

        @Override
        public byte[] decapsulate(KeyPair keys, byte[] ciphertext) {
            return MlKem768.decaps(((OwnKeyPair) keys).pair.decapsulationKey(), ciphertext);
        }

        @Override
        public String toString() {
            return "Padlock";
        }
    }

    /** An own key pair; the decapsulation key stays inside. */
    final class OwnKeyPair implements KeyPair {
        private final MlKem768.KeyPair pair;

        OwnKeyPair(MlKem768.KeyPair pair) {
            this.pair = pair;
        }

        @Override
        public byte[] encapsulationKey() {
            return pair.encapsulationKey();
        }

        @Override
        public String toString() {
            return "ML-KEM-768 key pair";
        }
    }
}
