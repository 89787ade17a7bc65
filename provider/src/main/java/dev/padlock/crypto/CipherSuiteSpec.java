package dev.padlock.crypto;

import dev.padlock.wire.CipherSuite;
import java.util.List;
import java.util.Optional;

/**
 * What a TLS 1.3 cipher suite means in JCA terms: the HKDF hash and the record AEAD
 * (RFC 8446 §B.4), plus the §5.5 limit on records protected under one key.
 *
 * @param hashAlgorithm        {@code MessageDigest} name for the transcript hash
 * @param macAlgorithm         {@code Mac} name for HKDF
 * @param hashLength           Hash.length in bytes
 * @param cipherTransformation {@code Cipher} transformation of the AEAD
 * @param keyAlgorithm         {@code SecretKeySpec} algorithm of the AEAD key
 * @param keyLength            AEAD key length in bytes
 * @param recordLimit          records that may be protected under one key before a KeyUpdate
 *                             is due (RFC 8446 §5.5)
 */
public record CipherSuiteSpec(
        CipherSuite suite,
        String hashAlgorithm,
        String macAlgorithm,
        int hashLength,
        String cipherTransformation,
        String keyAlgorithm,
        int keyLength,
        long recordLimit) {

    /** RFC 8446 §5.3: the per-record nonce is as long as the IV, at least 8 and here always 12. */
    public static final int IV_LENGTH = 12;

    /** All three suites use a 16-byte authentication tag. */
    public static final int TAG_LENGTH = 16;

    // RFC 8446 §5.5: AES-GCM may protect at most 2^24.5 full-size records under one key.
    // We round down to 2^24 and let the connection update keys well before that.
    private static final long AES_GCM_LIMIT = 1L << 24;
    // ChaCha20-Poly1305's limit exceeds 2^64 records: the sequence number wraps first.
    private static final long NO_LIMIT = Long.MAX_VALUE;

    public static final CipherSuiteSpec TLS_AES_128_GCM_SHA256 = new CipherSuiteSpec(
            CipherSuite.TLS_AES_128_GCM_SHA256, "SHA-256", "HmacSHA256", 32,
            "AES/GCM/NoPadding", "AES", 16, AES_GCM_LIMIT);
    public static final CipherSuiteSpec TLS_AES_256_GCM_SHA384 = new CipherSuiteSpec(
            CipherSuite.TLS_AES_256_GCM_SHA384, "SHA-384", "HmacSHA384", 48,
            "AES/GCM/NoPadding", "AES", 32, AES_GCM_LIMIT);
    public static final CipherSuiteSpec TLS_CHACHA20_POLY1305_SHA256 = new CipherSuiteSpec(
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "SHA-256", "HmacSHA256", 32,
            "ChaCha20-Poly1305", "ChaCha20", 32, NO_LIMIT);

    /** The suites Padlock implements, in its default preference order. */
    public static final List<CipherSuiteSpec> SUPPORTED =
            List.of(TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256);

    public static Optional<CipherSuiteSpec> of(CipherSuite suite) {
        for (CipherSuiteSpec s : SUPPORTED) {
            if (s.suite.equals(suite)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public boolean isGcm() {
        return cipherTransformation.startsWith("AES/GCM");
    }
}
