package dev.padlock.crypto.mlkem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Wycheproof;
import dev.padlock.testing.Wycheproof.Result;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every ML-KEM-768 vector of Wycheproof: key generation from seeds, encapsulation (with the
 * modulus-check failures of FIPS 203 §7.2), decapsulation from seeds and from expanded keys (with
 * §7.3's length and hash checks, implicit rejection of random and bit-flipped ciphertexts, and the
 * "strcmp" and faulty-comparison cases). "valid" must give the exact bytes, "invalid" must be
 * refused by the check the vector targets; the files hold no "acceptable" ML-KEM vector.
 */
class MlKem768WycheproofTest {

    @Test
    void keyGenFromSeedGivesTheVectorsKeys() throws IOException {
        List<Wycheproof.Case> vectors = Wycheproof.cases("mlkem_768_keygen_seed_test.json");
        for (Wycheproof.Case v : vectors) {
            assertEquals(Result.VALID, v.result(), v::toString);
            MlKem768.KeyPair pair = MlKem768.keyGen(v.hex("seed"));
            assertArrayEquals(v.hex("ek"), pair.encapsulationKey(), v::toString);
            assertArrayEquals(v.hex("dk"), pair.decapsulationKey(), v::toString);
        }
        assertEquals(100, vectors.size());
    }

    @Test
    void encapsGivesTheVectorsCiphertextAndRefusesUnreducedOrMisSizedKeys() throws IOException {
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case v : Wycheproof.cases("mlkem_768_encaps_test.json")) {
            byte[] ek = v.hex("ek");
            var result = MlKem768.encaps(ek, v.hex("m"));
            if (v.result() == Result.VALID) {
                valid++;
                assertTrue(MlKem768.isValidEncapsulationKey(ek), v::toString);
                assertArrayEquals(v.hex("c"), result.orElseThrow().ciphertext(), v::toString);
                assertArrayEquals(v.hex("K"), result.orElseThrow().sharedSecret(), v::toString);
            } else {
                invalid++;
                assertEquals(Result.INVALID, v.result(), v::toString);
                assertFalse(MlKem768.isValidEncapsulationKey(ek), v::toString);
                assertTrue(result.isEmpty(), v::toString);
            }
        }
        assertEquals(133, valid);
        assertEquals(132, invalid);
    }

    @Test
    void decapsFromSeedGivesTheVectorsSecretIncludingImplicitRejection() throws IOException {
        int valid = 0;
        int invalid = 0;
        for (Wycheproof.Case v : Wycheproof.cases("mlkem_768_test.json")) {
            byte[] seed = v.hex("seed");
            byte[] c = v.hex("c");
            if (v.result() == Result.VALID) {
                valid++;
                MlKem768.KeyPair pair = MlKem768.keyGen(seed);
                assertArrayEquals(v.hex("ek"), pair.encapsulationKey(), v::toString);
                assertTrue(MlKem768.isValidDecapsulationInput(pair.decapsulationKey(), c), v::toString);
                assertArrayEquals(v.hex("K"), MlKem768.decaps(pair.decapsulationKey(), c), v::toString);
                continue;
            }
            invalid++;
            assertEquals(Result.INVALID, v.result(), v::toString);
            if (seed.length != 64) {
                assertThrows(IllegalArgumentException.class, () -> MlKem768.keyGen(seed), v::toString);
            } else {
                byte[] dk = MlKem768.keyGen(seed).decapsulationKey();
                assertFalse(MlKem768.isValidDecapsulationInput(dk, c), v::toString);
                assertThrows(IllegalArgumentException.class, () -> MlKem768.decaps(dk, c), v::toString);
            }
        }
        assertEquals(153, valid);
        assertEquals(40, invalid);
    }

    @Test
    void decapsOfExpandedKeysChecksLengthsAndTheHashOfTheEmbeddedKey() throws IOException {
        int valid = 0;
        for (Wycheproof.Case v : Wycheproof.cases("mlkem_768_semi_expanded_decaps_test.json")) {
            byte[] dk = v.hex("dk");
            byte[] c = v.hex("c");
            if (v.result() == Result.VALID) {
                valid++;
                assertTrue(MlKem768.isValidDecapsulationInput(dk, c), v::toString);
                assertArrayEquals(v.hex("K"), MlKem768.decaps(dk, c), v::toString);
            } else {
                assertEquals(Result.INVALID, v.result(), v::toString);
                assertFalse(MlKem768.isValidDecapsulationInput(dk, c), v::toString);
            }
        }
        assertEquals(3, valid);
    }
}
