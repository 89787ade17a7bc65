package dev.padlock.crypto.p256;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.junit.jupiter.api.Test;

/** The curve constants are the JDK's secp256r1, and the Montgomery constants fit them. */
class CurveConstantsTest {
    @Test
    void constantsAreTheJdksSecp256r1() throws Exception {
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec jdk = ap.getParameterSpec(ECParameterSpec.class);
        BigInteger p = ((ECFieldFp) jdk.getCurve().getField()).getP();
        assertEquals(p, Mont.toBigInteger(Curve.P.limbs));
        assertEquals(jdk.getOrder(), Mont.toBigInteger(Curve.N.limbs));
        assertEquals(jdk.getCurve().getA(), p.subtract(BigInteger.valueOf(3)));
        assertEquals(jdk.getCurve().getB(), Curve.B_VALUE);
        assertEquals(jdk.getGenerator().getAffineX(), Curve.GX);
        assertEquals(jdk.getGenerator().getAffineY(), Curve.GY);
        assertEquals(1, jdk.getCofactor());
        Point g = Curve.generator();
        assertTrue(Curve.onCurve(g.x, g.y));
    }

    @Test
    void inversionAndMultiplicationAgreeWithBigInteger() {
        BigInteger p = Mont.toBigInteger(Curve.P.limbs);
        java.util.Random random = new java.util.Random(6979);
        java.util.List<BigInteger> edges = java.util.List.of(BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE),
                p.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE));
        for (int i = 0; i < 236; i++) {
            BigInteger a = i < 36 ? edges.get(i % 6) : new BigInteger(256, random).mod(p);
            BigInteger b = i < 36 ? edges.get(i / 6) : new BigInteger(256, random).mod(p);
            int[] am = Curve.montgomery(a);
            int[] bm = Curve.montgomery(b);
            int[] r = new int[Mont.LIMBS];
            Mont.mul(r, am, bm, Curve.P);
            Mont.fromMontgomery(r, r, Curve.P);
            assertEquals(a.multiply(b).mod(p), Mont.toBigInteger(r), "a * b");
            Mont.sqr(r, am, Curve.P);
            Mont.fromMontgomery(r, r, Curve.P);
            assertEquals(a.multiply(a).mod(p), Mont.toBigInteger(r), "a^2");
            Mont.sub(r, am, bm, Curve.P);
            Mont.fromMontgomery(r, r, Curve.P);
            assertEquals(a.subtract(b).mod(p), Mont.toBigInteger(r), "a - b");
            if (a.signum() != 0) {
                Mont.invert(r, am, Curve.P);
                Mont.fromMontgomery(r, r, Curve.P);
                assertEquals(a.modInverse(p), Mont.toBigInteger(r), "1 / a");
            }
        }
    }
}
