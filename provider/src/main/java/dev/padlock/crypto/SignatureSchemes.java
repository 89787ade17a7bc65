package dev.padlock.crypto;

import dev.padlock.wire.SignatureScheme;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signature schemes (RFC 8446 §4.2.3) in JCA terms, and the CertificateVerify signature
 * (§4.4.3).
 */
public final class SignatureSchemes {
    /** The JCA's parameters of each named curve a scheme ties, looked up once (keys are checked per handshake). */
    private static final Map<String, ECParameterSpec> CURVES = new ConcurrentHashMap<>();


    /** What a scheme needs from JCA; {@code curve} is empty but for ecdsa_secp*. */
    public record JcaSignature(String algorithm, Optional<AlgorithmParameterSpec> parameters,
                               KeyKind keyKind, Optional<String> curve, int hashLength) {
    }

    /** The kind of key a scheme signs with. */
    public enum KeyKind { RSA, RSASSA_PSS, EC, ED25519, ED448 }

    private static final Map<SignatureScheme, JcaSignature> SCHEMES = Map.ofEntries(
            Map.entry(SignatureScheme.ECDSA_SECP256R1_SHA256, ecdsa("SHA256withECDSA", "secp256r1", 32)),
            Map.entry(SignatureScheme.ECDSA_SECP384R1_SHA384, ecdsa("SHA384withECDSA", "secp384r1", 48)),
            Map.entry(SignatureScheme.ECDSA_SECP521R1_SHA512, ecdsa("SHA512withECDSA", "secp521r1", 64)),
            Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA256, pss("SHA-256", 32, KeyKind.RSA)),
            Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA384, pss("SHA-384", 48, KeyKind.RSA)),
            Map.entry(SignatureScheme.RSA_PSS_RSAE_SHA512, pss("SHA-512", 64, KeyKind.RSA)),
            Map.entry(SignatureScheme.RSA_PSS_PSS_SHA256, pss("SHA-256", 32, KeyKind.RSASSA_PSS)),
            Map.entry(SignatureScheme.RSA_PSS_PSS_SHA384, pss("SHA-384", 48, KeyKind.RSASSA_PSS)),
            Map.entry(SignatureScheme.RSA_PSS_PSS_SHA512, pss("SHA-512", 64, KeyKind.RSASSA_PSS)),
            Map.entry(SignatureScheme.ED25519, plain("Ed25519", KeyKind.ED25519)),
            Map.entry(SignatureScheme.ED448, plain("Ed448", KeyKind.ED448)),
            Map.entry(SignatureScheme.RSA_PKCS1_SHA256, pkcs1("SHA256withRSA", 32)),
            Map.entry(SignatureScheme.RSA_PKCS1_SHA384, pkcs1("SHA384withRSA", 48)),
            Map.entry(SignatureScheme.RSA_PKCS1_SHA512, pkcs1("SHA512withRSA", 64)),
            Map.entry(SignatureScheme.RSA_PKCS1_SHA1, pkcs1("SHA1withRSA", 20)),
            Map.entry(SignatureScheme.ECDSA_SHA1, new JcaSignature("SHA1withECDSA", Optional.empty(),
                    KeyKind.EC, Optional.empty(), 20)));

    private static final Set<SignatureScheme> CERTIFICATE_VERIFY_SCHEMES = Set.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
            SignatureScheme.RSA_PSS_PSS_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448);

    /**
     * TLS 1.2 ServerKeyExchange and CertificateVerify (RFC 5246 §7.4.1.4.1): the TLS 1.3 schemes
     * plus RSASSA-PKCS1-v1_5 with SHA-2, as SunJSSE, OpenSSL and GnuTLS offer them; no SHA-1.
     */
    private static final Set<SignatureScheme> TLS12_SCHEMES = Set.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384,
            SignatureScheme.RSA_PSS_PSS_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448,
            SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);

    private static final byte[] SERVER_CONTEXT =
            "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_CONTEXT =
            "TLS 1.3, client CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    private SignatureSchemes() {
    }

    private static JcaSignature ecdsa(String algorithm, String curve, int hashLength) {
        return new JcaSignature(algorithm, Optional.empty(), KeyKind.EC, Optional.of(curve), hashLength);
    }

    // RFC 8446 §4.2.3: RSASSA-PSS with MGF1 over the same hash, salt as long as the digest.
    private static JcaSignature pss(String hash, int hashLength, KeyKind kind) {
        PSSParameterSpec spec = new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), hashLength, 1);
        return new JcaSignature("RSASSA-PSS", Optional.of(spec), kind, Optional.empty(), hashLength);
    }

    private static JcaSignature plain(String algorithm, KeyKind kind) {
        return new JcaSignature(algorithm, Optional.empty(), kind, Optional.empty(), 0);
    }

    private static JcaSignature pkcs1(String algorithm, int hashLength) {
        return new JcaSignature(algorithm, Optional.empty(), KeyKind.RSA, Optional.empty(), hashLength);
    }

    /** The JCA mapping, or empty for a scheme Padlock does not know. */
    public static Optional<JcaSignature> jca(SignatureScheme scheme) {
        return Optional.ofNullable(SCHEMES.get(scheme));
    }

    /**
     * RFC 8446 §4.4.3: CertificateVerify must not use RSASSA-PKCS1-v1_5 or SHA-1 (those may only
     * appear in certificates' own signatures, §4.2.3).
     */
    public static boolean isAllowedInCertificateVerify(SignatureScheme scheme) {
        return CERTIFICATE_VERIFY_SCHEMES.contains(scheme);
    }

    /** Whether TLS 1.2 may sign a ServerKeyExchange or CertificateVerify with {@code scheme}. */
    public static boolean isAllowedInTls12(SignatureScheme scheme) {
        return TLS12_SCHEMES.contains(scheme);
    }

    /**
     * TLS 1.2 reads ecdsa_secp256r1_sha256 and its kin as "ECDSA with SHA-256" on any curve
     * (RFC 5246 §7.4.1.4.1 names hash and signature only; RFC 8446 §4.2.3 ties the curve for 1.3).
     */
    public static boolean canSignTls12(SignatureScheme scheme, PrivateKey key) {
        return fitsTls12(scheme, key);
    }

    public static boolean canVerifyTls12(SignatureScheme scheme, PublicKey key) {
        return fitsTls12(scheme, key);
    }

    private static boolean fitsTls12(SignatureScheme scheme, Key key) {
        JcaSignature j = SCHEMES.get(scheme);
        if (j != null && j.keyKind() == KeyKind.EC) {
            return key instanceof ECKey;
        }
        return fits(scheme, key);
    }

    public static boolean canSign(SignatureScheme scheme, PrivateKey key) {
        return fits(scheme, key);
    }

    public static boolean canVerify(SignatureScheme scheme, PublicKey key) {
        return fits(scheme, key);
    }

    private static boolean fits(SignatureScheme scheme, Key key) {
        JcaSignature j = SCHEMES.get(scheme);
        if (j == null || key == null) {
            return false;
        }
        return switch (j.keyKind()) {
            case RSA -> "RSA".equals(key.getAlgorithm()) && key instanceof RSAKey k && rsaLargeEnough(k, j);
            case RSASSA_PSS -> "RSASSA-PSS".equals(key.getAlgorithm()) && key instanceof RSAKey k
                    && rsaLargeEnough(k, j);
            case EC -> key instanceof ECKey k && j.curve().map(c -> onCurve(k, c)).orElse(true);
            case ED25519 -> key instanceof EdECKey k && "Ed25519".equalsIgnoreCase(k.getParams().getName());
            case ED448 -> key instanceof EdECKey k && "Ed448".equalsIgnoreCase(k.getParams().getName());
        };
    }

    // RFC 8017 §9.1.1: PSS needs emLen >= hLen + sLen + 2, with sLen = hLen here.
    private static boolean rsaLargeEnough(RSAKey key, JcaSignature j) {
        BigInteger n = key.getModulus();
        int emLen = (n.bitLength() - 1 + 7) / 8;
        return !"RSASSA-PSS".equals(j.algorithm()) || emLen >= 2 * j.hashLength() + 2;
    }

    private static boolean onCurve(ECKey key, String curveName) {
        ECParameterSpec want = CURVES.computeIfAbsent(curveName, SignatureSchemes::curveParameters);
        ECParameterSpec have = key.getParams();
        return have.getCurve().equals(want.getCurve())
                && have.getGenerator().equals(want.getGenerator())
                && have.getOrder().equals(want.getOrder())
                && have.getCofactor() == want.getCofactor();
    }

    private static ECParameterSpec curveParameters(String curveName) {
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
            ap.init(new ECGenParameterSpec(curveName));
            return ap.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("EC parameters for " + curveName, e);
        }
    }

    /**
     * RFC 8446 §4.4.3: 64 bytes of 0x20, the context string, a 0 byte, then the transcript hash.
     */
    public static byte[] certificateVerifyContent(boolean server, byte[] transcriptHash) {
        byte[] context = server ? SERVER_CONTEXT : CLIENT_CONTEXT;
        byte[] out = new byte[64 + context.length + 1 + transcriptHash.length];
        Arrays.fill(out, 0, 64, (byte) 0x20);
        System.arraycopy(context, 0, out, 64, context.length);
        System.arraycopy(transcriptHash, 0, out, 64 + context.length + 1, transcriptHash.length);
        return out;
    }

    /**
     * Signs {@code content}; the caller has checked {@link #canSign}. ecdsa_secp256r1_sha256 and
     * ed25519 with a key whose private bytes Padlock can read use its own P-256
     * ({@link P256Signatures}) and Ed25519 ({@link OwnEd25519}) unless {@link OwnCrypto} is off;
     * everything else the JCA.
     */
    public static byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] content, SecureRandom random) {
        return sign(scheme, key, content, random, OwnCrypto.enabled());
    }

    /**
     * {@link #sign}, on Padlock's own P-256 or Ed25519 if {@code own} and the key's bytes are
     * readable, else through the JCA. Package-private for the tests that compare the two.
     */
    static byte[] sign(SignatureScheme scheme, PrivateKey key, byte[] content, SecureRandom random, boolean own) {
        JcaSignature j = require(scheme);
        // fits(...) is the TLS 1.3 reading: under TLS 1.2 the scheme may name SHA-256 on another curve.
        if (own && scheme.equals(SignatureScheme.ECDSA_SECP256R1_SHA256) && fits(scheme, key)) {
            Optional<byte[]> signature = P256Signatures.sign(key, content, random);
            if (signature.isPresent()) {
                return signature.get();
            }
        }
        if (own && scheme.equals(SignatureScheme.ED25519)) {
            Optional<byte[]> signature = OwnEd25519.sign(key, content);
            if (signature.isPresent()) {
                return signature.get();
            }
        }
        try {
            Signature s = Signature.getInstance(j.algorithm());
            s.initSign(key, random);
            if (j.parameters().isPresent()) {
                s.setParameter(j.parameters().get());
            }
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("signing with " + scheme, e);
        }
    }

    /**
     * True if {@code signature} is valid; a malformed signature is simply invalid. A key that
     * does not fit the scheme is a caller error ({@link IllegalArgumentException}).
     * ecdsa_secp256r1_sha256 and ed25519 use Padlock's own code unless {@link OwnCrypto} is off.
     */
    public static boolean verify(SignatureScheme scheme, PublicKey key, byte[] content, byte[] signature) {
        return verify(scheme, key, content, signature, OwnCrypto.enabled());
    }

    /** {@link #verify}, on Padlock's own P-256 or Ed25519 if {@code own} and the key's point is readable. */
    static boolean verify(SignatureScheme scheme, PublicKey key, byte[] content, byte[] signature, boolean own) {
        if (!canVerify(scheme, key)) {
            throw new IllegalArgumentException(key.getAlgorithm() + " key cannot verify " + scheme);
        }
        return verifyChecked(scheme, key, content, signature, own);
    }

    /** {@link #verify} with TLS 1.2's reading of the ECDSA schemes ({@link #canVerifyTls12}). */
    public static boolean verifyTls12(SignatureScheme scheme, PublicKey key, byte[] content, byte[] signature) {
        if (!canVerifyTls12(scheme, key)) {
            throw new IllegalArgumentException(key.getAlgorithm() + " key cannot verify " + scheme);
        }
        return verifyChecked(scheme, key, content, signature, OwnCrypto.enabled());
    }

    private static boolean verifyChecked(SignatureScheme scheme, PublicKey key, byte[] content, byte[] signature,
            boolean own) {
        // fits(...) is the TLS 1.3 reading: under TLS 1.2 the scheme may name SHA-256 on another curve.
        if (own && scheme.equals(SignatureScheme.ECDSA_SECP256R1_SHA256) && fits(scheme, key)) {
            Optional<Boolean> valid = P256Signatures.verify(key, content, signature);
            if (valid.isPresent()) {
                return valid.get();
            }
        }
        if (own && scheme.equals(SignatureScheme.ED25519)) {
            Optional<Boolean> valid = OwnEd25519.verify(key, content, signature);
            if (valid.isPresent()) {
                return valid.get();
            }
        }
        JcaSignature j = require(scheme);
        try {
            Signature s = Signature.getInstance(j.algorithm());
            s.initVerify(key);
            if (j.parameters().isPresent()) {
                s.setParameter(j.parameters().get());
            }
            s.update(content);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException(key.getAlgorithm() + " key cannot verify " + scheme, e);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("verifying with " + scheme, e);
        }
    }

    private static JcaSignature require(SignatureScheme scheme) {
        JcaSignature j = SCHEMES.get(scheme);
        if (j == null) {
            throw new IllegalArgumentException("unsupported signature scheme " + scheme);
        }
        return j;
    }
}
