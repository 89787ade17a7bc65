package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.net.Socket;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 8446 §6.2: an error that is neither the peer's nor the protocol's is internal_error. An
 * unchecked exception inside Padlock's core (here thrown by the application's own key manager)
 * fails the connection like any protocol failure: one fatal alert, an {@code SSLException} with
 * the exception as its cause, and no side left waiting half-open.
 */
class InternalErrorTest {

    private static final IllegalStateException BOOM = new IllegalStateException("key store unavailable");

    @ParameterizedTest(name = "Padlock client: {0}")
    @ValueSource(booleans = {true, false})
    void keyManagerThrowingIsInternalErrorOnBothSides(boolean padlockClient) throws Exception {
        KeyManager[] failing = {new DelegatingKeyManager(TestPki.keyManagers(KeyKind.EC_P256)) {
            @Override
            public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
                throw BOOM;
            }
        }};
        SSLContext server = Contexts.padlock(failing, TestPki.trustManagers(), Map.of());
        SSLContext client = padlockClient ? Contexts.padlock(KeyKind.EC_P256, Map.of()) : Contexts.sun(KeyKind.EC_P256);
        EnginePair pair = EnginePairs.verifyingLocalhost(client.createSSLEngine("localhost", 443),
                server.createSSLEngine());
        Outcome o = pair.handshakeUntilStopped();

        assertNotNull(o.server().exception, "the server threw an SSLException, not the key manager's exception");
        assertEquals(SSLHandshakeException.class, o.server().exception.getClass());
        assertTrue(o.server().exception.getMessage().startsWith("(internal_error) "), o.server().exception.getMessage());
        assertSame(BOOM, o.server().exception.getCause());
        assertTrue(o.server().outboundDoneAfterAlert, "the alert went out and nothing after it");
        assertNotNull(o.client().exception, "the client learned of the failure");
        assertTrue(o.client().exception.getMessage().contains("Received fatal alert: internal_error"),
                o.client().exception.getMessage());
        assertTrue(pair.client.isInboundDone());
        assertTrue(pair.server.isInboundDone());
    }

    /** Trusts every chain: the chains below repeat the CA certificate to grow long. */
    private static final class TrustingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The chain of {@code kind} with its CA certificate repeated until it is over 33 KB. */
    private static KeyManager[] longChain(KeyKind kind) {
        return new KeyManager[] {new DelegatingKeyManager(TestPki.keyManagers(kind)) {
            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                X509Certificate[] chain = delegate.getCertificateChain(alias);
                List<X509Certificate> padded = new ArrayList<>(List.of(chain));
                int bytes = 0;
                try {
                    for (X509Certificate c : chain) {
                        bytes += c.getEncoded().length;
                    }
                    while (bytes < 33_000) {
                        padded.add(TestPki.caCertificate());
                        bytes += TestPki.caCertificate().getEncoded().length;
                    }
                } catch (java.security.cert.CertificateEncodingException e) {
                    throw new AssertionError(e);
                }
                return padded.toArray(X509Certificate[]::new);
            }
        }};
    }

    /**
     * Two chains of over 33 KB each do not fit into one ticket (opaque ticket<1..2^16-1>, RFC
     * 8446 §4.6.1): the server issues none, and the connection itself is unharmed. (Before, the
     * ticket's encoder threw out of the server's unwrap, the server stayed in NEED_UNWRAP and
     * the client believed the handshake done.)
     */
    @Test
    void ticketThatWouldNotFitIsNotIssued() throws Exception {
        TrustManager[] trust = {new TrustingAll()};
        SSLContext client = Contexts.padlock(longChain(KeyKind.RSA_2048), trust, Map.of());
        SSLContext server = Contexts.padlock(longChain(KeyKind.RSA_2048), trust, Map.of());
        for (int i = 0; i < 2; i++) {
            SSLEngine s = server.createSSLEngine();
            s.setNeedClientAuth(true);
            EnginePair pair = new EnginePair(client.createSSLEngine("localhost", 443), s);
            pair.handshake();
            assertArrayEquals(new byte[] {1}, pair.send(new byte[] {1}, false));
            assertArrayEquals(new byte[] {2}, pair.send(new byte[] {2}, true));
            assertTrue(pair.server.getSession().getPeerCertificates().length > 20);
            assertTrue(!Padlock.isResumed(pair.client.getSession()), "no ticket, so no resumption");
        }
    }
}
