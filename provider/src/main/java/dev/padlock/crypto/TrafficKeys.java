package dev.padlock.crypto;

import java.util.Arrays;

/** A record protection key and IV (RFC 8446 §7.3). Copies in and out; never prints. */
public final class TrafficKeys {
    private final byte[] key;
    private final byte[] iv;

    TrafficKeys(byte[] key, byte[] iv) {
        this.key = key.clone();
        this.iv = iv.clone();
    }

    public byte[] key() {
        return key.clone();
    }

    public byte[] iv() {
        return iv.clone();
    }

    /** Zeroes key and IV. */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        Arrays.fill(iv, (byte) 0);
    }

    @Override
    public String toString() {
        return "TrafficKeys(key " + key.length + " bytes, iv " + iv.length + " bytes)";
    }
}
