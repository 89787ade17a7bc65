package dev.padlock.crypto;

import dev.padlock.wire.CipherSuite;
import java.util.List;
import java.util.Optional;

/**
 * What a cipher suite means in JCA terms: the hash of the key schedule (HKDF in TLS 1.3, the PRF
 * in TLS 1.2) and the record AEAD (RFC 8446 §B.4; RFC 5289, RFC 7905), plus the limit on records
 * protected under one key.
 *
 * @param hashAlgorithm        {@code MessageDigest} name for the transcript hash
 * @param macAlgorithm         {@code Mac} name for HKDF (TLS 1.3) or P_hash (TLS 1.2, RFC 5246 §5)
 * @param hashLength           Hash.length in bytes
 * @param cipherTransformation {@code Cipher} transformation of the AEAD
 * @param keyAlgorithm         {@code SecretKeySpec} algorithm of the AEAD key
 * @param keyLength            AEAD key length in bytes
 * @param recordLimit          records that may be protected under one key: before a KeyUpdate
 *                             in TLS 1.3 (RFC 8446 §5.5), before closing in TLS 1.2
 * @param fixedIvLength        the IV the key schedule derives: 12 in TLS 1.3 (§5.3) and for
 *                             ChaCha20 in TLS 1.2 (RFC 7905 §2), the 4-byte salt for AES-GCM in
 *                             TLS 1.2 (RFC 5288 §3)
 * @param explicitNonceLength  nonce bytes each record carries before its ciphertext: 8 for AES-GCM
 *                             in TLS 1.2 (RFC 5288 §3), otherwise 0
 * @param authentication       which certificate authenticates the suite
 */
