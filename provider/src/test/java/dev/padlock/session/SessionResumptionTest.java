package dev.padlock.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.PreSharedKey;
import dev.padlock.testing.TestClock;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ticket sealing with rotating and shared keys, the sealed state, and the client's ticket cache. */
class SessionResumptionTest {

    private static final byte[] PLAINTEXT = "resumption state".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void sealedTicketIsKeyIdNonceCiphertextAndTagAndOpens() {
        TicketKeys keys = TicketKeys.rotating(new TestClock(), new SecureRandom(), Duration.ofHours(1),
                Duration.ofDays(1));
        byte[] ticket = keys.seal(PLAINTEXT);
        assertEquals(TicketKeys.ID_LENGTH + TicketKeys.NONCE_LENGTH + PLAINTEXT.length + TicketKeys.TAG_LENGTH,
                ticket.length);
        assertArrayEquals(PLAINTEXT, keys.open(ticket).orElseThrow());
        assertFalse(new String(ticket, java.nio.charset.StandardCharsets.ISO_8859_1).contains("resumption"),
                "the state is encrypted");
    }

    @Test
    void everyFlippedBitMakesTheTicketUnopenable() {
        TicketKeys keys = TicketKeys.rotating(new TestClock(), new SecureRandom(), Duration.ofHours(1),
                Duration.ofDays(1));
        byte[] ticket = keys.seal(PLAINTEXT);
        for (int i = 0; i < ticket.length * 8; i++) {
            byte[] bad = ticket.clone();
            bad[i / 8] ^= (byte) (1 << (i % 8));
            assertEquals(Optional.empty(), keys.open(bad), "bit " + i);
        }
        assertEquals(Optional.empty(), keys.open(new byte[TicketKeys.ID_LENGTH + TicketKeys.NONCE_LENGTH]));
    }

