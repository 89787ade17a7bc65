package dev.padlock.crypto.p256;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Wycheproof;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every Wycheproof vector for ECDH and ECDSA (SHA-256) on P-256, each with its expected result.
 * Padlock takes peer points as TLS sends them (uncompressed, RFC 8446 §4.2.8.2), so an ECDH
 * public key whose SubjectPublicKeyInfo is not the plain named-curve P-256 one with an
 * uncompressed point is one Padlock never receives: it counts as refused, which must be what
 * the vector allows.
 */
class P256WycheproofTest {
    /** SubjectPublicKeyInfo { id-ecPublicKey, prime256v1 }, BIT STRING of 66 bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    @Test
    void ecdhVectorsGiveTheirExpectedResults() throws Exception {
        List<Wycheproof.Case> vectors = Wycheproof.cases("ecdh_secp256r1_test.json");
        int agreed = 0;
        int refused = 0;
        for (Wycheproof.Case v : vectors) {
            byte[] privateKey = scalar32(v.string("private"));
            byte[] spki = v.hex("public");
            byte[] point = uncompressedPoint(spki);
            byte[] shared = null;
            if (point != null) {
                try {
                    shared = P256.ecdh(privateKey, point);
                } catch (P256.InvalidPointException e) {
                    assertTrue(e.error() == P256.PointError.NOT_ON_CURVE
                            || e.error() == P256.PointError.COORDINATE_OUT_OF_RANGE, v.toString());
                }
            }
            switch (v.result()) {
                case VALID -> assertArrayEquals(v.hex("shared"), shared, v.toString());
                case INVALID -> assertEquals(null, shared, v.toString());
                case ACCEPTABLE -> assertTrue(shared == null || Arrays.equals(v.hex("shared"), shared),
                        v.toString());
            }
            if (shared == null) {
                refused++;
            } else {
                agreed++;
            }
        }
        assertEquals(612, agreed + refused);
        assertTrue(agreed >= 330, "every valid vector agreed: " + agreed);
    }

    @Test
    void ecdsaVectorsGiveTheirExpectedResults() throws Exception {
        List<Wycheproof.Case> vectors = Wycheproof.cases("ecdsa_secp256r1_sha256_test.json");
        int valid = 0;
        for (Wycheproof.Case v : vectors) {
            assertEquals("SHA-256", v.group().string("sha"));
            byte[] hash = sha256(v.hex("msg"));
            boolean ok = P256Ecdsa.verify(v.group().hex("publicKey", "uncompressed"), hash, v.hex("sig"));
            // The file has no "acceptable" vectors: each is valid or invalid.
            assertEquals(v.result() == Wycheproof.Result.VALID, ok, v.toString());
            valid += ok ? 1 : 0;
        }
        assertEquals(174, valid);
    }

    @Test
    void pointsThatAreNotUncompressedOrOutOfRangeAreRefusedWithTheirReason() {
        byte[] good = P256.publicKey(scalar32("01"));
        byte[] compressed = Arrays.copyOf(good, 33);
        compressed[0] = 2;
        assertEquals(P256.PointError.WRONG_LENGTH, refusal(compressed));
        assertEquals(P256.PointError.WRONG_LENGTH, refusal(new byte[] {0}));
        byte[] hybrid = good.clone();
        hybrid[0] = 6;
        assertEquals(P256.PointError.NOT_UNCOMPRESSED, refusal(hybrid));
        // y = p is y = 0 mod p, which no P-256 point has, but the coordinate itself must be below p.
        byte[] yIsP = good.clone();
        System.arraycopy(fixed32(Mont.toBigInteger(Curve.P.limbs)), 0, yIsP, 33, 32);
        assertEquals(P256.PointError.COORDINATE_OUT_OF_RANGE, refusal(yIsP));
        byte[] offCurve = good.clone();
        offCurve[64] ^= 1;
        assertEquals(P256.PointError.NOT_ON_CURVE, refusal(offCurve));
    }

    private static P256.PointError refusal(byte[] point) {
        return assertThrows(P256.InvalidPointException.class, () -> P256.ecdh(scalar32("01"), point)).error();
    }

    /** The point of an SPKI that is exactly named-curve P-256 with an uncompressed point, else null. */
    private static byte[] uncompressedPoint(byte[] spki) {
        if (spki.length != SPKI_PREFIX.length + 65
                || !Arrays.equals(SPKI_PREFIX, Arrays.copyOf(spki, SPKI_PREFIX.length))) {
            return null;
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    static byte[] scalar32(String hex) {
        return fixed32(new BigInteger(hex, 16));
    }

    static byte[] fixed32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, out, 32 - len, len);
        return out;
    }

    static byte[] sha256(byte[] m) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(m);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
