package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.testing.Wycheproof;
import dev.padlock.wire.TlsFailure;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * X25519MLKEM768 and SecP256r1MLKEM768 (draft-ietf-tls-ecdhe-mlkem): the byte layout of shares
 * and secret as a known answer built from published vectors (Wycheproof ML-KEM-768, RFC 7748
 * §6.1), and the bad-input rules (draft-ietf-tls-mlkem §4.2: illegal_parameter for a wrong length
 * or a key failing the FIPS 203 modulus check; implicit rejection for a wrong ciphertext).
 */
class HybridKeyExchangeMlKemTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    // RFC 7748 §6.1
    private static final byte[] ALICE_PRIVATE = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC = HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PRIVATE = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PUBLIC = HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] X25519_SECRET = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    @Test
    void x25519MlKem768SharesAndSecretAreMlKemFirstThenX25519() throws IOException {
        // Wycheproof's ML-KEM-768 vectors for the FIPS 203 round-3 seed 0: the same ek in both files.
        Wycheproof.Case keyGen = Wycheproof.find("mlkem_768_test.json", 2);
        Wycheproof.Case encaps = Wycheproof.find("mlkem_768_encaps_test.json", 14);
        assertArrayEquals(keyGen.hex("ek"), encaps.hex("ek"));
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);

        ClientKeyShare client = hybrid.start(new FixedRandom(keyGen.hex("seed"), ALICE_PRIVATE));
        assertEquals(1216, client.keyShare().length());
        assertEquals(Bytes.wrap(concat(keyGen.hex("ek"), ALICE_PUBLIC)), client.keyShare(), "ek ‖ X25519 share");

        KeyExchange.Response server = hybrid.respond(client.keyShare(), new FixedRandom(encaps.hex("m"), BOB_PRIVATE));
        assertEquals(1120, server.keyShare().length());
        assertEquals(Bytes.wrap(concat(encaps.hex("c"), BOB_PUBLIC)), server.keyShare(), "ciphertext ‖ X25519 share");
        byte[] expectedSecret = concat(encaps.hex("K"), X25519_SECRET);
        assertArrayEquals(expectedSecret, server.sharedSecret(), "ML-KEM secret ‖ X25519 secret");
        assertArrayEquals(expectedSecret, client.finish(server.keyShare()));
    }

    @Test
    void secP256r1MlKem768PutsTheEcdhShareFirst() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.SECP256R1MLKEM768);
        assertEquals(65 + 1184, hybrid.clientShareLength());
        assertEquals(65 + 1088, hybrid.serverShareLength());
        ClientKeyShare client = hybrid.start(RANDOM);
        assertEquals(4, client.keyShare().get(0), "uncompressed P-256 point first");
        KeyExchange.Response server = hybrid.respond(client.keyShare(), RANDOM);
        assertEquals(4, server.keyShare().get(0));
        assertEquals(32 + 32, server.sharedSecret().length);
        assertArrayEquals(server.sharedSecret(), client.finish(server.keyShare()));
    }

    @Test
    void sharesOfTheWrongLengthAreIllegalParameter() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        ClientKeyShare client = hybrid.start(RANDOM);
        KeyExchange.Response server = hybrid.respond(client.keyShare(), RANDOM);
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH,
                () -> hybrid.respond(client.keyShare().slice(0, 1215), RANDOM));
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH,
                () -> hybrid.respond(client.keyShare().concat(Bytes.of((byte) 0)), RANDOM));
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH, () -> client.finish(server.keyShare().slice(0, 1119)));
        // An X25519-sized answer, as from a server that confused the groups.
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH, () -> client.finish(server.keyShare().slice(1088, 1120)));
    }

    @Test
    void encapsulationKeyFailingTheModulusCheckIsIllegalParameter() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        byte[] share = hybrid.start(RANDOM).keyShare().toByteArray();
        // The first 12-bit coefficient becomes 4095 ≥ q (FIPS 203 §7.2).
        share[0] = (byte) 0xFF;
        share[1] |= 0x0F;
        TlsFailure f = assertIllegalParameter(FailureReason.KEY_SHARE_ENCAPSULATION_KEY_NOT_REDUCED,
                () -> hybrid.respond(Bytes.wrap(share), RANDOM));
        assertEquals("ML-KEM-768 encapsulation key fails the FIPS 203 modulus check (a coefficient is not below q)",
                f.detail());
    }

    @Test
    void badX25519HalfIsIllegalParameter() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        ClientKeyShare client = hybrid.start(RANDOM);
        KeyExchange.Response server = hybrid.respond(client.keyShare(), RANDOM);
        Bytes zeroX25519 = server.keyShare().slice(0, 1088).concat(Bytes.wrap(new byte[32]));
        assertIllegalParameter(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, () -> client.finish(zeroX25519));
    }

    @Test
    void alteredCiphertextOfTheRightLengthTakesImplicitRejection() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        ClientKeyShare client = hybrid.start(RANDOM);
        KeyExchange.Response server = hybrid.respond(client.keyShare(), RANDOM);
        byte[] altered = server.keyShare().toByteArray();
        altered[100] ^= 1;
        byte[] secret = client.finish(Bytes.wrap(altered));
        assertEquals(64, secret.length);
        assertFalse(Arrays.equals(Arrays.copyOf(server.sharedSecret(), 32), Arrays.copyOf(secret, 32)),
                "the ML-KEM half is the rejection secret J(z ‖ c)");
        assertArrayEquals(Arrays.copyOfRange(server.sharedSecret(), 32, 64), Arrays.copyOfRange(secret, 32, 64),
                "the X25519 half is untouched");
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        KeyExchange hybrid = KeyExchanges.of(NamedGroup.X25519MLKEM768);
        ClientKeyShare client = hybrid.start(RANDOM);
        assertEquals("KeyShare(X25519MLKEM768)", client.toString());
        assertEquals("KeyExchange(X25519MLKEM768)", hybrid.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static TlsFailure assertIllegalParameter(FailureReason reason, Executable e) {
        TlsFailure f = assertThrows(TlsFailure.class, e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(reason, f.reason(), f::getMessage);
        return f;
    }

    /** Hands out the given byte strings in order, each to a request of exactly its length. */
    private static final class FixedRandom extends SecureRandom {
        private final Deque<byte[]> outputs = new ArrayDeque<>();

        FixedRandom(byte[]... outputs) {
            this.outputs.addAll(Arrays.asList(outputs));
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] next = outputs.poll();
            if (next == null || next.length != bytes.length) {
                throw new AssertionError("unexpected request for " + bytes.length + " random bytes");
            }
            System.arraycopy(next, 0, bytes, 0, bytes.length);
        }
    }
}
