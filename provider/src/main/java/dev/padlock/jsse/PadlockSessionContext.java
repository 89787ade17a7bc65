package dev.padlock.jsse;

import dev.padlock.handshake.Resumption;
import dev.padlock.session.ClientSessionCache;
import dev.padlock.session.TicketKeys;
import dev.padlock.wire.Bytes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * Completed sessions by id, one context for each side of an {@code SSLContext}: a bounded
 * LRU cache whose entries expire {@link #getSessionTimeout()} seconds after creation.
 * It also holds what TLS 1.3 resumption needs (RFC 8446 §2.2): on the client side the
 * received tickets by server, bounded and expired by the same settings; on the server side
 * the rotating keys that seal stateless tickets, whose lifetime is the session timeout
 * (at most 7 days). Thread-safe.
 */
final class PadlockSessionContext implements SSLSessionContext {
    /** SunJSSE's defaults: one day, 20480 entries. */
    static final int DEFAULT_TIMEOUT_SECONDS = 86400;
    static final int DEFAULT_CACHE_SIZE = 20480;

    private final Clock clock;
    private final LinkedHashMap<Bytes, PadlockSession> sessions = new LinkedHashMap<>(16, 0.75f, true);
    private int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private int cacheSize = DEFAULT_CACHE_SIZE;
    private final ClientSessionCache tickets;
    private TicketKeys ticketKeys;
    private boolean ticketKeysSetByApplication;

    /** A new ticket key every hour, as SunJSSE's default jdk.tls.server.statelessKeyTimeout. */
    static final Duration TICKET_KEY_ROTATION = Duration.ofHours(1);

    PadlockSessionContext(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tickets = new ClientSessionCache(clock, DEFAULT_CACHE_SIZE, DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * What a handshake of {@code context}'s engines and sockets on one side gets for resumption:
     * nothing when the side's {@code jdk.tls.*.enableSessionTicketExtension} is false.
     */
    static Resumption forHandshake(PadlockContextSpi context, ParametersState parameters) {
        boolean clientMode = parameters.clientMode();
        if (!context.defaults().sessionTickets(clientMode)) {
            return Resumption.DISABLED;
        }
        return clientMode
                ? context.clientSessionContext().clientResumption(parameters.endpointIdentificationAlgorithm())
                : context.serverSessionContext().serverResumption();
    }

    Resumption clientResumption(String endpointIdentification) {
        return Resumption.client(tickets, endpointIdentification);
    }

    synchronized Resumption serverResumption() {
        if (ticketKeys == null) {
            // Replaced keys open tickets for the longest lifetime any ticket may have.
            ticketKeys = TicketKeys.rotating(clock, new SecureRandom(), TICKET_KEY_ROTATION,
                    Resumption.MAX_TICKET_LIFETIME);
        }
        Duration lifetime = timeoutSeconds == 0 ? Resumption.MAX_TICKET_LIFETIME
                : Duration.ofSeconds(Math.min(timeoutSeconds, Resumption.MAX_TICKET_LIFETIME.toSeconds()));
        return Resumption.server(ticketKeys, Resumption.DEFAULT_TICKET_COUNT, lifetime);
    }

    /** Server side: seal and open tickets with these keys from now on (a cluster shares them). */
    synchronized void ticketKeys(TicketKeys keys) {
        this.ticketKeys = Objects.requireNonNull(keys, "keys");
        this.ticketKeysSetByApplication = true;
    }

    /** Client side: the tickets received, by server. */
    ClientSessionCache tickets() {
        return tickets;
    }

    Clock clock() {
        return clock;
    }

    /** Adds a completed session, evicting the least recently used beyond the cache size. */
    synchronized void put(PadlockSession session) {
        sessions.put(Bytes.of(session.getId()), session);
        evict();
    }

    /** Forgets a session and, on the client side, the tickets it received: it is not resumed. */
    synchronized void remove(byte[] id) {
        sessions.remove(Bytes.of(id));
        tickets.removeSession(id);
    }

    /**
     * The context's managers were replaced ({@code SSLContext.init} again): nothing earned under
     * the old ones may be resumed under the new, where no certificate would be checked again. The
     * client drops its tickets; the server starts new ticket keys, unless the application set
     * its own, which it manages.
     */
    synchronized void managersReplaced() {
        tickets.clear();
        if (!ticketKeysSetByApplication) {
            ticketKeys = null;
        }
    }

    /** Expired: older than the timeout (0 means sessions never expire). */
    synchronized boolean isExpired(PadlockSession session) {
        return timeoutSeconds > 0
                && clock.millis() - session.getCreationTime() >= timeoutSeconds * 1000L;
    }

    @Override
    public synchronized SSLSession getSession(byte[] sessionId) {
        Objects.requireNonNull(sessionId, "session id cannot be null");
        Bytes key = Bytes.of(sessionId);
        PadlockSession s = sessions.get(key);
        if (s != null && !s.isValid()) {
            sessions.remove(key);
            return null;
        }
        return s;
    }

    @Override
    public synchronized Enumeration<byte[]> getIds() {
        purge();
        List<byte[]> ids = new ArrayList<>(sessions.size());
        for (Bytes id : sessions.keySet()) {
            ids.add(id.toByteArray());
        }
        return Collections.enumeration(ids);
    }

    @Override
    public synchronized void setSessionTimeout(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("session timeout must not be negative: " + seconds);
        }
        timeoutSeconds = seconds;
        tickets.timeoutSeconds(seconds);
    }

    @Override
    public synchronized int getSessionTimeout() {
        return timeoutSeconds;
    }

    /** 0 means no limit, as the API says. */
    @Override
    public synchronized void setSessionCacheSize(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("session cache size must not be negative: " + size);
        }
        cacheSize = size;
        tickets.maxServers(size);
        evict();
    }

    @Override
    public synchronized int getSessionCacheSize() {
        return cacheSize;
    }

    synchronized int size() {
        return sessions.size();
    }

    private void evict() {
        if (cacheSize == 0) {
            return;
        }
        Iterator<Map.Entry<Bytes, PadlockSession>> it = sessions.entrySet().iterator();
        while (sessions.size() > cacheSize && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private void purge() {
        sessions.values().removeIf(s -> !s.isValid());
    }
}
