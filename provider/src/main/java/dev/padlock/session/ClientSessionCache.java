package dev.padlock.session;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's tickets by server (host and port), the least recently used server dropped first
 * beyond the cache size. A ticket is handed out once only: RFC 8446 §C.4 asks clients not to
 * reuse a ticket, so that passive observers cannot link connections. Thread-safe.
 */
public final class ClientSessionCache {
    /** Servers send a few tickets per connection; more than this per server are of no use. */
    static final int TICKETS_PER_SERVER = 8;

    private record Peer(String host, int port) {
    }

    private final Clock clock;
    private final LinkedHashMap<Peer, Deque<ClientTicket>> tickets = new LinkedHashMap<>(16, 0.75f, true);
    private int maxServers;
    private long timeoutSeconds;

    /**
     * @param maxServers     how many servers to keep tickets for (0: no limit)
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

    /** Keeps a ticket for the server at {@code host:port}; a null host keeps nothing. */
    public synchronized void put(String host, int port, ClientTicket ticket) {
        if (host == null || ticket.lifetimeSeconds() == 0) {
            return;
        }
        Deque<ClientTicket> forPeer = tickets.computeIfAbsent(new Peer(host, port), p -> new ArrayDeque<>());
        forPeer.addLast(ticket);
        while (forPeer.size() > TICKETS_PER_SERVER) {
            forPeer.removeFirst();
        }
        evict();
    }

    /**
     * Removes and returns the newest usable ticket for {@code host:port}; expired ones found on
     * the way are dropped.
     */
    public synchronized Optional<ClientTicket> take(String host, int port) {
        if (host == null) {
            return Optional.empty();
        }
        Peer peer = new Peer(host, port);
        Deque<ClientTicket> forPeer = tickets.get(peer);
        if (forPeer == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        forPeer.removeIf(t -> !t.isUsable(now, timeoutSeconds));
        ClientTicket newest = forPeer.pollLast();
        if (forPeer.isEmpty()) {
            tickets.remove(peer);
        }
        return Optional.ofNullable(newest);
    }

    /** How many tickets are held for {@code host:port}, usable or not. */
    public synchronized int count(String host, int port) {
        Deque<ClientTicket> forPeer = tickets.get(new Peer(host, port));
        return forPeer == null ? 0 : forPeer.size();
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
        Iterator<Map.Entry<Peer, Deque<ClientTicket>>> it = tickets.entrySet().iterator();
        while (tickets.size() > maxServers && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public synchronized String toString() {
        return "ClientSessionCache(" + tickets.size() + " servers)";
    }
}
