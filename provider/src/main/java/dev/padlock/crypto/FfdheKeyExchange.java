package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.FailureReason;
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
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;

/**
 * The finite field groups of RFC 7919 as a {@link KeyExchange}, through the JCA's Diffie-Hellman:
 * both sides send their public value Y = 2^x mod p, left-padded to the length of p.
 */
final class FfdheKeyExchange implements KeyExchange {
    private static final BigInteger GENERATOR = BigInteger.TWO;

    /*
     * Private exponents of twice the group's estimated strength in bits, the sizes the JDK pairs
     * with its own primes of these lengths (2048: 112-bit, 8192: 200-bit strength). The JCA's own
     * choice for a bare (p, g) is 1024 bits, which makes each exponentiation four times slower for no gain: with a
     * safe prime the best attacks on a short exponent take about 2^(bits/2) steps.
     */
    static final FfdheKeyExchange FFDHE2048 = new FfdheKeyExchange(NamedGroup.FFDHE2048, FfdhePrimes.FFDHE2048, 224);
    static final FfdheKeyExchange FFDHE3072 = new FfdheKeyExchange(NamedGroup.FFDHE3072, FfdhePrimes.FFDHE3072, 256);
    static final FfdheKeyExchange FFDHE4096 = new FfdheKeyExchange(NamedGroup.FFDHE4096, FfdhePrimes.FFDHE4096, 304);
    static final FfdheKeyExchange FFDHE6144 = new FfdheKeyExchange(NamedGroup.FFDHE6144, FfdhePrimes.FFDHE6144, 352);
    static final FfdheKeyExchange FFDHE8192 = new FfdheKeyExchange(NamedGroup.FFDHE8192, FfdhePrimes.FFDHE8192, 400);

    private final NamedGroup group;
    private final DHParameterSpec params;
    private final BigInteger pMinusOne;
    private final int length;

    private FfdheKeyExchange(NamedGroup group, BigInteger p, int exponentBits) {
        this.group = group;
        this.params = new DHParameterSpec(p, GENERATOR, exponentBits);
        this.pMinusOne = p.subtract(BigInteger.ONE);
        this.length = (p.bitLength() + 7) / 8;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public int clientShareLength() {
        return length;
    }

    @Override
    public int serverShareLength() {
        return length;
    }

    /** The prime of the group, for tests. */
    BigInteger prime() {
        return params.getP();
    }

    @Override
    public ClientKeyShare start(SecureRandom random) {
        return generate(random);
    }

    /** DH as a KEM: the client's value is checked before any work, then a fresh key pair agrees with it. */
    @Override
    public Response respond(Bytes clientShare, SecureRandom random) {
        decode(clientShare);
        ClientKeyShare mine = generate(random);
        return new Response(mine.keyShare(), mine.finish(clientShare));
    }

    private ClientKeyShare generate(SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("DH");
            kpg.initialize(params, random);
            KeyPair kp = kpg.generateKeyPair();
            BigInteger y = ((DHPublicKey) kp.getPublic()).getY();
            return new DhClientShare(group, kp.getPrivate(), Bytes.wrap(leftPad(y.toByteArray(), length)),
                    (key, peer) -> agree(key, decode(peer)));
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("DH key generation for " + group, e);
        }
    }

    /**
     * RFC 8446 §4.2.8.1: the peer's Y is exactly as long as p, and 1 < Y < p-1 (0, 1 and p-1
     * would make the shared secret predictable; p and above are not values mod p).
     */
    private BigInteger decode(Bytes share) {
        if (share.length() != length) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH, group + " key_exchange must be " + length
                    + " bytes, got " + share.length());
        }
        BigInteger y = new BigInteger(1, share.toByteArray());
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(pMinusOne) >= 0) {
            throw new TlsFailure(FailureReason.KEY_SHARE_DH_VALUE_OUT_OF_RANGE,
                    group + " key_exchange is not in the range 1 < Y < p-1");
        }
        return y;
    }

    /** RFC 8446 §7.4.1: the shared secret is Z left-padded with zeros to the length of p. */
    private byte[] agree(PrivateKey privateKey, BigInteger peerY) {
        byte[] z;
        try {
            PublicKey peer = KeyFactory.getInstance("DH").generatePublic(
                    new DHPublicKeySpec(peerY, params.getP(), params.getG()));
            KeyAgreement ka = KeyAgreement.getInstance("DH");
            ka.init(privateKey);
            ka.doPhase(peer, true);
            z = ka.generateSecret();
        } catch (InvalidKeyException e) {
            throw new TlsFailure(FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY,
                    group + " key_exchange is not an acceptable public value", e);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("DH agreement for " + group, e);
        }
        return leftPad(z, length);
    }

    /**
     * {@code value} (big-endian, non-negative, below p) as exactly {@code length} bytes: a
     * BigInteger's sign byte dropped, missing leading zeros restored. The input is zeroed when
     * copied, since it may be a shared secret.
     */
    static byte[] leftPad(byte[] value, int length) {
        if (value.length == length) {
            return value;
        }
        int skip = Math.max(0, value.length - length);
        byte[] padded = new byte[length];
        System.arraycopy(value, skip, padded, length - (value.length - skip), value.length - skip);
        Arrays.fill(value, (byte) 0);
        return padded;
    }

    @Override
    public String toString() {
        return "KeyExchange(" + group + ")";
    }
}
