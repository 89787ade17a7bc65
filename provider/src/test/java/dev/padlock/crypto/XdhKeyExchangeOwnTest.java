package dev.padlock.crypto;

import static dev.padlock.testing.Rfc8448SimpleHandshake.CLIENT_PRIVATE;
import static dev.padlock.testing.Rfc8448SimpleHandshake.CLIENT_PUBLIC;
import static dev.padlock.testing.Rfc8448SimpleHandshake.ECDHE_SHARED_SECRET;
import static dev.padlock.testing.Rfc8448SimpleHandshake.SERVER_PRIVATE;
import static dev.padlock.testing.Rfc8448SimpleHandshake.SERVER_PUBLIC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Wycheproof;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The X25519 key exchange on Padlock's own code and on the JCA: same shares, same secrets, same
 * refusals with the same reasons, so the {@link OwnCrypto} switch changes nothing a peer sees.
 */
class XdhKeyExchangeOwnTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<XdhKeyExchange> bothPaths() {
        return Stream.of(own(), XdhKeyExchange.x25519Jca());
    }

    private static XdhKeyExchange own() {
        XdhKeyExchange own = XdhKeyExchange.X25519;
        assertEquals(OwnCrypto.enabled(), own.own(), "the X25519 in use follows the switch");
        return own;
    }

    @Test
    void theSwitchPicksTheImplementation() {
        assertEquals(!"jca".equals(System.getProperty(OwnCrypto.PROPERTY)), OwnCrypto.enabled());
        assertEquals(OwnCrypto.enabled(), XdhKeyExchange.X25519.own());
        assertEquals(OwnCrypto.enabled(), XdhKeyExchange.X25519.start(RANDOM) instanceof OwnX25519Share);
        assertFalse(XdhKeyExchange.x25519Jca().own());
    }

    @ParameterizedTest
    @MethodSource("bothPaths")
    void rfc8448SharesAndSecret(XdhKeyExchange kx) {
        ClientKeyShare client = kx.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        ClientKeyShare server = kx.fromPrivateKeyForTesting(SERVER_PRIVATE.toByteArray());
        assertEquals(CLIENT_PUBLIC, client.keyShare(), "{client} x25519 public key");
        assertEquals(SERVER_PUBLIC, server.keyShare(), "{server} x25519 public key");
        assertArrayEquals(ECDHE_SHARED_SECRET.toByteArray(), client.finish(SERVER_PUBLIC));
        assertArrayEquals(ECDHE_SHARED_SECRET.toByteArray(), server.finish(CLIENT_PUBLIC));
    }

    @Test
    void ownClientAndJcaServerAgreeBothWays() {
        XdhKeyExchange own = XdhKeyExchange.X25519;
        XdhKeyExchange jca = XdhKeyExchange.x25519Jca();
        for (int i = 0; i < 20; i++) {
            ClientKeyShare a = own.start(RANDOM);
            KeyExchange.Response r = jca.respond(a.keyShare(), RANDOM);
            assertArrayEquals(r.sharedSecret(), a.finish(r.keyShare()));
            ClientKeyShare b = jca.start(RANDOM);
            KeyExchange.Response s = own.respond(b.keyShare(), RANDOM);
            assertArrayEquals(s.sharedSecret(), b.finish(s.keyShare()));
        }
    }

    /** Wycheproof's all-zero results (low-order points, non-canonical ones among them) are refused. */
    @Test
    void everyWycheproofZeroSharedSecretIsIllegalParameter() throws Exception {
        int refused = 0;
        List<Wycheproof.Case> cases = Wycheproof.cases("x25519_test.json");
        assertEquals(518, cases.size());
        for (Wycheproof.Case c : cases) {
            ClientKeyShare share = XdhKeyExchange.X25519.fromPrivateKeyForTesting(c.hex("private"));
            Bytes peer = Bytes.wrap(c.hex("public"));
            if (c.flags().contains("ZeroSharedSecret")) {
                assertIllegalParameter(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, () -> share.finish(peer));
                refused++;
            } else {
                assertArrayEquals(c.hex("shared"), share.finish(peer), c::toString);
            }
        }
        assertTrue(refused >= 20, "refused " + refused);
    }

    @ParameterizedTest
    @MethodSource("bothPaths")
    void smallOrderPointsAreIllegalParameterOnBothSides(XdhKeyExchange kx) {
        byte[] one = new byte[32];
        one[0] = 1;
        for (byte[] peer : List.of(new byte[32], one)) {
            ClientKeyShare client = kx.start(RANDOM);
            assertIllegalParameter(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, () -> client.finish(Bytes.wrap(peer)));
            assertIllegalParameter(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY, () -> kx.respond(Bytes.wrap(peer), RANDOM));
        }
    }

    @ParameterizedTest
    @MethodSource("bothPaths")
    void wrongLengthIsRefused(XdhKeyExchange kx) {
        ClientKeyShare client = kx.start(RANDOM);
        TlsFailure f = assertThrows(TlsFailure.class, () -> client.finish(Bytes.wrap(new byte[31])));
        assertEquals(FailureReason.KEY_SHARE_WRONG_LENGTH, f.reason());
    }

    @Test
    void ownShareNeverPrintsItsScalar() {
        ClientKeyShare share = XdhKeyExchange.X25519.start(RANDOM);
        assertEquals("KeyShare(" + share.group() + ")", share.toString());
    }

    private static void assertIllegalParameter(FailureReason reason, org.junit.jupiter.api.function.Executable e) {
        TlsFailure f = assertThrows(TlsFailure.class, e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(reason, f.reason(), f::getMessage);
    }
}
