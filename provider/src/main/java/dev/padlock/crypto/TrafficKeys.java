package dev.padlock.crypto;

import java.util.Arrays;
import javax.security.auth.Destroyable;

/** A record protection key and IV (RFC 8446 §7.3). Copies in and out; never prints. */
public final class TrafficKeys implements Destroyable {
    private final byte[] key;
    private final byte[] iv;
    private boolean destroyed;

    /** Takes {@code key} and {@code iv} (zeroes the caller's arrays). */
    TrafficKeys(byte[] key, byte[] iv) {
        this.key = key.clone();
        this.iv = iv.clone();
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
    }

    /** A copy of the key, which the caller zeroes once the record cipher holds it. */
    public byte[] key() {
        checkNotDestroyed();
        return key.clone();
    }

    /** A copy of the IV, which the caller zeroes once the record cipher holds it. */
    public byte[] iv() {
        checkNotDestroyed();
        return iv.clone();
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("traffic keys were destroyed");
        }
    }

    /** Zeroes key and IV. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "TrafficKeys(key " + key.length + " bytes, iv " + iv.length + " bytes)";
    }
}
