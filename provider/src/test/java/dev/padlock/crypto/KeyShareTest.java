package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Key shares (RFC 8446 §4.2.8): agreement for every group, and refusal of bad peer values. */
class KeyShareTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(NamedGroup.X25519, 32, 32),
                Arguments.of(NamedGroup.X448, 56, 56),
                Arguments.of(NamedGroup.SECP256R1, 65, 32),
                Arguments.of(NamedGroup.SECP384R1, 97, 48),
                Arguments.of(NamedGroup.SECP521R1, 133, 66));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void bothSidesAgreeOnTheSharedSecret(NamedGroup group, int publicLength, int secretLength) {
        KeyShare a = KeyShare.generate(group, RANDOM);
        KeyShare b = KeyShare.generate(group, RANDOM);
        assertEquals(group, a.group());
        assertEquals(publicLength, a.publicKey().length(), "key_exchange length");
        byte[] ab = a.agree(b.publicKey());
        assertEquals(secretLength, ab.length, "shared secret length");
        assertArrayEquals(ab, b.agree(a.publicKey()));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void wrongLengthIsIllegalParameter(NamedGroup group, int publicLength, int secretLength) {
        KeyShare a = KeyShare.generate(group, RANDOM);
        Bytes good = KeyShare.generate(group, RANDOM).publicKey();
        assertIllegalParameter(() -> a.agree(good.slice(0, publicLength - 1)));
        assertIllegalParameter(() -> a.agree(good.concat(Bytes.of((byte) 0))));
        assertIllegalParameter(() -> a.agree(Bytes.EMPTY));
    }

    @Test
    void ecPointsMustBeUncompressed() {
        KeyShare a = KeyShare.generate(NamedGroup.SECP256R1, RANDOM);
        Bytes peer = KeyShare.generate(NamedGroup.SECP256R1, RANDOM).publicKey();
        // The compressed form 0x02/0x03 || X (33 bytes) ...
        Bytes compressed = Bytes.of((byte) (2 + (peer.get(64) & 1))).concat(peer.slice(1, 33));
        assertIllegalParameter(() -> a.agree(compressed));
        // ... and a 65-byte value whose legacy_form is not 4.
        byte[] wrongForm = peer.toByteArray();
        wrongForm[0] = 2;
        assertIllegalParameter(() -> a.agree(Bytes.wrap(wrongForm)));
    }

    @Test
    void ecPointOffTheCurveIsIllegalParameter() {
        KeyShare a = KeyShare.generate(NamedGroup.SECP256R1, RANDOM);
        byte[] peer = KeyShare.generate(NamedGroup.SECP256R1, RANDOM).publicKey().toByteArray();
        peer[64] ^= 1;
        TlsFailure f = assertIllegalParameter(() -> a.agree(Bytes.wrap(peer)));
        assertTrue(f.detail().contains("not on the curve"), f.detail());
    }

    @Test
    void ecCoordinateAboveTheFieldPrimeIsIllegalParameter() {
        KeyShare a = KeyShare.generate(NamedGroup.SECP256R1, RANDOM);
        byte[] peer = new byte[65];
        peer[0] = 4;
        java.util.Arrays.fill(peer, 1, 65, (byte) 0xFF);
        assertIllegalParameter(() -> a.agree(Bytes.wrap(peer)));
    }

    @Test
    void allZeroX25519PublicKeyGivesAllZeroSecretAndIsRefused() {
        KeyShare a = KeyShare.generate(NamedGroup.X25519, RANDOM);
        assertIllegalParameter(() -> a.agree(Bytes.wrap(new byte[32])));
    }

    @Test
    void allZeroX448PublicKeyIsRefused() {
        KeyShare a = KeyShare.generate(NamedGroup.X448, RANDOM);
        assertIllegalParameter(() -> a.agree(Bytes.wrap(new byte[56])));
    }

    @Test
    void x25519PointOfOrderOneIsRefused() {
        // u = 1 has small order (RFC 7748 §6): the shared secret is all zero.
        byte[] one = new byte[32];
        one[0] = 1;
        KeyShare a = KeyShare.generate(NamedGroup.X25519, RANDOM);
        assertIllegalParameter(() -> a.agree(Bytes.wrap(one)));
    }

    @Test
    void supportsTheFiveEcdheGroupsOnly() {
        assertTrue(KeyShare.supports(NamedGroup.X25519));
        assertTrue(KeyShare.supports(NamedGroup.X448));
        assertTrue(KeyShare.supports(NamedGroup.SECP256R1));
        assertTrue(KeyShare.supports(NamedGroup.SECP384R1));
        assertTrue(KeyShare.supports(NamedGroup.SECP521R1));
        assertFalse(KeyShare.supports(NamedGroup.FFDHE2048));
        assertFalse(KeyShare.supports(new NamedGroup(0x7777)));
        assertThrows(IllegalArgumentException.class, () -> KeyShare.generate(NamedGroup.FFDHE2048, RANDOM));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        KeyShare a = KeyShare.generate(NamedGroup.X25519, RANDOM);
        assertEquals("KeyShare(x25519)", a.toString());
    }

    private static TlsFailure assertIllegalParameter(org.junit.jupiter.api.function.Executable e) {
        TlsFailure f = assertThrows(TlsFailure.class, e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        return f;
    }
}
