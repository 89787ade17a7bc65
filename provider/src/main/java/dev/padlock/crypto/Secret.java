package dev.padlock.crypto;

import java.util.Arrays;
import java.util.function.Function;
import javax.security.auth.Destroyable;

/**
 * Secret bytes that never print. The key schedule types hold one of these; the bytes leave
 * this package only through the explicitly named key-log escape hatch.
 */
public final class Secret implements Destroyable {
    private final byte[] bytes;
    private boolean destroyed;

    /** Takes {@code bytes}: keeps a copy and zeroes the caller's array, so the secret lives in one place. */
    Secret(byte[] bytes) {
        this.bytes = bytes.clone();
        Arrays.fill(bytes, (byte) 0);
    }

    /** A copy of the bytes, which the caller owns and should zero; fails once destroyed. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return bytes.clone();
    }

    /** Applies {@code use} to a copy of the bytes and zeroes the copy afterwards; fails once destroyed. */
    <T> T apply(Function<byte[], T> use) {
        byte[] copy = bytes();
        try {
            return use.apply(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    public int length() {
        return bytes.length;
    }

    /** Zeroes the bytes. */
    @Override
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "Secret(" + bytes.length + " bytes" + (destroyed ? ", destroyed)" : ")");
    }
}
