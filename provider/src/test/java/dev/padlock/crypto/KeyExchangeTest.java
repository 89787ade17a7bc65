package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key exchange (RFC 8446 §4.2.8) in its three steps, start, respond, finish, for every group;
 * refusal of bad peer values on both sides; a client with several shares; a hybrid composition.
 */
class KeyExchangeTest {
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
        KeyExchange kx = KeyExchanges.of(group);
        assertEquals(group, kx.group());
        assertEquals(publicLength, kx.clientShareLength(), "client key_exchange length");
        assertEquals(publicLength, kx.serverShareLength(), "server key_exchange length");
        ClientKeyShare client = kx.start(RANDOM);
        assertEquals(group, client.group());
        assertEquals(publicLength, client.keyShare().length(), "key_exchange length");
        KeyExchange.Response server = kx.respond(client.keyShare(), RANDOM);
        assertEquals(publicLength, server.keyShare().length(), "server key_exchange length");
        assertEquals(secretLength, server.sharedSecret().length, "shared secret length");
        assertArrayEquals(server.sharedSecret(), client.finish(server.keyShare()));
    }

    @ParameterizedTest
    @MethodSource("groups")
    void wrongLengthIsIllegalParameter(NamedGroup group, int publicLength, int secretLength) {
        Bytes good = KeyExchanges.of(group).start(RANDOM).keyShare();
        assertBothSidesRefuse(FailureReason.KEY_SHARE_WRONG_LENGTH, group, good.slice(0, publicLength - 1));
        assertBothSidesRefuse(FailureReason.KEY_SHARE_WRONG_LENGTH, group, good.concat(Bytes.of((byte) 0)));
        assertBothSidesRefuse(FailureReason.KEY_SHARE_WRONG_LENGTH, group, Bytes.EMPTY);
    }

    @Test
    void ecPointsMustBeUncompressed() {
        Bytes peer = KeyExchanges.of(NamedGroup.SECP256R1).start(RANDOM).keyShare();
        // The compressed form 0x02/0x03 || X (33 bytes) ...
        Bytes compressed = Bytes.of((byte) (2 + (peer.get(64) & 1))).concat(peer.slice(1, 33));
        assertBothSidesRefuse(FailureReason.KEY_SHARE_WRONG_LENGTH, NamedGroup.SECP256R1, compressed);
        // ... and a 65-byte value whose legacy_form is not 4.
        byte[] wrongForm = peer.toByteArray();
        wrongForm[0] = 2;
        assertBothSidesRefuse(FailureReason.KEY_SHARE_NOT_UNCOMPRESSED, NamedGroup.SECP256R1, Bytes.wrap(wrongForm));
    }

    @Test
    void ecPointOffTheCurveIsIllegalParameter() {
        byte[] peer = KeyExchanges.of(NamedGroup.SECP256R1).start(RANDOM).keyShare().toByteArray();
        peer[64] ^= 1;
        for (TlsFailure f : assertBothSidesRefuse(FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE,
                NamedGroup.SECP256R1, Bytes.wrap(peer))) {
            assertTrue(f.detail().contains("not on the curve"), f.detail());
        }
    }

    @Test
    void ecCoordinateAboveTheFieldPrimeIsIllegalParameter() {
        byte[] peer = new byte[65];
        peer[0] = 4;
        java.util.Arrays.fill(peer, 1, 65, (byte) 0xFF);
        assertBothSidesRefuse(FailureReason.KEY_SHARE_COORDINATE_OUT_OF_RANGE, NamedGroup.SECP256R1, Bytes.wrap(peer));
    }

    @Test
    void allZeroX25519PublicKeyGivesAllZeroSecretAndIsRefused() {
        assertBothSidesRefuse(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, NamedGroup.X25519, Bytes.wrap(new byte[32]));
    }

    @Test
    void allZeroX448PublicKeyIsRefused() {
        assertBothSidesRefuse(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, NamedGroup.X448, Bytes.wrap(new byte[56]));
    }

    @Test
    void x25519PointOfOrderOneIsRefused() {
        // u = 1 has small order (RFC 7748 §6): the shared secret is all zero.
        byte[] one = new byte[32];
        one[0] = 1;
        assertBothSidesRefuse(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, NamedGroup.X25519, Bytes.wrap(one));
    }

    @Test
    void supportsTheFiveEcdheTheFiveFfdheAndTheTwoHybridGroups() {
        assertTrue(KeyExchanges.supports(NamedGroup.X25519));
        assertTrue(KeyExchanges.supports(NamedGroup.X448));
        assertTrue(KeyExchanges.supports(NamedGroup.SECP256R1));
        assertTrue(KeyExchanges.supports(NamedGroup.SECP384R1));
        assertTrue(KeyExchanges.supports(NamedGroup.SECP521R1));
        for (NamedGroup ffdhe : List.of(NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096,
                NamedGroup.FFDHE6144, NamedGroup.FFDHE8192)) {
            assertTrue(KeyExchanges.supports(ffdhe), ffdhe.name());
        }
        // The hybrids are groups; ML-KEM-768 alone and the ML-KEM-1024 hybrid are not (yet).
        assertTrue(KeyExchanges.supports(NamedGroup.X25519MLKEM768));
        assertTrue(KeyExchanges.supports(NamedGroup.SECP256R1MLKEM768));
        assertFalse(KeyExchanges.supports(NamedGroup.MLKEM768));
        assertFalse(KeyExchanges.supports(NamedGroup.SECP384R1MLKEM1024));
        assertFalse(KeyExchanges.supports(new NamedGroup(0x01FC)));
        assertFalse(KeyExchanges.supports(new NamedGroup(0x7777)));
        assertTrue(KeyExchanges.find(NamedGroup.SECP384R1MLKEM1024).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> KeyExchanges.of(NamedGroup.SECP384R1MLKEM1024));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        KeyExchange kx = KeyExchanges.of(NamedGroup.X25519);
        ClientKeyShare a = kx.start(RANDOM);
        assertEquals("KeyShare(x25519)", a.toString());
        assertEquals("KeyExchange(x25519)", kx.toString());
        KeyExchange.Response r = kx.respond(a.keyShare(), RANDOM);
        String hex = HexFormat.of().formatHex(r.sharedSecret());
        assertFalse(r.toString().contains(hex), r.toString());
        assertFalse(r.toString().contains(r.keyShare().toHex()), r.toString());
    }

    @Test
    void clientWithSeveralSharesFinishesTheOneTheServerChose() {
        // SecP384r1MLKEM1024 is not supported, so it is skipped; the count stops before X448.
        ClientKeyShares client = ClientKeyShares.start(List.of(NamedGroup.SECP384R1MLKEM1024, NamedGroup.X25519,
                NamedGroup.SECP256R1, NamedGroup.X448), 2, RANDOM);
        List<KeyShareEntry> sent = client.entries();
        assertEquals(List.of(NamedGroup.X25519, NamedGroup.SECP256R1), sent.stream().map(KeyShareEntry::group).toList());
        assertTrue(client.offers(NamedGroup.SECP256R1));
        assertFalse(client.offers(NamedGroup.X448));

        // The server picks the second share, secp256r1.
        KeyExchange.Response server = KeyExchanges.of(NamedGroup.SECP256R1).respond(sent.get(1).keyExchange(), RANDOM);
        assertArrayEquals(server.sharedSecret(), client.finish(new KeyShareEntry(NamedGroup.SECP256R1, server.keyShare())));

        // A server_share in a group no share was sent for (RFC 8446 §4.2.8) ...
        Bytes x448 = KeyExchanges.of(NamedGroup.X448).start(RANDOM).keyShare();
        TlsFailure f = assertIllegalParameter(FailureReason.SERVER_HELLO_GROUP_NOT_SHARED,
                () -> client.finish(new KeyShareEntry(NamedGroup.X448, x448)));
        assertTrue(f.detail().contains("no share was sent"), f.detail());
        // ... and a secp256r1 value offered as the x25519 answer are refused.
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH,
                () -> client.finish(new KeyShareEntry(NamedGroup.X25519, server.keyShare())));
    }

    @Test
    void helloRetryRequestShareIsOneNewExchange() {
        ClientKeyShares retry = ClientKeyShares.startOne(NamedGroup.SECP384R1, RANDOM);
        assertEquals(1, retry.entries().size());
        assertEquals(NamedGroup.SECP384R1, retry.entries().get(0).group());
        KeyExchange.Response server = KeyExchanges.of(NamedGroup.SECP384R1)
                .respond(retry.entries().get(0).keyExchange(), RANDOM);
        assertArrayEquals(server.sharedSecret(), retry.finish(new KeyShareEntry(NamedGroup.SECP384R1, server.keyShare())));
    }

    @Test
    void hybridConcatenatesItsComponentsSharesAndSecrets() {
        // A stand-in for X25519MLKEM768: two DH components in a private-use code point.
        NamedGroup group = new NamedGroup(0xFE00);
        KeyExchange hybrid = new HybridKeyExchange(group, KeyExchanges.of(NamedGroup.X25519),
                KeyExchanges.of(NamedGroup.SECP256R1));
        assertEquals(32 + 65, hybrid.clientShareLength());
        assertEquals(32 + 65, hybrid.serverShareLength());
        ClientKeyShare client = hybrid.start(RANDOM);
        assertEquals(group, client.group());
        assertEquals(32 + 65, client.keyShare().length());
        assertEquals(4, client.keyShare().get(32), "the secp256r1 point follows the x25519 share");
        KeyExchange.Response server = hybrid.respond(client.keyShare(), RANDOM);
        assertEquals(32 + 65, server.keyShare().length());
        assertEquals(32 + 32, server.sharedSecret().length, "x25519 secret || secp256r1 secret");
        assertArrayEquals(server.sharedSecret(), client.finish(server.keyShare()));

        // A whole share of the wrong length, or one bad component, is illegal_parameter.
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH,
                () -> hybrid.respond(client.keyShare().slice(0, 96), RANDOM));
        assertIllegalParameter(FailureReason.KEY_SHARE_WRONG_LENGTH,
                () -> client.finish(server.keyShare().concat(Bytes.of((byte) 0))));
        Bytes zeroX25519 = Bytes.wrap(new byte[32]).concat(server.keyShare().slice(32, 97));
        assertIllegalParameter(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, () -> client.finish(zeroX25519));
        byte[] offCurve = client.keyShare().toByteArray();
        offCurve[96] ^= 1;
        assertIllegalParameter(FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE,
                () -> hybrid.respond(Bytes.wrap(offCurve), RANDOM));
    }

    /** Both the client finishing with {@code peer} and the server responding to it refuse it. */
    private static List<TlsFailure> assertBothSidesRefuse(FailureReason reason, NamedGroup group, Bytes peer) {
        KeyExchange kx = KeyExchanges.of(group);
        ClientKeyShare client = kx.start(RANDOM);
        return List.of(assertIllegalParameter(reason, () -> client.finish(peer)),
                assertIllegalParameter(reason, () -> kx.respond(peer, RANDOM)));
    }

    private static TlsFailure assertIllegalParameter(FailureReason reason,
            org.junit.jupiter.api.function.Executable e) {
        TlsFailure f = assertThrows(TlsFailure.class, e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(reason, f.reason(), f::getMessage);
        return f;
    }
}
