package dev.padlock.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's keys for stateless session tickets: AES-256-GCM through JCA. A sealed ticket is
 * {@code key_id(8) || nonce(12) || ciphertext || tag(16)}, the key id in clear and
 * authenticated as associated data.
 *
 * <p>{@link #rotating} makes a new key every rotation period and keeps each replaced key for a
 * retention period (the ticket lifetime), so tickets sealed just before a rotation still open.
 * {@link #fixed} takes keys from outside, so that a cluster of servers can open each other's
 * tickets; the first key seals. Key ids derive from the key bytes, so every server holding the
 * same key names it alike. Thread-safe.
 */
public final class TicketKeys {
    public static final int KEY_LENGTH = 32;
    static final int ID_LENGTH = 8;
    static final int NONCE_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    /** A key; {@code retiredAt} is when a newer key replaced it (Long.MAX_VALUE while current). */
    private record Key(byte[] id, SecretKeySpec spec, long createdAt, long retiredAt) {
        Key retire(long at) {
            return new Key(id, spec, createdAt, at);
        }

        @Override
        public String toString() {
            return "TicketKey(" + HexId.of(id) + ")";
        }
    }

    private final Clock clock;
    private final SecureRandom random;
    private final long rotationMillis;
    private final long retentionMillis;
    private final boolean rotates;
    /** Newest first; the first seals. */
    private final List<Key> keys = new ArrayList<>();

    private TicketKeys(Clock clock, SecureRandom random, long rotationMillis, long retentionMillis) {
        this.clock = clock;
        this.random = random;
        this.rotationMillis = rotationMillis;
        this.retentionMillis = retentionMillis;
        this.rotates = rotationMillis > 0;
    }

    /**
     * @param rotationPeriod how long a key seals new tickets
     * @param retention      how long a replaced key still opens tickets (at least the ticket lifetime)
     */
    public static TicketKeys rotating(Clock clock, SecureRandom random, Duration rotationPeriod, Duration retention) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (rotationPeriod.isNegative() || rotationPeriod.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("rotation period must be positive and retention not negative");
        }
        return new TicketKeys(clock, random, rotationPeriod.toMillis(), retention.toMillis());
    }

    /**
     * Keys supplied from outside (a cluster shares them); the first seals, all open. They never
     * rotate: the operator replaces the set.
     *
     * @param keys AES-256 keys of {@value #KEY_LENGTH} bytes each; copied
     */
    public static TicketKeys fixed(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one ticket key is needed");
        }
        TicketKeys set = new TicketKeys(Clock.systemUTC(), new SecureRandom(), 0, 0);
        for (byte[] k : keys) {
            if (k == null || k.length != KEY_LENGTH) {
                throw new IllegalArgumentException("a ticket key must be " + KEY_LENGTH + " bytes");
            }
            set.keys.add(new Key(idOf(k), new SecretKeySpec(k, "AES"), 0, Long.MAX_VALUE));
        }
        return set;
    }

    /** Seals {@code plaintext} under the current key. */
    public byte[] seal(byte[] plaintext) {
        Key key = current();
        byte[] nonce = new byte[NONCE_LENGTH];
        synchronized (this) {
            random.nextBytes(nonce);
        }
        byte[] out = new byte[ID_LENGTH + NONCE_LENGTH + plaintext.length + TAG_LENGTH];
        System.arraycopy(key.id(), 0, out, 0, ID_LENGTH);
        System.arraycopy(nonce, 0, out, ID_LENGTH, NONCE_LENGTH);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(key.id());
            gcm.doFinal(plaintext, 0, plaintext.length, out, ID_LENGTH + NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot seal a ticket with AES/GCM/NoPadding", e);
        }
        return out;
    }

    /**
     * Opens a ticket sealed by {@link #seal}: empty when it names no key we still hold, or does
     * not authenticate (a forged or damaged ticket is not an error, just no resumption).
     */
    public Optional<byte[]> open(byte[] ticket) {
        if (ticket.length < ID_LENGTH + NONCE_LENGTH + TAG_LENGTH) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOf(ticket, ID_LENGTH);
        Optional<Key> key = find(id);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key.get().spec(),
                    new GCMParameterSpec(TAG_LENGTH * 8, ticket, ID_LENGTH, NONCE_LENGTH));
            gcm.updateAAD(id);
            int off = ID_LENGTH + NONCE_LENGTH;
            return Optional.of(gcm.doFinal(ticket, off, ticket.length - off));
        } catch (AEADBadTagException forged) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA cannot open a ticket with AES/GCM/NoPadding", e);
        }
    }

    /** How many keys open tickets now (the current one included). */
    public synchronized int size() {
        expire(clock.millis());
        return keys.size();
    }

    private synchronized Key current() {
        long now = clock.millis();
        if (rotates && (keys.isEmpty() || now - keys.get(0).createdAt() >= rotationMillis)) {
            if (!keys.isEmpty()) {
                keys.set(0, keys.get(0).retire(now));
            }
            byte[] k = new byte[KEY_LENGTH];
            random.nextBytes(k);
            keys.add(0, new Key(idOf(k), new SecretKeySpec(k, "AES"), now, Long.MAX_VALUE));
            Arrays.fill(k, (byte) 0);
        }
        expire(now);
        return keys.get(0);
    }

    private synchronized Optional<Key> find(byte[] id) {
        if (rotates) {
            current();
        }
        for (Key k : keys) {
            if (MessageDigest.isEqual(k.id(), id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private void expire(long now) {
        if (rotates) {
            keys.removeIf(k -> k.retiredAt() != Long.MAX_VALUE && now - k.retiredAt() >= retentionMillis);
        }
    }

    private static byte[] idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("padlock ticket key id".getBytes(StandardCharsets.US_ASCII));
            return Arrays.copyOf(sha.digest(key), ID_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JCA cannot provide SHA-256", e);
        }
    }

    /** Key ids are not secret; printing them helps an operator match keys across servers. */
    private static final class HexId {
        static String of(byte[] id) {
            StringBuilder sb = new StringBuilder();
            for (byte b : id) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        }
    }

    @Override
    public synchronized String toString() {
        return "TicketKeys(" + keys.size() + " keys)";
    }
}
