package dev.padlock.bench;

import dev.padlock.crypto.p256.P256;
import dev.padlock.crypto.p256.P256Ecdsa;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P-256 as a handshake uses it, three ways in one run: Padlock's own ({@code crypto.p256}), the
 * JCA (SunEC), and BouncyCastle's pure-Java lightweight API on its custom secp256r1 curve. One
 * ECDH agreement against a fixed peer point (what a key_share costs beyond key generation), one
 * signature of a CertificateVerify-sized content (SHA-256 included), one verification of it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class P256Benchmark {
    private final SecureRandom random = new SecureRandom();
    private final byte[] content = new byte[130];
    private KeyPair jca;
    private KeyPair peer;
    private byte[] ownPrivate;
    private byte[] ownPeerPoint;
    private byte[] ownPublic;
    private byte[] signature;
    private ECDomainParameters bcDomain;
    private ECPrivateKeyParameters bcPrivate;
    private BigInteger[] bcSignature;
    private byte[] bcHash;

    @Setup
    public void setUp() throws GeneralSecurityException {
        byte[] label = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(label, 0, content, 64, label.length);
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        jca = kpg.generateKeyPair();
        peer = kpg.generateKeyPair();
        ownPrivate = fixed32(((ECPrivateKey) jca.getPrivate()).getS());
        ownPublic = P256.publicKey(ownPrivate);
        ownPeerPoint = point((ECPublicKey) peer.getPublic());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(jca.getPrivate());
        s.update(content);
        signature = s.sign();
        X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
        bcDomain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        bcPrivate = new ECPrivateKeyParameters(((ECPrivateKey) jca.getPrivate()).getS(), bcDomain);
        bcHash = MessageDigest.getInstance("SHA-256").digest(content);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(bcPrivate, random));
        bcSignature = signer.generateSignature(bcHash);
    }

    @Benchmark
    public byte[] ecdhOwn() throws P256.InvalidPointException {
        return P256.ecdh(ownPrivate, ownPeerPoint);
    }

    @Benchmark
    public byte[] ecdhJca() throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(jca.getPrivate());
        ka.doPhase(peer.getPublic(), true);
        return ka.generateSecret();
    }

    /**
     * The peer point is decoded each time, as a key_share is: BouncyCastle caches its window tables
     * on the point object, which a reused point would turn into a cache benchmark.
     */
    @Benchmark
    public BigInteger ecdhBouncyCastle() {
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(bcPrivate);
        return agreement.calculateAgreement(
                new ECPublicKeyParameters(bcDomain.getCurve().decodePoint(ownPeerPoint), bcDomain));
    }

    @Benchmark
    public byte[] signOwn() throws GeneralSecurityException {
        byte[] hedge = new byte[32];
        random.nextBytes(hedge);
        return P256Ecdsa.sign(ownPrivate, MessageDigest.getInstance("SHA-256").digest(content), hedge);
    }

    @Benchmark
    public byte[] signJca() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(jca.getPrivate(), random);
        s.update(content);
        return s.sign();
    }

    /** BouncyCastle with its RFC 6979 nonces, the closest to Padlock's hedged ones. */
    @Benchmark
    public BigInteger[] signBouncyCastle() throws GeneralSecurityException {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, bcPrivate);
        return signer.generateSignature(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Benchmark
    public boolean verifyOwn() throws GeneralSecurityException {
        return P256Ecdsa.verify(ownPublic, MessageDigest.getInstance("SHA-256").digest(content), signature);
    }

    @Benchmark
    public boolean verifyJca() throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(jca.getPublic());
        s.update(content);
        return s.verify(signature);
    }

    /** The public key is decoded each time, as from a certificate (see {@link #ecdhBouncyCastle}). */
    @Benchmark
    public boolean verifyBouncyCastle() throws GeneralSecurityException {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, new ECPublicKeyParameters(bcDomain.getCurve().decodePoint(ownPublic), bcDomain));
        return signer.verifySignature(MessageDigest.getInstance("SHA-256").digest(content),
                bcSignature[0], bcSignature[1]);
    }

    private static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(fixed32(key.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(fixed32(key.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(be.length, 32);
        System.arraycopy(be, be.length - len, out, 32 - len, len);
        return out;
    }
}
