package dev.padlock.bench;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * X25519 and Ed25519 one operation at a time, three implementations side by side in one run:
 * Padlock's own ({@code dev.padlock.crypto.curve25519}), the JCA (SunEC), and BouncyCastle's
 * pure-Java {@code org.bouncycastle.math.ec.rfc7748}/{@code rfc8032}. {@link #x25519Agreement} is
 * one shared secret from a fixed private key and a fixed peer share (for the JCA: init, doPhase,
 * generateSecret, as a handshake calls it); {@link #x25519KeyGen} one key pair; the Ed25519 ones
 * sign or verify a 130-byte message, the size of a TLS 1.3 CertificateVerify content. Set-up
 * checks that the three compute the same secret and signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class Curve25519Benchmark {
    @Param({"Padlock", "JCA", "BouncyCastle"})
    public String impl;

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = new byte[130];
    private byte[] privateX;
    private byte[] peerX;
    private PrivateKey jcaPrivateX;
    private PublicKey jcaPeerX;
    private byte[] seed;
    private byte[] publicEd;
    private byte[] signature;
    private PrivateKey jcaPrivateEd;
    private PublicKey jcaPublicEd;

    @Setup
    public void setUp() throws GeneralSecurityException {
        random.nextBytes(message);
        KeyPairGenerator xdh = KeyPairGenerator.getInstance("X25519");
        KeyPair mine = xdh.generateKeyPair();
        KeyPair peer = xdh.generateKeyPair();
        jcaPrivateX = mine.getPrivate();
        jcaPeerX = peer.getPublic();
        privateX = ((java.security.interfaces.XECPrivateKey) mine.getPrivate()).getScalar().orElseThrow();
        peerX = littleEndian(((XECPublicKey) peer.getPublic()).getU().toByteArray());
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jcaPrivateEd = ed.getPrivate();
        jcaPublicEd = ed.getPublic();
        seed = ((EdECPrivateKey) ed.getPrivate()).getBytes().orElseThrow();
        byte[] encoded = ed.getPublic().getEncoded();
        publicEd = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        signature = dev.padlock.crypto.curve25519.Ed25519.sign(seed, message);
        byte[] own = dev.padlock.crypto.curve25519.X25519.scalarMult(privateX, peerX);
        byte[] bc = new byte[32];
        org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(privateX, 0, peerX, 0, bc, 0);
        byte[] bcSignature = new byte[64];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, bcSignature, 0);
        if (!Arrays.equals(own, jcaAgreement()) || !Arrays.equals(own, bc)
                || !Arrays.equals(signature, jcaSign()) || !Arrays.equals(signature, bcSignature)) {
            throw new IllegalStateException("the three implementations disagree");
        }
    }

    private static byte[] littleEndian(byte[] bigEndian) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private byte[] jcaAgreement() throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("XDH");
        ka.init(jcaPrivateX);
        ka.doPhase(jcaPeerX, true);
        return ka.generateSecret();
    }

    private byte[] jcaSign() throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(jcaPrivateEd);
        s.update(message);
        return s.sign();
    }

    @Benchmark
    public byte[] x25519Agreement() throws GeneralSecurityException {
        switch (impl) {
            case "Padlock":
                return dev.padlock.crypto.curve25519.X25519.scalarMult(privateX, peerX);
            case "JCA":
                return jcaAgreement();
            default:
                byte[] r = new byte[32];
                org.bouncycastle.math.ec.rfc7748.X25519.scalarMult(privateX, 0, peerX, 0, r, 0);
                return r;
        }
    }

    @Benchmark
    public Object x25519KeyGen() throws GeneralSecurityException {
        byte[] k = new byte[32];
        random.nextBytes(k);
        switch (impl) {
            case "Padlock":
                return dev.padlock.crypto.curve25519.X25519.publicKey(k);
            case "JCA":
                return KeyPairGenerator.getInstance("X25519").generateKeyPair();
            default:
                byte[] r = new byte[32];
                org.bouncycastle.math.ec.rfc7748.X25519.scalarMultBase(k, 0, r, 0);
                return r;
        }
    }

    @Benchmark
    public byte[] ed25519Sign() throws GeneralSecurityException {
        switch (impl) {
            case "Padlock":
                return dev.padlock.crypto.curve25519.Ed25519.sign(seed, message);
            case "JCA":
                return jcaSign();
            default:
                byte[] sig = new byte[64];
                org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
                return sig;
        }
    }

    @Benchmark
    public boolean ed25519Verify() throws GeneralSecurityException {
        switch (impl) {
            case "Padlock":
                return dev.padlock.crypto.curve25519.Ed25519.verify(publicEd, message, signature);
            case "JCA":
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(jcaPublicEd);
                s.update(message);
                return s.verify(signature);
            default:
                return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicEd, 0, message, 0,
                        message.length);
        }
    }
}