public record CipherSuiteSpec(
        CipherSuite suite,
        String hashAlgorithm,
        String macAlgorithm,
        int hashLength,
        String cipherTransformation,
        String keyAlgorithm,
        int keyLength,
        long recordLimit,
        int fixedIvLength,
        int explicitNonceLength,
        Authentication authentication) {

    /**
     * The certificate (and so the signature family) a suite requires. TLS 1.2 suites name it
     * (RFC 5246 §7.4.2, RFC 8422 §5.3); TLS 1.3 suites do not (RFC 8446 §4.1.1).
     */
    public enum Authentication {
        /** TLS 1.3: the signature_algorithms extension decides, not the suite. */
        ANY,
        /** ECDHE_ECDSA: an ECDSA certificate signs the ServerKeyExchange (RFC 8422 §5.3). */
        ECDSA,
        /** ECDHE_RSA: an RSA certificate signs the ServerKeyExchange (RFC 8422 §5.3). */
        RSA
    }

    /** RFC 8446 §5.3: the per-record nonce is as long as the IV, at least 8 and here always 12. */
    public static final int IV_LENGTH = 12;

    /** All suites use a 16-byte authentication tag. */
    public static final int TAG_LENGTH = 16;

    // RFC 8446 §5.5: AES-GCM may protect at most 2^24.5 full-size records under one key.
    // We round down to 2^24. The bound is the cipher's, so it holds for TLS 1.2 as well, where
    // no KeyUpdate exists and the connection must close before it (as SunJSSE does with
    // jdk.tls.keyLimits).
    private static final long AES_GCM_LIMIT = 1L << 24;
    // ChaCha20-Poly1305's limit exceeds 2^64 records: the sequence number wraps first.
    private static final long NO_LIMIT = Long.MAX_VALUE;
    // RFC 5288 §3: GCMNonce = salt[4] || nonce_explicit[8].
    private static final int GCM_SALT_LENGTH = 4;
    private static final int GCM_EXPLICIT_NONCE_LENGTH = 8;

    /** A TLS 1.3 suite: a 12-byte IV, no explicit nonce, any certificate. */
    public CipherSuiteSpec(CipherSuite suite, String hashAlgorithm, String macAlgorithm, int hashLength,
            String cipherTransformation, String keyAlgorithm, int keyLength, long recordLimit) {
        this(suite, hashAlgorithm, macAlgorithm, hashLength, cipherTransformation, keyAlgorithm, keyLength,
                recordLimit, IV_LENGTH, 0, Authentication.ANY);
    }

    public static final CipherSuiteSpec TLS_AES_128_GCM_SHA256 = new CipherSuiteSpec(
            CipherSuite.TLS_AES_128_GCM_SHA256, "SHA-256", "HmacSHA256", 32,
            "AES/GCM/NoPadding", "AES", 16, AES_GCM_LIMIT);
    public static final CipherSuiteSpec TLS_AES_256_GCM_SHA384 = new CipherSuiteSpec(
            CipherSuite.TLS_AES_256_GCM_SHA384, "SHA-384", "HmacSHA384", 48,
            "AES/GCM/NoPadding", "AES", 32, AES_GCM_LIMIT);
    public static final CipherSuiteSpec TLS_CHACHA20_POLY1305_SHA256 = new CipherSuiteSpec(
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256, "SHA-256", "HmacSHA256", 32,
            "ChaCha20-Poly1305", "ChaCha20", 32, NO_LIMIT);

    // RFC 5289 §3.2 and RFC 5246 §5: the suite's hash is the PRF's (SHA-384 for the AES-256 ones).
    public static final CipherSuiteSpec TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = tls12Gcm(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, false, Authentication.ECDSA);
    public static final CipherSuiteSpec TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = tls12Gcm(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, true, Authentication.ECDSA);
    public static final CipherSuiteSpec TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = tls12ChaCha20(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, Authentication.ECDSA);
    public static final CipherSuiteSpec TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = tls12Gcm(
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false, Authentication.RSA);
    public static final CipherSuiteSpec TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = tls12Gcm(
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, true, Authentication.RSA);
    public static final CipherSuiteSpec TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = tls12ChaCha20(
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, Authentication.RSA);

    /** The TLS 1.3 suites Padlock implements, in its default preference order. */
    public static final List<CipherSuiteSpec> SUPPORTED =
            List.of(TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256);

    /**
     * The TLS 1.2 suites Padlock implements, in SunJSSE's default order (JDK 17 and 25 alike:
     * {@code SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites()}), which puts
     * ChaCha20 before AES-128 for RSA but after it for ECDSA.
     */
    public static final List<CipherSuiteSpec> SUPPORTED_TLS12 = List.of(
            TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    private static CipherSuiteSpec tls12Gcm(CipherSuite suite, boolean aes256, Authentication authentication) {
        return aes256
                ? new CipherSuiteSpec(suite, "SHA-384", "HmacSHA384", 48, "AES/GCM/NoPadding", "AES", 32,
                        AES_GCM_LIMIT, GCM_SALT_LENGTH, GCM_EXPLICIT_NONCE_LENGTH, authentication)
                : new CipherSuiteSpec(suite, "SHA-256", "HmacSHA256", 32, "AES/GCM/NoPadding", "AES", 16,
                        AES_GCM_LIMIT, GCM_SALT_LENGTH, GCM_EXPLICIT_NONCE_LENGTH, authentication);
    }

    private static CipherSuiteSpec tls12ChaCha20(CipherSuite suite, Authentication authentication) {
        return new CipherSuiteSpec(suite, "SHA-256", "HmacSHA256", 32, "ChaCha20-Poly1305", "ChaCha20", 32,
                NO_LIMIT, IV_LENGTH, 0, authentication);
    }

    /** The spec of a TLS 1.3 or TLS 1.2 suite Padlock implements; empty for any other code. */
    public static Optional<CipherSuiteSpec> of(CipherSuite suite) {
        for (List<CipherSuiteSpec> list : List.of(SUPPORTED, SUPPORTED_TLS12)) {
            for (CipherSuiteSpec s : list) {
                if (s.suite.equals(suite)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    public boolean isGcm() {
        return cipherTransformation.startsWith("AES/GCM");
    }

    /** Whether this is a TLS 1.2 suite: only those name their authentication (RFC 5246 §A.5). */
    public boolean isTls12() {
        return authentication != Authentication.ANY;
    }
}
