package dev.padlock.crypto;

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
     */
    public byte[] export(String label, byte[] context, int length) {
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
