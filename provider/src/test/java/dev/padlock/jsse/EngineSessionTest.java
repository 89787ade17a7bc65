package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each side's SSLSession says after a handshake, and that its buffer sizes are enough. */
class EngineSessionTest {
    /** RFC 8446 §5.1, §5.2: 2^14 bytes of plaintext; a 5-byte header and at most 2^14 + 256 after it. */
    private static final int MAX_PLAINTEXT = 1 << 14;
    private static final int MAX_RECORD = 5 + MAX_PLAINTEXT + 256;

    @ParameterizedTest
    @EnumSource(Peers.class)
    void sessionsDescribeTheConnection(Peers peers) throws Exception {
        SSLContext clientContext = peers.clientIsPadlock() ? Contexts.padlock(KeyKind.RSA_2048, Map.of())
                : Contexts.sun(KeyKind.RSA_2048);
        SSLContext serverContext = peers.serverIsPadlock() ? Contexts.padlock(KeyKind.ED25519, Map.of())
                : Contexts.sun(KeyKind.ED25519);
        EnginePair pair = EnginePairs.verifyingLocalhost(clientContext.createSSLEngine("localhost", 8443),
                serverContext.createSSLEngine("client.example", 50123));
        pair.client.setEnabledCipherSuites(new String[] {"TLS_CHACHA20_POLY1305_SHA256"});
        pair.handshake();
        SSLSession client = pair.client.getSession();
        SSLSession server = pair.server.getSession();

        Certificate[] serverChain = TestPki.keyStore(KeyKind.ED25519).getCertificateChain(TestPki.ALIAS);
        assertEquals(2, serverChain.length, "end entity and CA");
        assertArrayEquals(serverChain, client.getPeerCertificates());
        assertArrayEquals(serverChain, server.getLocalCertificates());
        assertEquals("CN=localhost", client.getPeerPrincipal().getName());
        assertNull(client.getLocalCertificates(), "no client authentication was asked for");
        assertNull(client.getLocalPrincipal());
        assertThrows(SSLPeerUnverifiedException.class, server::getPeerCertificates);
        assertThrows(SSLPeerUnverifiedException.class, server::getPeerPrincipal);

        for (SSLSession s : new SSLSession[] {client, server}) {
            assertEquals("TLSv1.3", s.getProtocol());
            assertEquals("TLS_CHACHA20_POLY1305_SHA256", s.getCipherSuite());
            assertTrue(s.isValid());
            assertTrue(s.getPacketBufferSize() >= MAX_RECORD, "packet buffer " + s.getPacketBufferSize());
            assertTrue(s.getApplicationBufferSize() >= MAX_PLAINTEXT, "app buffer " + s.getApplicationBufferSize());
        }
        assertEquals("localhost", client.getPeerHost());
        assertEquals(8443, client.getPeerPort());
        assertEquals("client.example", server.getPeerHost());
        assertEquals(50123, server.getPeerPort());
        assertSame(client, pair.client.getSession(), "one session object per connection");
    }

    @ParameterizedTest
    @EnumSource(Peers.class)
    void sessionBeforeTheHandshakeIsNullAndServerWithoutPeerInfoHasNoPeerHost(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        assertEquals("NONE", pair.client.getSession().getProtocol(), "before the handshake");
        assertEquals("SSL_NULL_WITH_NULL_NULL", pair.client.getSession().getCipherSuite());
        for (SSLEngine e : new SSLEngine[] {pair.client, pair.server}) {
            // sized before the handshake, when applications allocate their buffers
            assertTrue(e.getSession().getPacketBufferSize() >= MAX_RECORD);
            assertTrue(e.getSession().getApplicationBufferSize() >= MAX_PLAINTEXT);
        }
        pair.handshake();
        assertNull(pair.server.getSession().getPeerHost());
        assertEquals(-1, pair.server.getSession().getPeerPort());
    }

    /**
     * A full record wraps into exactly getPacketBufferSize() bytes of room and unwraps into
     * exactly getApplicationBufferSize(), whatever the implementation on the other side.
     */
    @ParameterizedTest
    @EnumSource(Peers.class)
    void advertisedBufferSizesHoldTheLargestRecord(Peers peers) throws Exception {
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        for (boolean fromClient : new boolean[] {true, false}) {
            SSLEngine from = fromClient ? pair.client : pair.server;
            SSLEngine to = fromClient ? pair.server : pair.client;
            byte[] data = new byte[3 * MAX_PLAINTEXT];
            new Random(5).nextBytes(data);
            ByteBuffer src = ByteBuffer.wrap(data);
            ByteBuffer received = ByteBuffer.allocate(data.length);
            while (src.hasRemaining()) {
                ByteBuffer net = ByteBuffer.allocate(from.getSession().getPacketBufferSize());
                SSLEngineResult w = from.wrap(src, net);
                assertEquals(Status.OK, w.getStatus());
                net.flip();
                while (net.hasRemaining()) {
                    ByteBuffer app = ByteBuffer.allocate(to.getSession().getApplicationBufferSize());
                    SSLEngineResult u = to.unwrap(net, app);
                    assertEquals(Status.OK, u.getStatus());
                    received.put(app.flip());
                }
            }
            assertArrayEquals(data, Arrays.copyOf(received.array(), received.position()));
        }
    }
}
