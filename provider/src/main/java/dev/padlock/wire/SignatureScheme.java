package dev.padlock.wire;

import java.util.Map;

/** A signature scheme (RFC 8446 §4.2.3). Open: unknown codes decode and re-encode unchanged. */
public record SignatureScheme(int code) {
    public static final SignatureScheme RSA_PKCS1_SHA256 = new SignatureScheme(0x0401);
    public static final SignatureScheme RSA_PKCS1_SHA384 = new SignatureScheme(0x0501);
    public static final SignatureScheme RSA_PKCS1_SHA512 = new SignatureScheme(0x0601);
    public static final SignatureScheme ECDSA_SECP256R1_SHA256 = new SignatureScheme(0x0403);
    public static final SignatureScheme ECDSA_SECP384R1_SHA384 = new SignatureScheme(0x0503);
    public static final SignatureScheme ECDSA_SECP521R1_SHA512 = new SignatureScheme(0x0603);
    public static final SignatureScheme RSA_PSS_RSAE_SHA256 = new SignatureScheme(0x0804);
    public static final SignatureScheme RSA_PSS_RSAE_SHA384 = new SignatureScheme(0x0805);
    public static final SignatureScheme RSA_PSS_RSAE_SHA512 = new SignatureScheme(0x0806);
    public static final SignatureScheme ED25519 = new SignatureScheme(0x0807);
    public static final SignatureScheme ED448 = new SignatureScheme(0x0808);
    public static final SignatureScheme RSA_PSS_PSS_SHA256 = new SignatureScheme(0x0809);
    public static final SignatureScheme RSA_PSS_PSS_SHA384 = new SignatureScheme(0x080A);
    public static final SignatureScheme RSA_PSS_PSS_SHA512 = new SignatureScheme(0x080B);
    public static final SignatureScheme RSA_PKCS1_SHA1 = new SignatureScheme(0x0201);
    public static final SignatureScheme ECDSA_SHA1 = new SignatureScheme(0x0203);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0401, "rsa_pkcs1_sha256"),
            Map.entry(0x0501, "rsa_pkcs1_sha384"),
            Map.entry(0x0601, "rsa_pkcs1_sha512"),
            Map.entry(0x0403, "ecdsa_secp256r1_sha256"),
            Map.entry(0x0503, "ecdsa_secp384r1_sha384"),
            Map.entry(0x0603, "ecdsa_secp521r1_sha512"),
            Map.entry(0x0804, "rsa_pss_rsae_sha256"),
            Map.entry(0x0805, "rsa_pss_rsae_sha384"),
            Map.entry(0x0806, "rsa_pss_rsae_sha512"),
            Map.entry(0x0807, "ed25519"),
            Map.entry(0x0808, "ed448"),
            Map.entry(0x0809, "rsa_pss_pss_sha256"),
            Map.entry(0x080A, "rsa_pss_pss_sha384"),
            Map.entry(0x080B, "rsa_pss_pss_sha512"),
            Map.entry(0x0201, "rsa_pkcs1_sha1"),
            Map.entry(0x0203, "ecdsa_sha1"));

    public SignatureScheme {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("SignatureScheme code out of range: " + code);
        }
    }

    /** The registry name, or {@code unknown(0x..)} for a code we do not know. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? n : String.format("unknown(0x%04x)", code);
    }

    public boolean isKnown() {
        return NAMES.containsKey(code);
    }

    public static SignatureScheme read(TlsReader r, String field) {
        return new SignatureScheme(r.u16(field));
    }

    public void write(TlsWriter w) {
        w.u16(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
