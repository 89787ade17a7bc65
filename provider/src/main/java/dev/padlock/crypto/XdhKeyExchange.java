package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 and X448 (RFC 7748) as a {@link KeyExchange}: both sides send a u-coordinate. X25519 is
 * Padlock's own constant-time {@link X25519} unless {@link OwnCrypto} says JCA; X448 is the JCA's.
 */
final class XdhKeyExchange implements KeyExchange {
    static final XdhKeyExchange X25519 = new XdhKeyExchange(NamedGroup.X25519, OwnCrypto.enabled());
    static final XdhKeyExchange X448 = new XdhKeyExchange(NamedGroup.X448, false);

    private final NamedGroup group;
    private final boolean own;

    private XdhKeyExchange(NamedGroup group, boolean own) {
        this.group = group;
        this.own = own;
    }

    /** X25519 through the JCA whatever the switch says, for tests that compare the two paths. */
    static XdhKeyExchange x25519Jca() {
        return new XdhKeyExchange(NamedGroup.X25519, false);
    }

    /** Whether this exchange runs Padlock's own code rather than the JCA's. */
    boolean own() {
        return own;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public int clientShareLength() {
        return length(group);
    }

    @Override
    public int serverShareLength() {
        return length(group);
    }

    @Override
    public ClientKeyShare start(SecureRandom random) {
        return generate(random);
    }

    /** DH as a KEM: a fresh key pair whose public value is the server's key_share, and the agreement. */
    @Override
    public Response respond(Bytes clientShare, SecureRandom random) {
        ClientKeyShare mine = generate(random);
        return new Response(mine.keyShare(), mine.finish(clientShare));
    }

    private ClientKeyShare generate(SecureRandom random) {
        if (own) {
            // RFC 7748 §6.1: 32 random bytes; X25519 clamps them as it reads them.
            byte[] scalar = new byte[dev.padlock.crypto.curve25519.X25519.LENGTH];
            random.nextBytes(scalar);
            return ownShare(scalar);
        }
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("XDH");
            kpg.initialize(params(group), random);
            KeyPair kp = kpg.generateKeyPair();
            BigInteger u = ((XECPublicKey) kp.getPublic()).getU();
            return share(kp.getPrivate(), Bytes.wrap(encodeU(u, length(group))));
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("XDH key generation for " + group, e);
        }
    }

    /**
     * A key share from a known private scalar, for known-answer tests (RFC 8448) only. The
     * public key is X(scalar, 9), the scalar multiple of the base point (RFC 7748 §6). DH is
     * symmetric, so the server's fixed key is also such a share: its finish is the server's agreement.
     */
    ClientKeyShare fromPrivateKeyForTesting(byte[] scalar) {
        if (own) {
            return ownShare(scalar.clone());
        }
        try {
            PrivateKey priv = KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(params(group), scalar.clone()));
            byte[] basePoint = new byte[length(group)];
            basePoint[0] = group.equals(NamedGroup.X25519) ? (byte) 9 : (byte) 5;
            byte[] pub = agree(group, priv, Bytes.wrap(basePoint));
            return share(priv, Bytes.wrap(pub));
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("XDH private key for " + group, e);
        }
    }

    private static ClientKeyShare ownShare(byte[] scalar) {
        return new OwnX25519Share(scalar, Bytes.wrap(dev.padlock.crypto.curve25519.X25519.publicKey(scalar)));
    }

    private ClientKeyShare share(PrivateKey privateKey, Bytes publicKey) {
        return new DhClientShare(group, privateKey, publicKey, (key, peer) -> agree(group, key, peer));
    }

    private static byte[] agree(NamedGroup group, PrivateKey privateKey, Bytes peerPublic) {
        int n = length(group);
        if (peerPublic.length() != n) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH,
                    group + " key_exchange must be " + n + " bytes, got "
                    + peerPublic.length());
        }
        byte[] secret;
        try {
            PublicKey peer = KeyFactory.getInstance("XDH")
                    .generatePublic(new XECPublicKeySpec(params(group), decodeU(peerPublic, group)));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(privateKey);
            ka.doPhase(peer, true);
            secret = ka.generateSecret();
        } catch (InvalidKeyException e) {
            // The JDK refuses small-order points itself (all-zero output).
            throw new TlsFailure(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY,
                    group + " key_exchange is not an acceptable public key", e);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("XDH agreement for " + group, e);
        }
        // RFC 7748 §6 and RFC 8446 §7.4.2: an all-zero shared secret must be rejected.
        int acc = 0;
        for (byte b : secret) {
            acc |= b;
        }
        if (acc == 0) {
            throw new TlsFailure(FailureReason.KEY_SHARE_ALL_ZERO_SECRET,
                    group + " key_exchange gives an all-zero shared secret");
        }
        return secret;
    }

    private static NamedParameterSpec params(NamedGroup group) {
        return group.equals(NamedGroup.X25519) ? NamedParameterSpec.X25519 : NamedParameterSpec.X448;
    }

    private static int length(NamedGroup group) {
        return group.equals(NamedGroup.X25519) ? 32 : 56;
    }

    // RFC 7748 §5: u is little-endian; for X25519 the most significant bit of the last byte is masked.
    private static BigInteger decodeU(Bytes encoded, NamedGroup group) {
        byte[] le = encoded.toByteArray();
        if (group.equals(NamedGroup.X25519)) {
            le[le.length - 1] &= 0x7F;
        }
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] encodeU(BigInteger u, int length) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[length];
        for (int i = 0; i < length && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    @Override
    public String toString() {
        return "KeyExchange(" + group + ")";
    }
}
