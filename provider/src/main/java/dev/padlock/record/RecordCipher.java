package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AEAD key and IV of one direction and epoch: the JCA {@code Cipher}, built once and
 * re-initialised per record with the per-record nonce of RFC 8446 §5.3.
 *
 * <p>The nonce lives in a reused array. JCA copies it into a fresh parameter spec on every
 * {@code init}; that copy is the one allocation per record we cannot avoid through JCA.
 */
final class RecordCipher {
    private final CipherSuiteSpec suite;
    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final byte[] nonce;

    RecordCipher(CipherSuiteSpec suite, byte[] key, byte[] iv) {
        if (key.length != suite.keyLength()) {
            throw new IllegalArgumentException("key must be " + suite.keyLength() + " bytes");
        }
        if (iv.length != CipherSuiteSpec.IV_LENGTH) {
            throw new IllegalArgumentException("iv must be " + CipherSuiteSpec.IV_LENGTH + " bytes");
        }
        this.suite = suite;
        this.key = new SecretKeySpec(key, suite.keyAlgorithm());
        this.iv = iv.clone();
        this.nonce = new byte[iv.length];
        try {
            this.cipher = Cipher.getInstance(suite.cipherTransformation());
        } catch (GeneralSecurityException e) {
            throw new TlsFailure(FailureReason.INTERNAL,
                    "no JCA provider for " + suite.cipherTransformation(), e);
        }
    }

    /**
     * The cipher of a TLS 1.2 key: ChaCha20-Poly1305 builds its nonce exactly as TLS 1.3 does
     * (RFC 7905 §2). AES-GCM's nonce is salt || nonce_explicit (RFC 5288 §3), which is the
     * 4-byte salt followed by eight zeros XORed with the 64-bit explicit nonce: so the salt,
     * padded with zeros, serves as the IV and {@link #init} takes the explicit nonce.
     */
    static RecordCipher tls12(CipherSuiteSpec suite, byte[] key, byte[] fixedIv) {
        if (fixedIv.length != suite.fixedIvLength()) {
            throw new IllegalArgumentException("fixed IV must be " + suite.fixedIvLength() + " bytes");
        }
        byte[] iv = Arrays.copyOf(fixedIv, CipherSuiteSpec.IV_LENGTH);
        try {
            return new RecordCipher(suite, key, iv);
        } finally {
            Arrays.fill(iv, (byte) 0);
        }
    }

    /** Handshake records and small writes fit this; bulk data grows a staging array once to the maximum. */
    private static final int SMALL_STAGING = 4096;

    /**
     * A staging array for buffers the AEAD cannot read or write directly: {@code current} if it
     * holds {@code needed} bytes, otherwise a new one, small while everything fits
     * {@value #SMALL_STAGING} bytes, else {@code max}.
     */
    static byte[] staging(byte[] current, int needed, int max) {
        if (current != null && current.length >= needed) {
            return current;
        }
        return new byte[needed <= SMALL_STAGING ? SMALL_STAGING : max];
    }

    /**
     * Initialises the cipher for the record with 64-bit sequence number {@code sequenceNumber}
     * (read as unsigned; for TLS 1.2 AES-GCM the record's explicit nonce) and returns it.
     */
    Cipher init(int mode, long sequenceNumber) {
        // RFC 8446 §5.3: the sequence number, big-endian and left-padded with zeros to the IV
        // length, XORed with the static IV.
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < Long.BYTES; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequenceNumber >>> (8 * i));
        }
        AlgorithmParameterSpec params = suite.isGcm()
                ? new GCMParameterSpec(CipherSuiteSpec.TAG_LENGTH * 8, nonce)
                : new IvParameterSpec(nonce);
        try {
            cipher.init(mode, key, params);
        } catch (InvalidKeyException e) {
            if (mode != Cipher.DECRYPT_MODE || suite.isGcm()) {
                throw initFailure(e);
            }
            reinitForSameNonce();
        } catch (GeneralSecurityException e) {
            throw initFailure(e);
        }
        return cipher;
    }

    /**
     * JDK 17's ChaCha20-Poly1305 refuses an init with the key and nonce of the previous one even
     * to decrypt (later JDKs allow it). After a record that failed to open, the next record has
     * the same sequence number and so the same nonce: the connection then fails anyway, except
     * for a TLS 1.3 server skipping rejected early data by trial decryption (RFC 8446 §4.2.10).
     * An init with another nonce in between clears the check; decrypting twice under one nonce
     * reveals nothing.
     */
    private void reinitForSameNonce() {
        nonce[0] ^= 1;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
            nonce[0] ^= 1;
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(nonce));
        } catch (GeneralSecurityException e) {
            throw initFailure(e);
        }
    }

    private TlsFailure initFailure(GeneralSecurityException e) {
        return new TlsFailure(FailureReason.INTERNAL, "cannot initialise " + suite.cipherTransformation(), e);
    }
}
