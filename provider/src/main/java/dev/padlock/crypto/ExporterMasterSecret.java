package dev.padlock.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.security.NoSuchAlgorithmException;
import javax.security.auth.Destroyable;

/** exporter_master_secret or early_exporter_master_secret, for keying material exporters (RFC 8446 §7.5). */
public final class ExporterMasterSecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    ExporterMasterSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    /**
     * TLS-Exporter(label, context_value, key_length) =
     * HKDF-Expand-Label(Derive-Secret(Secret, label, ""), "exporter", Hash(context_value), key_length).
     * A null context is treated as empty: TLS 1.3 does not distinguish the two (§7.5).
     *
     * @param label  converted to UTF-8, as SunJSSE does
     * @throws IllegalArgumentException for an empty label or one over 249 UTF-8 bytes, a length
     *                                  below 1 or above 255 hash lengths
     */
    public byte[] export(String label, byte[] context, int length) {
        int labelBytes = label.getBytes(StandardCharsets.UTF_8).length;
        // §7.1: HkdfLabel.label is opaque label<7..255> = "tls13 " + Label, so 1 to 249 bytes of ours.
        if (labelBytes < 1 || labelBytes > 249) {
            throw new IllegalArgumentException("label must be 1 to 249 bytes in UTF-8, not " + labelBytes);
        }
        // RFC 5869 §2.3: HKDF-Expand yields at most 255 * HashLen bytes.
        int maxLength = 255 * suite.hashLength();
        if (length < 1 || length > maxLength) {
            throw new IllegalArgumentException("length must be 1 to " + maxLength + ", not " + length);
        }
        Hkdf hkdf = Hkdf.of(suite);
        byte[] perLabel = secret.apply(s -> hkdf.deriveSecret(s, label, EarlySecret.emptyHash(suite)));
        try {
            MessageDigest md = MessageDigest.getInstance(suite.hashAlgorithm());
            byte[] contextHash = md.digest(context == null ? new byte[0] : context);
            return hkdf.expandLabel(perLabel, "exporter", contextHash, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JCA cannot provide " + suite.hashAlgorithm(), e);
        } finally {
            Arrays.fill(perLabel, (byte) 0);
        }
    }

    /** The raw secret, for the opt-in NSS key log (EXPORTER_SECRET) only. */
    public byte[] insecureExportForKeyLog() {
        return secret.bytes();
    }

    /** Zeroes the secret; nothing can be derived from it afterwards. */
    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "ExporterMasterSecret(" + suite.suite() + ")";
    }
}
