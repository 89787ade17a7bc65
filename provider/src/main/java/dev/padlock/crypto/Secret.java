package dev.padlock.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Secret bytes that never print. The key schedule types hold one of these; the bytes leave
 * this package only through the explicitly named key-log escape hatch.
 */
public final class Secret implements Destroyable {
    private final byte[] bytes;
    private boolean destroyed;

    Secret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A copy of the bytes; fails once destroyed. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
        return bytes.clone();
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
