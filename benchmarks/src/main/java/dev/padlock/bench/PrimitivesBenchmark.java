package dev.padlock.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bound: raw JCA doing the cryptography a TLS 1.3 connection cannot avoid. An AEAD
 * operation encrypts and then decrypts one full 16 KiB record (16384 bytes plus the content-type
 * byte, 5-byte header as AAD), as one record of {@link BulkBenchmark} costs at the least; a bulk
 * operation is 64 of them. A handshake needs at least one {@link #x25519} and one
 * sign+verify of the server's key.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class PrimitivesBenchmark {
    static final int RECORD = 16 * 1024 + 1;
    static final int TAG = 16;

    private final byte[] plaintext = new byte[RECORD];
    private final byte[] ciphertext = new byte[RECORD + TAG];
    private final byte[] decrypted = new byte[RECORD];
    private final byte[] aad = {23, 3, 3, (byte) ((RECORD + TAG) >>> 8), (byte) (RECORD + TAG)};
    private final byte[] nonce = new byte[12];
    private long sequence;

    /** One cipher per direction, as a record layer keeps them (and JCA's ChaCha20 insists). */
    private final Cipher[] aes128 = new Cipher[2];
    private final Cipher[] aes256 = new Cipher[2];
    private final Cipher[] chacha = new Cipher[2];
    private SecretKey aes128Key;
    private SecretKey aes256Key;
    private SecretKey chachaKey;

    private KeyPairGenerator x25519;
    private KeyAgreement agreement;

    private final byte[] transcriptHash = "TLS 1.3, server CertificateVerify + 32-byte hash"
            .getBytes(StandardCharsets.US_ASCII);
    private KeyPair ecKeys;
    private Signature ecdsa;
    private KeyPair rsaKeys;
    private Signature rsaPss;
    private KeyPair edKeys;
    private Signature ed25519;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SecureRandom random = new SecureRandom();
        random.nextBytes(plaintext);
        aes128Key = new SecretKeySpec(randomBytes(random, 16), "AES");
        aes256Key = new SecretKeySpec(randomBytes(random, 32), "AES");
        chachaKey = new SecretKeySpec(randomBytes(random, 32), "ChaCha20");
        for (int i = 0; i < 2; i++) {
            aes128[i] = Cipher.getInstance("AES/GCM/NoPadding");
            aes256[i] = Cipher.getInstance("AES/GCM/NoPadding");
            chacha[i] = Cipher.getInstance("ChaCha20-Poly1305");
        }

        x25519 = KeyPairGenerator.getInstance("X25519");
        agreement = KeyAgreement.getInstance("X25519");

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ecKeys = ec.generateKeyPair();
        ecdsa = Signature.getInstance("SHA256withECDSA");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        rsaKeys = rsa.generateKeyPair();
        rsaPss = Signature.getInstance("RSASSA-PSS");
        rsaPss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        edKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ed25519 = Signature.getInstance("Ed25519");
        if (aesGcm128() != RECORD || aesGcm256() != RECORD || chaCha20Poly1305() != RECORD || !ecdsaP256() || !rsaPss2048() || !ed25519()) {
            throw new IllegalStateException("a primitive does not round-trip");
        }
    }

    private static byte[] randomBytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** A fresh nonce per record, as the record layer's sequence number makes one (RFC 8446 §5.3). */
    private byte[] nextNonce() {
        long s = ++sequence;
        for (int i = 0; i < 8; i++) {
            nonce[11 - i] = (byte) (s >>> (8 * i));
        }
        return nonce;
    }

    private int seal(Cipher[] ciphers, SecretKey key, AlgorithmParameterSpec spec) throws GeneralSecurityException {
        return seal(ciphers, key, spec, RECORD);
    }

    private int seal(Cipher[] ciphers, SecretKey key, AlgorithmParameterSpec spec, int length)
            throws GeneralSecurityException {
        ciphers[0].init(Cipher.ENCRYPT_MODE, key, spec);
        ciphers[0].updateAAD(aad);
        int sealed = ciphers[0].doFinal(plaintext, 0, length, ciphertext, 0);
        ciphers[1].init(Cipher.DECRYPT_MODE, key, spec);
        ciphers[1].updateAAD(aad);
        return ciphers[1].doFinal(ciphertext, 0, sealed, decrypted, 0);
    }

    @Benchmark
    public int aesGcm128() throws GeneralSecurityException {
        return seal(aes128, aes128Key, new GCMParameterSpec(TAG * 8, nextNonce()));
    }

    /** The bound for {@link SmallRecordsBenchmark}: a 64-byte write is a 65-byte inner plaintext. */
    @Benchmark
    public int aesGcm128Record64() throws GeneralSecurityException {
        return seal(aes128, aes128Key, new GCMParameterSpec(TAG * 8, nextNonce()), 64 + 1);
    }

    @Benchmark
    public int aesGcm128Record1024() throws GeneralSecurityException {
        return seal(aes128, aes128Key, new GCMParameterSpec(TAG * 8, nextNonce()), 1024 + 1);
    }

    @Benchmark
    public int aesGcm256() throws GeneralSecurityException {
        return seal(aes256, aes256Key, new GCMParameterSpec(TAG * 8, nextNonce()));
    }

    @Benchmark
    public int chaCha20Poly1305() throws GeneralSecurityException {
        return seal(chacha, chachaKey, new IvParameterSpec(nextNonce()));
    }

    /** Both sides of an ECDHE: two key pairs, two agreements. */
    @Benchmark
    public byte[] x25519() throws GeneralSecurityException {
        KeyPair client = x25519.generateKeyPair();
        KeyPair server = x25519.generateKeyPair();
        agreement.init(server.getPrivate());
        agreement.doPhase(client.getPublic(), true);
        byte[] serverSecret = agreement.generateSecret();
        agreement.init(client.getPrivate());
        agreement.doPhase(server.getPublic(), true);
        byte[] clientSecret = agreement.generateSecret();
        if (!Arrays.equals(serverSecret, clientSecret)) {
            throw new IllegalStateException("x25519 shared secrets differ");
        }
        return clientSecret;
    }

    @Benchmark
    public boolean ecdsaP256() throws GeneralSecurityException {
        return signVerify(ecdsa, ecKeys);
    }

    @Benchmark
    public boolean rsaPss2048() throws GeneralSecurityException {
        return signVerify(rsaPss, rsaKeys);
    }

    @Benchmark
    public boolean ed25519() throws GeneralSecurityException {
        return signVerify(ed25519, edKeys);
    }

    private boolean signVerify(Signature signature, KeyPair keys) throws GeneralSecurityException {
        signature.initSign(keys.getPrivate());
        signature.update(transcriptHash);
        byte[] sig = signature.sign();
        signature.initVerify(keys.getPublic());
        signature.update(transcriptHash);
        return signature.verify(sig);
    }
}
