package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestClock;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PadlockSessionContextTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final TestClock clock = new TestClock(T0);
    private final PadlockSessionContext ctx = new PadlockSessionContext(clock);

    private PadlockSession session(int id) {
        TlsSession tls = new TlsSession(new byte[] {(byte) id}, clock.instant(), "h.example", 443);
        tls.cipherSuite(CipherSuite.TLS_AES_128_GCM_SHA256);
        return new PadlockSession(tls, ctx);
    }

    private Set<Bytes> ids() {
        return Collections.list(ctx.getIds()).stream().map(Bytes::of).collect(Collectors.toSet());
    }

    @Test
    void defaultsAreSunJsses() {
        assertEquals(86400, ctx.getSessionTimeout());
        assertEquals(20480, ctx.getSessionCacheSize());
    }

    @Test
    void cacheIsBoundedAndEvictsTheLeastRecentlyUsed() {
        ctx.setSessionCacheSize(2);
        PadlockSession a = session(1);
        PadlockSession b = session(2);
        ctx.put(a);
        ctx.put(b);
        assertSame(a, ctx.getSession(new byte[] {1}));
        ctx.put(session(3));
        assertEquals(2, ctx.size());
        assertNull(ctx.getSession(new byte[] {2}), "b was least recently used");
        assertSame(a, ctx.getSession(new byte[] {1}));
        assertEquals(Set.of(Bytes.of((byte) 1), Bytes.of((byte) 3)), ids());
    }

    @Test
    void shrinkingTheCacheEvictsAtOnceAndZeroMeansUnbounded() {
        for (int i = 0; i < 5; i++) {
            ctx.put(session(i));
        }
        ctx.setSessionCacheSize(3);
        assertEquals(3, ctx.size());
        assertEquals(Set.of(Bytes.of((byte) 2), Bytes.of((byte) 3), Bytes.of((byte) 4)), ids());
        ctx.setSessionCacheSize(0);
        for (int i = 5; i < 50; i++) {
            ctx.put(session(i));
        }
        assertEquals(48, ctx.size());
    }

    @Test
    void expiredSessionsLeaveIdsAndLookups() {
        ctx.put(session(1));
        clock.advance(Duration.ofSeconds(10));
        ctx.put(session(2));
        ctx.setSessionTimeout(15);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Set.of(Bytes.of((byte) 2)), ids());
        assertNull(ctx.getSession(new byte[] {1}));
        assertNotNull(ctx.getSession(new byte[] {2}));
        ctx.setSessionTimeout(0);
        clock.advance(Duration.ofDays(3650));
        assertNotNull(ctx.getSession(new byte[] {2}), "0 means no timeout");
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ctx.setSessionTimeout(-1));
        assertThrows(IllegalArgumentException.class, () -> ctx.setSessionCacheSize(-1));
        assertThrows(NullPointerException.class, () -> ctx.getSession(null));
        assertNull(ctx.getSession(new byte[] {9}));
    }
}