    @Test
    void previousKeyStillOpensAndKeyTwoRotationsOldIsDropped() {
        TestClock clock = new TestClock();
        TicketKeys keys = TicketKeys.rotating(clock, new SecureRandom(), Duration.ofHours(1), Duration.ofHours(1));
        byte[] first = keys.seal(PLAINTEXT);
        clock.advance(Duration.ofHours(1));
        byte[] second = keys.seal(PLAINTEXT);
        assertEquals(2, keys.size());
        assertTrue(keys.open(first).isPresent(), "previous key");
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(first, TicketKeys.ID_LENGTH),
                java.util.Arrays.copyOf(second, TicketKeys.ID_LENGTH)), "a new key id after rotation");
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), keys.open(first), "two rotations ago");
        assertTrue(keys.open(second).isPresent(), "previous key");
    }

    @Test
    void fixedKeysShareTicketsAcrossServersAndTheFirstSeals() {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(a);
        new SecureRandom().nextBytes(b);
        TicketKeys one = TicketKeys.fixed(List.of(a));
        TicketKeys two = TicketKeys.fixed(List.of(b, a));
        assertArrayEquals(PLAINTEXT, two.open(one.seal(PLAINTEXT)).orElseThrow());
        assertEquals(Optional.empty(), one.open(two.seal(PLAINTEXT)), "sealed with b, which one does not hold");
    }

    @Test
    void fixedKeysMustBe32Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TicketKeys.fixed(List.of(new byte[16])));
        assertEquals("a ticket key must be 32 bytes", e.getMessage());
        assertEquals("at least one ticket key is needed",
                assertThrows(IllegalArgumentException.class, () -> TicketKeys.fixed(List.of())).getMessage());
    }

    @Test
    void resumptionStateRoundTripsAndHidesThePsk() throws Exception {
        X509Certificate cert = (X509Certificate) TestPki.keyStore(KeyKind.EC_P256).getCertificate(TestPki.ALIAS);
        byte[] psk = Bytes.fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff").toByteArray();
        ResumptionState state = new ResumptionState(CipherSuite.TLS_AES_128_GCM_SHA256,
                PreSharedKey.copyOf(psk, 0, psk.length), "h2", "example.com", List.of(cert), List.of(cert),
                1_700_000_000_123L, 0xFFFFFFFFL, 86400);
        ResumptionState back = ResumptionState.decode(state.encode()).orElseThrow();
        // A PSK has no value equality: the encodings, which hold every field, compare instead.
        assertArrayEquals(state.encode(), back.encode());
        assertFalse(state.toString().contains("00112233"), state.toString());
        byte[] encoded = state.encode();
        for (int n = 0; n < encoded.length; n++) {
            assertEquals(Optional.empty(), ResumptionState.decode(java.util.Arrays.copyOf(encoded, n)), "prefix " + n);
        }
    }

    private static ClientTicket ticket(String name, long receivedAt, long lifetime) {
        return new ClientTicket(Bytes.wrap(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                CipherSuite.TLS_AES_128_GCM_SHA256, PreSharedKey.copyOf(new byte[32], 0, 32), "", "", List.of(),
                List.of(), 7, lifetime,
                receivedAt);
    }

    private static final byte[] ID = {1, 2, 3};

    private static ClientSessionCache.Scope scope(String host, int port) {
        return new ClientSessionCache.Scope(host, port, "", "");
    }

    @Test
    void ticketsAreHandedOutOnlyInTheScopeThatEarnedThem() {
        TestClock clock = new TestClock();
        ClientSessionCache cache = new ClientSessionCache(clock, 10, 0);
        cache.put(new ClientSessionCache.Scope("h", 1, "a.example", "HTTPS"), ID, ticket("t", clock.millis(), 100));
        assertEquals(Optional.empty(), cache.take(new ClientSessionCache.Scope("h", 1, "a.example", "")),
                "another endpoint identification");
        assertEquals(Optional.empty(), cache.take(new ClientSessionCache.Scope("h", 1, "b.example", "HTTPS")),
                "another server name");
        assertEquals(Optional.empty(), cache.take(new ClientSessionCache.Scope("h", 2, "a.example", "HTTPS")),
                "another port");
        assertEquals("t", name(cache.take(new ClientSessionCache.Scope("h", 1, "a.example", "HTTPS"))));
    }

    @Test
    void removingASessionDropsOnlyItsTickets() {
        TestClock clock = new TestClock();
        ClientSessionCache cache = new ClientSessionCache(clock, 10, 0);
        ClientTicket dropped = ticket("first", clock.millis(), 100);
        cache.put(scope("h", 1), new byte[] {1}, dropped);
        cache.put(scope("h", 1), new byte[] {2}, ticket("second", clock.millis(), 100));
        cache.put(scope("h", 2), new byte[] {1}, ticket("first", clock.millis(), 100));
        cache.removeSession(new byte[] {1});
        assertEquals(0, cache.count("h", 2));
        assertTrue(dropped.psk().isDestroyed(), "a ticket dropped unused has its PSK erased");
        assertEquals("second", name(cache.take(scope("h", 1))));
        assertEquals(Optional.empty(), cache.take(scope("h", 1)));
    }

    @Test
    void eachTicketIsHandedOutOnceNewestFirst() {
        TestClock clock = new TestClock();
        ClientSessionCache cache = new ClientSessionCache(clock, 10, 0);
        cache.put(scope("localhost", 443), ID, ticket("a", clock.millis(), 100));
        cache.put(scope("localhost", 443), ID, ticket("b", clock.millis(), 100));
        assertEquals("b", name(cache.take(scope("localhost", 443))));
        assertEquals("a", name(cache.take(scope("localhost", 443))));
        assertEquals(Optional.empty(), cache.take(scope("localhost", 443)));
        assertEquals(Optional.empty(), cache.take(scope("localhost", 444)));
    }

    @Test
    void expiredTicketsAreNotHandedOut() {
        TestClock clock = new TestClock();
        ClientSessionCache cache = new ClientSessionCache(clock, 10, 50);
        cache.put(scope("h", 1), ID, ticket("lifetime", clock.millis(), 100));
        cache.put(scope("h", 2), ID, ticket("lifetime", clock.millis(), 100));
        clock.advance(Duration.ofSeconds(49));
        assertEquals("lifetime", name(cache.take(scope("h", 1))));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.take(scope("h", 2)), "the session timeout (50 s) is below the lifetime");
        assertEquals(0, cache.count("h", 2));
    }

    @Test
    void leastRecentlyUsedServerIsEvictedBeyondTheCacheSize() {
        TestClock clock = new TestClock();
        ClientSessionCache cache = new ClientSessionCache(clock, 2, 0);
        cache.put(scope("a", 1), ID, ticket("a", clock.millis(), 100));
        cache.put(scope("b", 1), ID, ticket("b", clock.millis(), 100));
        cache.put(scope("c", 1), ID, ticket("c", clock.millis(), 100));
        assertEquals(0, cache.count("a", 1));
        assertEquals(1, cache.count("b", 1));
        assertEquals(1, cache.count("c", 1));
    }

    @Test
    void obfuscatedAgeIsMillisecondsPlusAgeAddModulo2To32() {
        ClientTicket t = new ClientTicket(Bytes.of((byte) 1), CipherSuite.TLS_AES_128_GCM_SHA256,
                PreSharedKey.copyOf(new byte[32], 0, 32), "", "", List.of(), List.of(), 0xFFFFFF00L, 100, 1000);
        assertEquals(0xFFFFFF00L + 0xFFL, t.obfuscatedAge(1000 + 0xFF));
        assertEquals(0x0000000FL, t.obfuscatedAge(1000 + 0x10F));
        assertFalse(t.toString().contains("0000000000"), t.toString());
    }

    private static String name(Optional<ClientTicket> t) {
        return new String(t.orElseThrow().ticket().toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
