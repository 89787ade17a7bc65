package dev.padlock.crypto;

import dev.padlock.wire.TlsWriter;
import java.util.Arrays;
import java.util.function.Function;
import javax.security.auth.Destroyable;

/**
 * A PSK (RFC 8446 §2.2): here the one a session ticket stands for,
 * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length) (§4.6.1).
 * It never prints. Its bytes go into the key schedule ({@link EarlySecret#withPsk}) and, on the
 * server, into the plaintext of the ticket that carries it, sealed under the ticket key.
 */
public final class PreSharedKey implements Destroyable {
    private final Secret secret;

    /** Takes {@code bytes} (zeroes the caller's array). */
    PreSharedKey(byte[] bytes) {
        this.secret = new Secret(bytes);
    }

    /** Copies {@code length} bytes of {@code source} from {@code offset}, e.g. out of an opened ticket. */
    public static PreSharedKey copyOf(byte[] source, int offset, int length) {
        byte[] copy = Arrays.copyOfRange(source, offset, offset + length);
        return new PreSharedKey(copy);
    }

    public int length() {
        return secret.length();
    }

    /**
     * Writes the key as {@code opaque psk<1..2^8-1>}, for the plaintext of a ticket only: the
     * caller seals that plaintext and then zeroes it.
     */
    public void writeForSealing(TlsWriter w) {
        secret.apply(b -> w.u8(b.length).bytes(b));
    }

    /** A copy of the bytes, which the caller zeroes: for the known-answer tests of this package. */
    byte[] bytes() {
        return secret.bytes();
    }

    <T> T apply(Function<byte[], T> use) {
        return secret.apply(use);
    }

    /** Zeroes the key. */
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
        return "PreSharedKey(" + secret.length() + " bytes" + (secret.isDestroyed() ? ", destroyed)" : ")");
    }
}
