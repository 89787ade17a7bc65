package dev.padlock.crypto;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.KeyAgreement;

/** secp256r1, secp384r1 and secp521r1 key shares (RFC 8446 §4.2.8.2). */
final class EcdhKeyShare implements KeyShare {
    private static final Map<NamedGroup, String> CURVES = Map.of(
            NamedGroup.SECP256R1, "secp256r1",
            NamedGroup.SECP384R1, "secp384r1",
            NamedGroup.SECP521R1, "secp521r1");

    private final NamedGroup group;
    private final PrivateKey privateKey;
    private final ECParameterSpec params;
    private final Bytes publicKey;

    private EcdhKeyShare(NamedGroup group, PrivateKey privateKey, ECParameterSpec params, Bytes publicKey) {
        this.group = group;
        this.privateKey = privateKey;
        this.params = params;
        this.publicKey = publicKey;
    }

    static boolean supports(NamedGroup group) {
        return CURVES.containsKey(group);
    }

    static EcdhKeyShare generate(NamedGroup group, SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec(CURVES.get(group)), random);
            KeyPair kp = kpg.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) kp.getPublic();
            ECParameterSpec params = pub.getParams();
            return new EcdhKeyShare(group, kp.getPrivate(), params,
                    Bytes.wrap(encodeUncompressed(pub.getW(), fieldLength(params))));
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("EC key generation for " + group, e);
        }
    }

    /**
     * A key share from a known private scalar and its public key, for known-answer tests
     * (RFC 8448 §5) only. JCA offers no scalar multiplication, so the public key is given.
     */
    static EcdhKeyShare fromPrivateKeyForTesting(NamedGroup group, byte[] scalar, Bytes publicKey) {
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(CURVES.get(group)));
            ECParameterSpec params = ap.getParameterSpec(ECParameterSpec.class);
            PrivateKey priv = KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), params));
            EcdhKeyShare share = new EcdhKeyShare(group, priv, params, publicKey);
            share.decodeAndValidate(publicKey);
            return share;
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("EC private key for " + group, e);
        }
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public Bytes publicKey() {
        return publicKey;
    }

    @Override
    public byte[] agree(Bytes peerPublic) {
        ECPoint w = decodeAndValidate(peerPublic);
        byte[] secret;
        try {
            PublicKey peer = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(privateKey);
            ka.doPhase(peer, true);
            secret = ka.generateSecret();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw new TlsFailure(AlertDescription.ILLEGAL_PARAMETER,
                    group + " key_exchange is not an acceptable public key", e);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("ECDH agreement for " + group, e);
        }
        // RFC 8446 §7.4.2: the shared secret is the x-coordinate at the field's full length.
        int n = fieldLength(params);
        if (secret.length < n) {
            byte[] padded = new byte[n];
            System.arraycopy(secret, 0, padded, n - secret.length, secret.length);
            secret = padded;
        }
        return secret;
    }

    /**
     * RFC 8446 §4.2.8.2: only the uncompressed form (legacy_form 4) is allowed, and the peer
     * must check that the point is valid: coordinates in the field, on the curve. These curves
     * have cofactor 1, so a point on the curve is in the prime-order group.
     */
    private ECPoint decodeAndValidate(Bytes encoded) {
        int n = fieldLength(params);
        if (encoded.length() != 1 + 2 * n) {
            throw TlsFailure.illegalParameter(group + " key_exchange must be " + (1 + 2 * n)
                    + " bytes, got " + encoded.length());
        }
        if (encoded.get(0) != 4) {
            throw TlsFailure.illegalParameter(group + " key_exchange is not an uncompressed point");
        }
        byte[] b = encoded.toByteArray();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(b, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(b, 1 + n, 1 + 2 * n));
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw TlsFailure.illegalParameter(group + " key_exchange coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!lhs.equals(rhs)) {
            throw TlsFailure.illegalParameter(group + " key_exchange point is not on the curve");
        }
        return new ECPoint(x, y);
    }

    private static int fieldLength(ECParameterSpec params) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    private static byte[] encodeUncompressed(ECPoint w, int n) {
        byte[] out = new byte[1 + 2 * n];
        out[0] = 4;
        copyUnsigned(w.getAffineX(), out, 1, n);
        copyUnsigned(w.getAffineY(), out, 1 + n, n);
        return out;
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int off, int n) {
        byte[] be = v.toByteArray();
        int len = Math.min(be.length, n);
        System.arraycopy(be, be.length - len, out, off + n - len, len);
    }

    @Override
    public String toString() {
        return "KeyShare(" + group + ")";
    }
}
