package dev.padlock.crypto;

import dev.padlock.crypto.p256.P256;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
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
import javax.crypto.KeyAgreement;

/**
 * secp256r1, secp384r1 and secp521r1 as a {@link KeyExchange} (RFC 8446 §4.2.8.2). secp256r1 runs
 * on Padlock's own constant-time P-256 ({@link P256KeyShare}) unless {@link OwnCrypto} is off;
 * the other curves, and secp256r1 then, on the JCA.
 */
final class EcdhKeyExchange implements KeyExchange {
    static final EcdhKeyExchange SECP256R1 = new EcdhKeyExchange(NamedGroup.SECP256R1, "secp256r1", 32);
    static final EcdhKeyExchange SECP384R1 = new EcdhKeyExchange(NamedGroup.SECP384R1, "secp384r1", 48);
    static final EcdhKeyExchange SECP521R1 = new EcdhKeyExchange(NamedGroup.SECP521R1, "secp521r1", 66);

    private final NamedGroup group;
    private final String curve;
    private final int fieldLength;

    private EcdhKeyExchange(NamedGroup group, String curve, int fieldLength) {
        this.group = group;
        this.curve = curve;
        this.fieldLength = fieldLength;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    /** 0x04 || X || Y, each coordinate at the field's length (§4.2.8.2). */
    @Override
    public int clientShareLength() {
        return 1 + 2 * fieldLength;
    }

    @Override
    public int serverShareLength() {
        return 1 + 2 * fieldLength;
    }

    @Override
    public ClientKeyShare start(SecureRandom random) {
        return own() ? new P256KeyShare(P256.generatePrivateKey(random)) : generate(random);
    }

    private boolean own() {
        return group == NamedGroup.SECP256R1 && OwnCrypto.enabled();
    }

    /** DH as a KEM: a fresh key pair whose public value is the server's key_share, and the agreement. */
    @Override
    public Response respond(Bytes clientShare, SecureRandom random) {
        ClientKeyShare mine = start(random);
        return new Response(mine.keyShare(), mine.finish(clientShare));
    }

    private ClientKeyShare generate(SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new ECGenParameterSpec(curve), random);
            KeyPair kp = kpg.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) kp.getPublic();
            ECParameterSpec params = pub.getParams();
            return share(kp.getPrivate(), params, Bytes.wrap(encodeUncompressed(pub.getW(), fieldLength(params))));
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("EC key generation for " + group, e);
        }
    }

    /**
     * A key share from a known private scalar and its public key, for known-answer tests
     * (RFC 8448 §5) only. JCA offers no scalar multiplication, so the public key is given; the own
     * P-256 computes it, and it must be the given one. DH is symmetric, so the server's fixed key is
     * also such a share: its finish is the server's agreement.
     */
    ClientKeyShare fromPrivateKeyForTesting(byte[] scalar, Bytes publicKey) {
        if (own()) {
            P256KeyShare share = new P256KeyShare(scalar.clone());
            if (!share.keyShare().equals(publicKey)) {
                throw new IllegalArgumentException("the public key is not the private scalar's");
            }
            return share;
        }
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(curve));
            ECParameterSpec params = ap.getParameterSpec(ECParameterSpec.class);
            PrivateKey priv = KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), params));
            decodeAndValidate(group, params, publicKey);
            return share(priv, params, publicKey);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("EC private key for " + group, e);
        }
    }

    @Override
    public String toString() {
        return "KeyExchange(" + group + ")";
    }

    private ClientKeyShare share(PrivateKey privateKey, ECParameterSpec params, Bytes publicKey) {
        return new DhClientShare(group, privateKey, publicKey, (key, peer) -> agree(group, key, params, peer));
    }

    private static byte[] agree(NamedGroup group, PrivateKey privateKey, ECParameterSpec params, Bytes peerPublic) {
        ECPoint w = decodeAndValidate(group, params, peerPublic);
        byte[] secret;
        try {
            PublicKey peer = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(privateKey);
            ka.doPhase(peer, true);
            secret = ka.generateSecret();
        } catch (InvalidKeyException | InvalidKeySpecException e) {
            throw new TlsFailure(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY,
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
    private static ECPoint decodeAndValidate(NamedGroup group, ECParameterSpec params, Bytes encoded) {
        int n = fieldLength(params);
        if (encoded.length() != 1 + 2 * n) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH, group + " key_exchange must be " + (1 + 2 * n)
                    + " bytes, got " + encoded.length());
        }
        if (encoded.get(0) != 4) {
            throw new TlsFailure(FailureReason.KEY_SHARE_NOT_UNCOMPRESSED,
                    group + " key_exchange is not an uncompressed point");
        }
        byte[] b = encoded.toByteArray();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(b, 1, 1 + n));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(b, 1 + n, 1 + 2 * n));
        EllipticCurve curve = params.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new TlsFailure(FailureReason.KEY_SHARE_COORDINATE_OUT_OF_RANGE,
                    group + " key_exchange coordinate out of range");
        }
        BigInteger lhs = y.multiply(y).mod(p);
        BigInteger rhs = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!lhs.equals(rhs)) {
            throw new TlsFailure(FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE,
                    group + " key_exchange point is not on the curve");
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
}
