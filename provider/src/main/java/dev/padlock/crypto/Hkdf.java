package dev.padlock.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF (RFC 5869) over a JCA {@code Mac}, and the TLS 1.3 wrappers HKDF-Expand-Label and
 * Derive-Secret (RFC 8446 §7.1).
 */
public final class Hkdf {
    private static final byte[] LABEL_PREFIX = "tls13 ".getBytes(StandardCharsets.US_ASCII);

    private final String macAlgorithm;
    private final int hashLength;

    private Hkdf(String macAlgorithm, int hashLength) {
        this.macAlgorithm = Objects.requireNonNull(macAlgorithm, "macAlgorithm");
        if (hashLength <= 0) {
            throw new IllegalArgumentException("hashLength must be positive");
        }
        this.hashLength = hashLength;
    }

    public static Hkdf of(CipherSuiteSpec suite) {
        return new Hkdf(suite.macAlgorithm(), suite.hashLength());
    }

    /** HKDF over any HMAC, e.g. {@code of("HmacSHA256", 32)}. */
    public static Hkdf of(String macAlgorithm, int hashLength) {
        return new Hkdf(macAlgorithm, hashLength);
    }

    /** Plain HKDF-SHA256, as in the RFC 5869 test cases. */
    public static Hkdf sha256() {
        return new Hkdf("HmacSHA256", 32);
    }

    public int hashLength() {
        return hashLength;
    }

    /** HKDF-Extract; an empty or null salt means HashLen zeros (RFC 5869 §2.2). */
    public byte[] extract(byte[] salt, byte[] ikm) {
        byte[] key = salt == null || salt.length == 0 ? new byte[hashLength] : salt;
        Mac mac = mac(key);
        return mac.doFinal(ikm);
    }

    /** HKDF-Expand (RFC 5869 §2.3). */
    public byte[] expand(byte[] prk, byte[] info, int length) {
        if (length < 0 || length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-Expand length out of range: " + length);
        }
        Mac mac = mac(prk);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(t);
            mac.update(info);
            mac.update((byte) i);
            byte[] previous = t;
            t = mac.doFinal();
            Arrays.fill(previous, (byte) 0);
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        Arrays.fill(t, (byte) 0);
        return out;
    }

    /** HKDF-Expand-Label (RFC 8446 §7.1); {@code label} is given without the "tls13 " prefix. */
    public byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        return expand(secret, hkdfLabel(label, context, length), length);
    }

    /** Derive-Secret (RFC 8446 §7.1), taking Transcript-Hash(Messages) rather than the messages. */
    public byte[] deriveSecret(byte[] secret, String label, byte[] transcriptHash) {
        return expandLabel(secret, label, transcriptHash, hashLength);
    }

    // RFC 8446 §7.1: struct { uint16 length; opaque label<7..255>; opaque context<0..255>; } HkdfLabel
    static byte[] hkdfLabel(String label, byte[] context, int length) {
        // The RFC's labels are ASCII; an exporter's label is the application's, in UTF-8 (RFC 8446 §7.5).
        byte[] l = label.getBytes(StandardCharsets.UTF_8);
        int labelLength = LABEL_PREFIX.length + l.length;
        if (labelLength > 255 || context.length > 255 || length > 0xFFFF) {
            throw new IllegalArgumentException("HkdfLabel field too long for label " + label);
        }
        byte[] out = new byte[2 + 1 + labelLength + 1 + context.length];
        int i = 0;
        out[i++] = (byte) (length >>> 8);
        out[i++] = (byte) length;
        out[i++] = (byte) labelLength;
        System.arraycopy(LABEL_PREFIX, 0, out, i, LABEL_PREFIX.length);
        i += LABEL_PREFIX.length;
        System.arraycopy(l, 0, out, i, l.length);
        i += l.length;
        out[i++] = (byte) context.length;
        System.arraycopy(context, 0, out, i, context.length);
        return out;
    }

    /** HMAC with this HKDF's hash: the Finished and binder computation (RFC 8446 §4.4.4). */
    byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    private Mac mac(byte[] key) {
        return initMac(macAlgorithm, hashLength, key);
    }

    /** A JCA {@code Mac} keyed with {@code key}, which may be empty; shared with {@link Tls12Prf}. */
    static Mac initMac(String macAlgorithm, int hashLength, byte[] key) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            // An empty HMAC key is valid (it is padded with zeros) but SecretKeySpec refuses it.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[hashLength] : key, macAlgorithm));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("JCA cannot provide " + macAlgorithm, e);
        }
    }

    static IllegalStateException jcaFailure(String what, GeneralSecurityException e) {
        return new IllegalStateException("JCA failure: " + what, e);
    }
}
