package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 7919 groups as key exchanges: agreement in every group, the zero padding of the public
 * value and of the shared secret (RFC 8446 §4.2.8.1, §7.4.1), the range check on the peer's value,
 * and the primes themselves.
 */
class FfdheKeyExchangeTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(FfdheKeyExchange.FFDHE2048, 256,
                        "38bf25a6924daa0d4190acfaeeb58fc881c6780c60024bedfd3ba33dc3f1f1a1"),
                Arguments.of(FfdheKeyExchange.FFDHE3072, 384,
                        "bda4560e982d7169bd8e5ba9dd4d7e974faf9d560095cb06080c213ba899f87a"),
                Arguments.of(FfdheKeyExchange.FFDHE4096, 512,
                        "2f409715430030693294c7be4daf3d24e986efeb95e6b741d8ab4c83db4f6aed"),
                Arguments.of(FfdheKeyExchange.FFDHE6144, 768,
                        "7c898a0950d458aee844aba6015d9666d4ab0e4223aec3ed2c1e301749174756"),
                Arguments.of(FfdheKeyExchange.FFDHE8192, 1024,
                        "810f9ea83be38d799fabdaf9fbfd89e11d70af30c8c8f4d2b367dc92c84a0f9d"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void bothSidesAgreeOnASecretAsLongAsP(FfdheKeyExchange kx, int length, String primeSha256) {
        assertEquals(length, kx.clientShareLength());
        assertEquals(length, kx.serverShareLength());
        assertTrue(KeyExchanges.isFiniteField(kx.group()));
        assertEquals(kx, KeyExchanges.of(kx.group()));
        ClientKeyShare client = kx.start(RANDOM);
        assertEquals(length, client.keyShare().length());
        KeyExchange.Response server = kx.respond(client.keyShare(), RANDOM);
        assertEquals(length, server.keyShare().length());
        assertEquals(length, server.sharedSecret().length);
        assertArrayEquals(server.sharedSecret(), client.finish(server.keyShare()));
    }

    /**
     * The primes are the JDK's (read from SunJSSE's tables, equal to OpenSSL's): their SHA-256
     * over the unsigned big-endian bytes with a leading zero, as BigInteger encodes them. The
     * structure of RFC 7919 Appendix A shows too: 64 one bits at each end.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void primesAreTheRfc7919Ones(FfdheKeyExchange kx, int length, String primeSha256) throws Exception {
        BigInteger p = kx.prime();
        assertEquals(length * 8, p.bitLength());
        assertEquals(primeSha256, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(p.toByteArray())));
        BigInteger ones = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        assertEquals(ones, p.shiftRight(p.bitLength() - 64));
        assertEquals(ones, p.and(ones));
    }

    @Test
    void ffdhe2048IsASafePrime() {
        BigInteger p = FfdheKeyExchange.FFDHE2048.prime();
        assertTrue(p.isProbablePrime(64));
        assertTrue(p.shiftRight(1).isProbablePrime(64));
    }

    /** Our values agree with a plain JCA Diffie-Hellman peer over the same group, in both roles. */
    @Test
    void agreesWithAJcaPeer() throws Exception {
        FfdheKeyExchange kx = FfdheKeyExchange.FFDHE2048;
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("DH");
        kpg.initialize(new DHParameterSpec(kx.prime(), BigInteger.TWO), RANDOM);
        KeyPair jca = kpg.generateKeyPair();
        BigInteger jcaY = ((DHPublicKey) jca.getPublic()).getY();
        Bytes jcaShare = Bytes.wrap(FfdheKeyExchange.leftPad(jcaY.toByteArray(), 256));

        KeyExchange.Response ours = kx.respond(jcaShare, RANDOM);
        KeyAgreement ka = KeyAgreement.getInstance("DH");
        ka.init(jca.getPrivate());
        BigInteger ourY = new BigInteger(1, ours.keyShare().toByteArray());
        ka.doPhase(KeyFactory.getInstance("DH").generatePublic(new DHPublicKeySpec(ourY, kx.prime(), BigInteger.TWO)),
                true);
        byte[] theirs = FfdheKeyExchange.leftPad(ka.generateSecret(), 256);
        assertArrayEquals(theirs, ours.sharedSecret());
    }

    /**
     * RFC 8446 §4.2.8.1 and §7.4.1: a public value or secret whose first byte is zero keeps it.
     * About one exchange in 128 gives one or the other; fresh exchanges are tried until both
     * have been seen, at most 6000 times (missing both that long has odds below 10^-9).
     */
    @Test
    void leadingZeroBytesAreKeptInPublicValuesAndSecrets() {
        FfdheKeyExchange kx = FfdheKeyExchange.FFDHE2048;
        boolean zeroShare = false;
        boolean zeroSecret = false;
        for (int i = 0; i < 6000 && !(zeroShare && zeroSecret); i++) {
            ClientKeyShare client = kx.start(RANDOM);
            KeyExchange.Response server = kx.respond(client.keyShare(), RANDOM);
            byte[] secret = client.finish(server.keyShare());
            assertEquals(256, server.keyShare().length());
            assertEquals(256, secret.length);
            assertArrayEquals(server.sharedSecret(), secret);
            zeroShare |= client.keyShare().get(0) == 0 || server.keyShare().get(0) == 0;
            zeroSecret |= secret[0] == 0;
        }
        assertTrue(zeroShare, "no public value with a leading zero byte was seen");
        assertTrue(zeroSecret, "no shared secret with a leading zero byte was seen");
    }

    @Test
    void leftPadDropsTheSignByteAndRestoresLeadingZeros() {
        assertArrayEquals(new byte[] {0, 0, 1, 2}, FfdheKeyExchange.leftPad(new byte[] {1, 2}, 4));
        assertArrayEquals(new byte[] {(byte) 0x80, 1}, FfdheKeyExchange.leftPad(new byte[] {0, (byte) 0x80, 1}, 2));
        byte[] exact = {5, 6};
        assertArrayEquals(new byte[] {5, 6}, FfdheKeyExchange.leftPad(exact, 2));
    }

    /** RFC 8446 §4.2.8.1: 1 < Y < p-1, on both sides. */
    @Test
    void valuesOutsideOneToPMinusOneAreIllegalParameter() {
        FfdheKeyExchange kx = FfdheKeyExchange.FFDHE2048;
        BigInteger p = kx.prime();
        for (BigInteger y : List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                p.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE))) {
            for (TlsFailure f : assertBothSidesRefuse(kx, Bytes.wrap(FfdheKeyExchange.leftPad(y.toByteArray(), 256)))) {
                assertEquals(FailureReason.KEY_SHARE_DH_VALUE_OUT_OF_RANGE, f.reason());
                assertTrue(f.detail().contains("1 < Y < p-1"), f.detail());
            }
        }
        // The extremes just inside are values like any other.
        for (BigInteger y : List.of(BigInteger.TWO, p.subtract(BigInteger.TWO))) {
            Bytes share = Bytes.wrap(FfdheKeyExchange.leftPad(y.toByteArray(), 256));
            assertEquals(256, kx.respond(share, RANDOM).sharedSecret().length);
        }
    }

    @Test
    void wrongLengthIsIllegalParameterEvenForAGoodValue() {
        FfdheKeyExchange kx = FfdheKeyExchange.FFDHE2048;
        Bytes good = kx.start(RANDOM).keyShare();
        for (Bytes wrong : List.of(good.slice(0, 255), Bytes.of((byte) 0).concat(good), Bytes.EMPTY)) {
            for (TlsFailure f : assertBothSidesRefuse(kx, wrong)) {
                assertEquals(FailureReason.KEY_SHARE_WRONG_LENGTH, f.reason());
            }
        }
        // A 2048-bit value in the 3072-bit group: in range, but not padded to the length of p.
        for (TlsFailure f : assertBothSidesRefuse(FfdheKeyExchange.FFDHE3072, good)) {
            assertEquals("ffdhe3072 key_exchange must be 384 bytes, got 256", f.detail());
        }
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        FfdheKeyExchange kx = FfdheKeyExchange.FFDHE2048;
        ClientKeyShare client = kx.start(RANDOM);
        assertEquals("KeyShare(ffdhe2048)", client.toString());
        assertEquals("KeyExchange(ffdhe2048)", kx.toString());
        KeyExchange.Response r = kx.respond(client.keyShare(), RANDOM);
        assertFalse(r.toString().contains(HexFormat.of().formatHex(r.sharedSecret()).substring(0, 16)), r.toString());
    }

    @Test
    void onlyCodes256To511AreFiniteField() {
        assertTrue(KeyExchanges.isFiniteField(NamedGroup.FFDHE8192));
        assertTrue(KeyExchanges.isFiniteField(new NamedGroup(0x01FF)));
        assertFalse(KeyExchanges.isFiniteField(new NamedGroup(0x00FF)));
        assertFalse(KeyExchanges.isFiniteField(new NamedGroup(0x0200)));
        assertFalse(KeyExchanges.isFiniteField(NamedGroup.X25519));
        assertFalse(KeyExchanges.isFiniteField(NamedGroup.X25519MLKEM768));
    }

    private static List<TlsFailure> assertBothSidesRefuse(KeyExchange kx, Bytes peer) {
        ClientKeyShare client = kx.start(RANDOM);
        return List.of(assertIllegalParameter(() -> client.finish(peer)),
                assertIllegalParameter(() -> kx.respond(peer, RANDOM)));
    }

    private static TlsFailure assertIllegalParameter(org.junit.jupiter.api.function.Executable e) {
        TlsFailure f = assertThrows(TlsFailure.class, e);
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        return f;
    }
}
