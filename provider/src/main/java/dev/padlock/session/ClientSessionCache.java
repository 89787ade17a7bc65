package dev.padlock.session;

import dev.padlock.wire.Bytes;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's tickets by {@link Scope} (server and the identity checks made on it), the least
 * recently used scope dropped first beyond the cache size. A ticket is handed out once only:
 * RFC 8446 §C.4 asks clients not to reuse a ticket, so that passive observers cannot link
 * connections. A ticket dropped unused (expired, evicted, its session invalidated) has its PSK
 * erased. Thread-safe.
 */
public final class ClientSessionCache {
    /** Servers send a few tickets per connection; more than this per server are of no use. */
    static final int TICKETS_PER_SERVER = 8;

    /**
     * Where a ticket may be offered again. A resumed handshake sends no Certificate, so neither
     * the trust manager nor the endpoint identification runs: a ticket is offered only to a
     * connection that would have made the same checks on the same name as the one that earned
     * it. RFC 8446 §4.6.1: clients resume only if the new SNI is valid for the original
     * certificate, and SHOULD only if it is the same SNI.
     *
     * @param host                   the peer host as the application gave it
     * @param port                   the peer port
     * @param serverName             the host_name sent as SNI ("" for none)
     * @param endpointIdentification the endpoint identification algorithm in force, such as
     *                               "HTTPS" ("" for none)
     */
    public record Scope(String host, int port, String serverName, String endpointIdentification) {
        public Scope {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(serverName, "serverName");
            Objects.requireNonNull(endpointIdentification, "endpointIdentification");
        }
    }

    /** A ticket and the id of the session that received it, which {@link #removeSession} ends. */
    private record Held(ClientTicket ticket, Bytes sessionId) {
    }

    private final Clock clock;
    private final LinkedHashMap<Scope, Deque<Held>> tickets = new LinkedHashMap<>(16, 0.75f, true);
    private int maxServers;
    private long timeoutSeconds;

    /**
     * @param maxServers     how many scopes to keep tickets for (0: no limit)
     * @param timeoutSeconds how long a ticket may be used at most, below its lifetime (0: its lifetime)
     */
    public ClientSessionCache(Clock clock, int maxServers, long timeoutSeconds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxServers = maxServers;
        this.timeoutSeconds = timeoutSeconds;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Keeps a ticket that the session {@code sessionId} received, for connections in
     * {@code scope}; a null scope keeps nothing.
     */
    public synchronized void put(Scope scope, byte[] sessionId, ClientTicket ticket) {
        if (scope == null || ticket.lifetimeSeconds() == 0) {
            return;
        }
        Deque<Held> forScope = tickets.computeIfAbsent(scope, s -> new ArrayDeque<>());
        forScope.addLast(new Held(ticket, Bytes.of(sessionId)));
        while (forScope.size() > TICKETS_PER_SERVER) {
            drop(forScope.removeFirst());
        }
        evict();
    }

    /**
     * Removes and returns the newest usable ticket for {@code scope}; expired ones found on the
     * way are dropped.
     */
    public synchronized Optional<ClientTicket> take(Scope scope) {
        if (scope == null) {
            return Optional.empty();
        }
        Deque<Held> forScope = tickets.get(scope);
        if (forScope == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        forScope.removeIf(h -> !h.ticket().isUsable(now, timeoutSeconds) && drop(h));
        Held newest = forScope.pollLast();
        if (forScope.isEmpty()) {
            tickets.remove(scope);
        }
        return Optional.ofNullable(newest).map(Held::ticket);
    }

    /** Drops every ticket the session {@code sessionId} received ({@code SSLSession.invalidate()}). */
    public synchronized void removeSession(byte[] sessionId) {
        Bytes id = Bytes.of(sessionId);
        tickets.values().removeIf(forScope -> {
            forScope.removeIf(h -> h.sessionId().equals(id) && drop(h));
            return forScope.isEmpty();
        });
    }

    /** Drops every ticket: they were earned under a trust configuration no longer in force. */
    public synchronized void clear() {
        tickets.values().forEach(forScope -> forScope.forEach(ClientSessionCache::drop));
        tickets.clear();
    }

    /** How many tickets are held for {@code host:port} in any scope, usable or not. */
    public synchronized int count(String host, int port) {
        int n = 0;
        for (Map.Entry<Scope, Deque<Held>> e : tickets.entrySet()) {
            if (e.getKey().host().equals(host) && e.getKey().port() == port) {
                n += e.getValue().size();
            }
        }
        return n;
    }

    public synchronized void maxServers(int max) {
        this.maxServers = max;
        evict();
    }

    public synchronized void timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
    }

    private void evict() {
        if (maxServers == 0) {
            return;
        }
        Iterator<Map.Entry<Scope, Deque<Held>>> it = tickets.entrySet().iterator();
        while (tickets.size() > maxServers && it.hasNext()) {
            it.next().getValue().forEach(ClientSessionCache::drop);
            it.remove();
        }
    }

    /** Erases the PSK of a ticket that will never be used; true, for use in removeIf. */
    private static boolean drop(Held held) {
        held.ticket().psk().destroy();
        return true;
    }

    @Override
    public synchronized String toString() {
        return "ClientSessionCache(" + tickets.size() + " servers)";
    }
}
