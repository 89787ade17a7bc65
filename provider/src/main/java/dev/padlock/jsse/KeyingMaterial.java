package dev.padlock.jsse;

import dev.padlock.core.TlsConnection;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLKeyException;

/**
 * The keying material exporter (RFC 8446 §7.5) of one connection's session, with the checks and
 * exceptions of JDK 25's {@code ExtendedSSLSession.exportKeyingMaterialData}: a null label is a
 * {@link NullPointerException}; a length below 1 or above 255 hash lengths, an empty label or one
 * over 249 UTF-8 bytes an {@link IllegalArgumentException}; a session whose handshake has not
 * completed an {@link IllegalStateException}. Beyond SunJSSE: the context may be longer than 255
 * bytes, since TLS 1.3 hashes it; and once the connection has closed both ways or failed, its
 * secrets are erased and the export is an {@link SSLKeyException} (SunJSSE keeps exporting).
 */
final class KeyingMaterial {
    /** For a session that belongs to no connection: the one of a failed or unstarted handshake. */
    static final KeyingMaterial NONE = new KeyingMaterial(null);

    private final TlsConnection connection;

    KeyingMaterial(TlsConnection connection) {
        this.connection = connection;
    }

    /** TLS-Exporter(label, context, length); a null context is the empty one in TLS 1.3 (§7.5). */
    byte[] export(String label, byte[] context, int length) throws SSLKeyException {
        Objects.requireNonNull(label, "label");
        if (length < 1) {
            throw new IllegalArgumentException("length must be positive, not " + length);
        }
        if (connection == null) {
            // SunJSSE likewise: its session of no protocol ("NONE") has no exporter.
            throw new SSLKeyException("no keying material: the session has no negotiated protocol");
        }
        try {
            return connection.exportKeyingMaterial(label, context, length);
        } catch (IllegalStateException e) {
            if (connection.secretsErased()) {
                throw new SSLKeyException("no keying material: the connection is closed and its secrets are erased");
            }
            throw e;
        }
    }

    /** The same bytes as {@link #export}, as a key of {@code keyAlgorithm}. */
    SecretKey exportKey(String keyAlgorithm, String label, byte[] context, int length) throws SSLKeyException {
        Objects.requireNonNull(keyAlgorithm, "keyAlg");
        if (keyAlgorithm.isEmpty()) {
            throw new IllegalArgumentException("keyAlg is empty");
        }
        byte[] bytes = export(label, context, length);
        try {
            return new SecretKeySpec(bytes, keyAlgorithm);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
