package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Failed;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handshakes and connections that must fail, Padlock on either side: each test checks the
 * alert that crossed the wire (the failing side names it, the peer reports "Received fatal
 * alert: name"), the exception class on both sides, and that a failing Padlock engine hands
 * out its alert on the next wrap and is closed after it.
 */
class EngineFailureTest {
    /** The alerts SunJSSE sends changed after JDK 17 (seen on 25); Padlock's are the same on both. */
    private static final boolean SUNJSSE_17 = Runtime.version().feature() <= 17;


    @ParameterizedTest
    @EnumSource(Peers.class)
    void clientRejectsServerChainFromUntrustedIssuer(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, TestPki.untrustedKeyManagers(), Map.of());
        Outcome o = pair.handshakeUntilStopped();
        assertFailure(peers, pair, o, true, "certificate_unknown", SSLHandshakeException.class,
                SSLHandshakeException.class);
        assertTrue(o.client().exception.getMessage().contains("PKIX path")
                || o.client().exception.getMessage().contains("trust"), o.client().exception.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverRejectsClientChainFromUntrustedIssuer(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, TestPki.untrustedKeyManagers());
        pair.server.setNeedClientAuth(true);
        Outcome o = pair.handshakeUntilStopped();
        // Both servers name their CA in certificate_authorities (RFC 8446 §4.2.4), so either
        // client's key manager offers no chain from another issuer and the client sends an empty
        // Certificate: Padlock and SunJSSE 25 answer certificate_required, SunJSSE 17 answers an
        // empty chain with bad_certificate.
        String alert = peers.serverIsPadlock() || !SUNJSSE_17 ? "certificate_required" : "bad_certificate";
        assertFailure(peers, pair, o, false, alert, SSLHandshakeException.class, SSLHandshakeException.class);
    }

    /** A client key manager that ignores certificate_authorities sends its untrusted chain anyway. */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverRejectsClientChainFromUntrustedIssuerSentAnyway(Peers peers) throws Exception {
        KeyManager[] blind = {IssuerKeyManagers.ignoringIssuers(TestPki.untrustedKeyManagers())};
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, blind);
        pair.server.setNeedClientAuth(true);
        Outcome o = pair.handshakeUntilStopped();
        assertFailure(peers, pair, o, false, "certificate_unknown", SSLHandshakeException.class,
                SSLHandshakeException.class);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void clientRejectsExpiredServerCertificate(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, TestPki.expiredKeyManagers(), Map.of());
        Outcome o = pair.handshakeUntilStopped();
        // SunJSSE 17 answers an expired server certificate with certificate_unknown, SunJSSE 25
        // with certificate_expired, as Padlock does.
        String alert = peers.clientIsPadlock() || !SUNJSSE_17 ? "certificate_expired" : "certificate_unknown";
        assertFailure(peers, pair, o, true, alert, SSLHandshakeException.class, SSLHandshakeException.class);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void clientRejectsServerCertificateForAnotherHost(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, TestPki.wrongHostKeyManagers(), Map.of());
        Outcome o = pair.handshakeUntilStopped();
        assertFailure(peers, pair, o, true, "certificate_unknown", SSLHandshakeException.class,
                SSLHandshakeException.class);
        assertTrue(o.client().exception.getMessage().contains("localhost"), o.client().exception.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverRejectsClientWithNoCommonCipherSuite(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, null, Map.of());
        pair.client.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        pair.server.setEnabledCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"});
        Outcome o = pair.handshakeUntilStopped();
        assertFailure(peers, pair, o, false, "handshake_failure", SSLHandshakeException.class,
                SSLHandshakeException.class);
    }

    /**
     * SunJSSE offers and accepts every group Padlock has (x448 included) by default, so the
     * SunJSSE side is kept to the other groups with algorithm constraints; two Padlock sides
     * simply enable disjoint groups.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverRejectsClientWithNoCommonGroup(Peers peers) throws Exception {
        EnginePair pair = switch (peers) {
            case PADLOCK_BOTH -> new EnginePair(
                    Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "x448")).createSSLEngine("localhost", 443),
                    Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "secp256r1,x25519")).createSSLEngine());
            case PADLOCK_CLIENT_SUN_SERVER -> new EnginePair(
                    Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.namedGroups", "x448")).createSSLEngine("localhost", 443),
                    EnginePairs.refusingGroups(Contexts.sun(KeyKind.EC_P256).createSSLEngine(), "x448"));
            case SUN_CLIENT_PADLOCK_SERVER -> new EnginePair(
                    EnginePairs.refusingGroups(Contexts.sun(KeyKind.EC_P256).createSSLEngine("localhost", 443),
                            "x25519", "secp256r1", "secp384r1", "secp521r1", "x448"),
                    Contexts.padlock(KeyKind.EC_P256, Map.of()).createSSLEngine());
        };
        Outcome o = pair.handshakeUntilStopped();
        if (peers.serverIsPadlock()) {
            // RFC 8446 §4.1.1: handshake_failure when no acceptable parameters exist
            assertFailure(peers, pair, o, false, "handshake_failure", SSLHandshakeException.class,
                    SSLHandshakeException.class);
        } else {
            // SunJSSE 17 answers "No common named group" with unexpected_message.
            assertFailure(peers, pair, o, false, "unexpected_message", SSLProtocolException.class,
                    SSLProtocolException.class);
        }
    }

    /**
     * Padlock answers an empty client Certificate with certificate_required (RFC 8446 §4.4.2.4);
     * SunJSSE 17 still answers it with bad_certificate (SunJSSE 25 with certificate_required).
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void serverRequiringClientCertificateRejectsClientWithout(Peers peers) throws Exception {
        EnginePair pair = peers.pairWithClientKeys(KeyKind.EC_P256, new KeyManager[0]);
        pair.server.setNeedClientAuth(true);
        Outcome o = pair.handshakeUntilStopped();
        String alert = peers.serverIsPadlock() || !SUNJSSE_17 ? "certificate_required" : "bad_certificate";
        assertFailure(peers, pair, o, false, alert, SSLHandshakeException.class, SSLHandshakeException.class);
    }

    /**
     * The client's Finished travels in its own encrypted record. One flipped bit in its tag
     * and the record no longer authenticates, so the server fails with bad_record_mac
     * (RFC 8446 §5.2) before it could even look at the Finished value.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void tamperedClientFinishedRecordIsBadRecordMac(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, null, Map.of());
        AtomicInteger chunks = new AtomicInteger();
        AtomicBoolean tampered = new AtomicBoolean();
        pair.tapClientToServer(chunk -> {
            int last = lastRecordStart(chunk);
            // the first encrypted record the client sends is the one holding its Finished
            if (chunks.incrementAndGet() > 1 && chunk.get(last) == 23 && !tampered.getAndSet(true)) {
                int length = chunk.limit() - last - 5;
                assertTrue(length < 80, "a Finished record is small, got " + length);
                chunk.put(chunk.limit() - 1, (byte) (chunk.get(chunk.limit() - 1) ^ 1));
            }
            return chunk;
        });
        Outcome o = pair.handshakeUntilStopped();
        assertTrue(tampered.get(), "the client's Finished record was seen and changed");
        Class<? extends SSLException> serverClass = peers.serverIsPadlock() ? SSLProtocolException.class
                : SSLException.class;
        Class<? extends SSLException> clientClass = peers.clientIsPadlock() ? SSLProtocolException.class
                : SSLException.class;
        assertFailure(peers, pair, o, false, "bad_record_mac", serverClass, clientClass);
    }

    /**
     * The last encrypted record of the server's first flight ends with its Finished (Padlock
     * packs EncryptedExtensions to Finished into one record, SunJSSE gives Finished a record
     * of its own). A flipped bit in its tag fails authentication: bad_record_mac from the client.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void tamperedServerFinishedRecordIsBadRecordMac(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256, null, Map.of());
        AtomicBoolean tampered = new AtomicBoolean();
        pair.tapServerToClient(chunk -> {
            int last = lastRecordStart(chunk);
            if (chunk.get(last) == 23 && !tampered.getAndSet(true)) {
                chunk.put(chunk.limit() - 1, (byte) (chunk.get(chunk.limit() - 1) ^ 1));
            }
            return chunk;
        });
        Outcome o = pair.handshakeUntilStopped();
        assertTrue(tampered.get(), "the server's flight was seen and changed");
        Class<? extends SSLException> clientClass = peers.clientIsPadlock() ? SSLProtocolException.class
                : SSLException.class;
        Class<? extends SSLException> serverClass = peers.serverIsPadlock() ? SSLProtocolException.class
                : SSLException.class;
        assertFailure(peers, pair, o, true, "bad_record_mac", clientClass, serverClass);
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void tamperedApplicationRecordIsBadRecordMac(Peers peers) throws Exception {
        for (boolean fromClient : new boolean[] {true, false}) {
            EnginePair pair = peers.pair(KeyKind.EC_P256, null, Map.of());
            pair.handshake();
            SSLEngine sender = fromClient ? pair.client : pair.server;
            SSLEngine receiver = fromClient ? pair.server : pair.client;
            boolean receiverIsPadlock = fromClient ? peers.serverIsPadlock() : peers.clientIsPadlock();
            boolean senderIsPadlock = fromClient ? peers.clientIsPadlock() : peers.serverIsPadlock();
            ByteBuffer net = ByteBuffer.allocate(sender.getSession().getPacketBufferSize());
            sender.wrap(ByteBuffer.wrap(new byte[100]), net);
            net.flip();
            net.put(10, (byte) (net.get(10) ^ 0x80));
            ByteBuffer app = ByteBuffer.allocate(receiver.getSession().getApplicationBufferSize());
            SSLException failure = assertThrows(SSLException.class, () -> receiver.unwrap(net, app));
            assertEquals(0, app.position(), "nothing of a forged record reaches the application");
            assertEquals(receiverIsPadlock ? SSLProtocolException.class : SSLException.class, failure.getClass());
            if (receiverIsPadlock) {
                assertTrue(failure.getMessage().startsWith("(bad_record_mac) "), failure.getMessage());
            }

            assertEquals(HandshakeStatus.NEED_WRAP, receiver.getHandshakeStatus(), "the alert waits to be wrapped");
            ByteBuffer alert = ByteBuffer.allocate(receiver.getSession().getPacketBufferSize());
            SSLEngineResult r = receiver.wrap(ByteBuffer.allocate(0), alert);
            assertEquals(Status.CLOSED, r.getStatus());
            assertTrue(r.bytesProduced() > 0, "the alert record");
            assertTrue(receiver.isOutboundDone());
            assertTrue(receiver.isInboundDone());
            alert.flip();
            SSLException received = assertThrows(SSLException.class, () -> sender.unwrap(alert,
                    ByteBuffer.allocate(sender.getSession().getApplicationBufferSize())));
            assertTrue(received.getMessage().contains("Received fatal alert: bad_record_mac"),
                    received.getMessage());
            assertEquals(senderIsPadlock ? SSLProtocolException.class : SSLException.class, received.getClass());
            assertTrue(sender.isInboundDone());
        }
    }

    private static int lastRecordStart(ByteBuffer chunk) {
        int pos = chunk.position();
        int last = pos;
        while (pos + 5 <= chunk.limit()) {
            last = pos;
            pos += 5 + (chunk.getShort(pos + 3) & 0xFFFF);
        }
        assertEquals(chunk.limit(), pos, "the chunk holds whole records");
        return last;
    }

    /**
     * @param clientFails whether the client is the side that detects the problem
     */
    static void assertFailure(Peers peers, EnginePair pair, Outcome o, boolean clientFails, String alert,
            Class<? extends SSLException> failingClass, Class<? extends SSLException> peerClass) {
        Failed failing = clientFails ? o.client() : o.server();
        Failed peer = clientFails ? o.server() : o.client();
        assertNotNull(failing.exception, "the failing side threw");
        assertNotNull(peer.exception, "the peer threw");
        String failingMessage = failing.exception.getMessage();
        String peerMessage = peer.exception.getMessage();
        assertTrue(peerMessage.contains("Received fatal alert: " + alert), peerMessage);
        assertEquals(failingClass, failing.exception.getClass(), failingMessage);
        assertEquals(peerClass, peer.exception.getClass(), peerMessage);
        boolean failingIsPadlock = clientFails ? peers.clientIsPadlock() : peers.serverIsPadlock();
        if (failingIsPadlock) {
            // (SunJSSE 17 names the alert only in its peer's message, which is checked above.)
            assertTrue(failingMessage.startsWith("(" + alert + ") "), failingMessage);
            assertEquals(HandshakeStatus.NEED_WRAP, failing.statusAfterException, "the alert waits to be wrapped");
            assertNotNull(failing.alertWrap);
            assertEquals(Status.CLOSED, failing.alertWrap.getStatus());
            assertTrue(failing.alertWrap.bytesProduced() > 0, "the alert record");
            assertTrue(failing.outboundDoneAfterAlert);
            assertEquals(Status.CLOSED, failing.wrapAfterAlert.getStatus());
            assertEquals(0, failing.wrapAfterAlert.bytesProduced());
            SSLEngine engine = clientFails ? pair.client : pair.server;
            assertEquals(HandshakeStatus.NOT_HANDSHAKING, engine.getHandshakeStatus());
            assertTrue(engine.isInboundDone());
        }
        SSLEngine peerEngine = clientFails ? pair.server : pair.client;
        assertTrue(peerEngine.isInboundDone(), "the peer reads nothing after a fatal alert");
    }
}
