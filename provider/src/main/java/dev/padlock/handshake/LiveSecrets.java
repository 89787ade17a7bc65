package dev.padlock.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

/**
 * The secrets of one connection still in use: the key schedule's (RFC 8446 §7.1) and the PSK.
 * Each is erased once everything to be derived from it has been computed (§7.2); whatever is
 * left when the connection closes or fails is erased then. Not thread-safe, like its handshaker,
 * except that {@link #eraseAll} and {@link #whileLive} exclude each other: an application
 * exports keying material from its own thread while the connection's thread may close.
 */
public final class LiveSecrets {
    private static final BiConsumer<String, Destroyable> NO_OBSERVER = (name, secret) -> {
    };

    private final List<Destroyable> live = new ArrayList<>();
    private BiConsumer<String, Destroyable> observer = NO_OBSERVER;
    private volatile boolean closed;

    /** Keeps {@code secret}, named as in RFC 8446 §7.1, until {@link #erase} or {@link #eraseAll}. */
    public <T extends Destroyable> T hold(String name, T secret) {
        if (closed) {
            throw new IllegalStateException("the connection's secrets were erased");
        }
        live.add(secret);
        observer.accept(name, secret);
        return secret;
    }

    /** Zeroes {@code secret}: all that derives from it has been computed. */
    public void erase(Destroyable secret) {
        live.removeIf(s -> s == secret);
        destroy(secret);
    }

    /** The connection is over: zeroes every secret still held, and holds no more. */
    synchronized void eraseAll() {
        closed = true;
        for (Destroyable secret : live) {
            destroy(secret);
        }
        live.clear();
    }

    /**
     * Computes {@code use} while no secret can be erased, so that it never reads a secret zeroed
     * halfway through.
     *
     * @throws IllegalStateException with {@code closedMessage} once the secrets are erased
     */
    public synchronized <T> T whileLive(String closedMessage, Supplier<T> use) {
        if (closed) {
            throw new IllegalStateException(closedMessage);
        }
        return use.get();
    }

    public boolean isClosed() {
        return closed;
    }

    /** For tests: sees each secret, under its RFC 8446 name, as it is derived. */
    void observe(BiConsumer<String, Destroyable> observer) {
        this.observer = observer;
    }

    private static void destroy(Destroyable secret) {
        try {
            secret.destroy();
        } catch (DestroyFailedException e) {
            // Padlock's secret types all implement destroy(); only a foreign type could get here.
            throw new IllegalStateException("cannot erase " + secret.getClass().getSimpleName(), e);
        }
    }
}
