package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestClock;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.SignatureScheme;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import org.junit.jupiter.api.Test;

class PadlockSessionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static PadlockSession negotiated(PadlockSessionContext ctx) {
        TlsSession tls = new TlsSession(new byte[] {1, 2, 3}, T0, "peer.example", 8443);
        tls.cipherSuite(CipherSuite.TLS_AES_256_GCM_SHA384);
        return new PadlockSession(tls, ctx);
    }

    private static final class Listener implements SSLSessionBindingListener {
        final String tag;
        final List<String> events;

        Listener(String tag, List<String> events) {
            this.tag = tag;
            this.events = events;
        }

        @Override
        public void valueBound(SSLSessionBindingEvent e) {
            events.add(tag + " bound " + e.getName());
        }

        @Override
        public void valueUnbound(SSLSessionBindingEvent e) {
            events.add(tag + " unbound " + e.getName());
        }
    }

    @Test
    void bindingListenersHearBindReplaceAndRemoveInSunJssesOrder() {
        PadlockSession s = negotiated(null);
        List<String> events = new ArrayList<>();
        s.putValue("k", new Listener("a", events));
        s.putValue("k", new Listener("b", events));
        s.removeValue("k");
        s.removeValue("k");
        assertEquals(List.of("a bound k", "a unbound k", "b bound k", "b unbound k"), events);
    }

    @Test
    void bindingEventNamesTheSession() {
        PadlockSession s = negotiated(null);
        List<SSLSessionBindingEvent> seen = new ArrayList<>();
        s.putValue("x", new SSLSessionBindingListener() {
            @Override
            public void valueBound(SSLSessionBindingEvent e) {
                seen.add(e);
            }

            @Override
            public void valueUnbound(SSLSessionBindingEvent e) {
                seen.add(e);
            }
        });
        assertSame(s, seen.get(0).getSession());
        assertEquals("x", seen.get(0).getName());
    }

    @Test
    void valuesStoreAndListAndRejectNulls() {
        PadlockSession s = negotiated(null);
        s.putValue("a", 1);
        s.putValue("b", "two");
        assertEquals(1, s.getValue("a"));
        assertEquals(Set.of("a", "b"), Set.of(s.getValueNames()));
        assertNull(s.getValue("c"));
        assertThrows(IllegalArgumentException.class, () -> s.putValue(null, 1));
        assertThrows(IllegalArgumentException.class, () -> s.putValue("a", null));
        assertThrows(IllegalArgumentException.class, () -> s.getValue(null));
        assertThrows(IllegalArgumentException.class, () -> s.removeValue(null));
    }

    @Test
    void nullSessionLooksLikeSunJssesNullSession() {
        PadlockSession s = PadlockSession.nullSession();
        assertEquals("NONE", s.getProtocol());
        assertEquals("SSL_NULL_WITH_NULL_NULL", s.getCipherSuite());
        assertFalse(s.isValid());
        assertArrayEquals(new byte[0], s.getId());
        assertNull(s.getLocalCertificates());
        assertNull(s.getLocalPrincipal());
        assertNull(s.getPeerHost());
        assertEquals(-1, s.getPeerPort());
        assertNull(s.getSessionContext());
        SSLPeerUnverifiedException e = assertThrows(SSLPeerUnverifiedException.class, s::getPeerCertificates);
        assertEquals("peer not authenticated", e.getMessage());
        assertThrows(SSLPeerUnverifiedException.class, s::getPeerPrincipal);
    }

    @Test
    void negotiatedSessionReportsTls13AndTheSuite() {
        PadlockSession s = negotiated(null);
        assertEquals("TLSv1.3", s.getProtocol());
        assertEquals("TLS_AES_256_GCM_SHA384", s.getCipherSuite());
        assertTrue(s.isValid());
        assertArrayEquals(new byte[] {1, 2, 3}, s.getId());
        assertEquals(T0.toEpochMilli(), s.getCreationTime());
        assertEquals(T0.toEpochMilli(), s.getLastAccessedTime());
        s.accessed(T0.toEpochMilli() + 5);
        assertEquals(T0.toEpochMilli() + 5, s.getLastAccessedTime());
        assertEquals("peer.example", s.getPeerHost());
        assertEquals(8443, s.getPeerPort());
    }

    @Test
    void buffersCoverTheLargestTls13RecordAndPlaintext() {
        PadlockSession s = negotiated(null);
        // RFC 8446 §5.2: 5-byte header + 2^14 + 256; §5.4: TLSInnerPlaintext of at most 2^14 + 1.
        assertEquals(16645, s.getPacketBufferSize());
        assertEquals(16385, s.getApplicationBufferSize());
        assertEquals(s.getPacketBufferSize(), PadlockSession.nullSession().getPacketBufferSize());
    }

    @Test
    void certificatesAndPrincipals() throws Exception {
        PadlockSession s = negotiated(null);
        X509Certificate[] chain = TestPki.chain(TestPki.keyStore(KeyKind.EC_P256));
        s.tlsSession().peerCertificates(List.of(chain));
        s.tlsSession().localCertificates(List.of(chain[0]));
        assertArrayEquals(chain, s.getPeerCertificates());
        // Applications cast the result to X509Certificate[], as SunJSSE's runtime type allows.
        assertEquals(X509Certificate[].class, s.getPeerCertificates().getClass());
        assertEquals(chain[0].getSubjectX500Principal(), s.getPeerPrincipal());
        assertArrayEquals(new X509Certificate[] {chain[0]}, s.getLocalCertificates());
        assertEquals(chain[0].getSubjectX500Principal(), s.getLocalPrincipal());
        s.getPeerCertificates()[0] = null;
        assertEquals(chain[0], s.getPeerCertificates()[0]);
    }

    @Test
    void extendedSessionReportsSchemesByTheirJcaNamesAsSunJsseDoes() {
        PadlockSession s = negotiated(null);
        s.tlsSession().localSignatureSchemes(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ED25519,
                SignatureScheme.RSA_PSS_PSS_SHA384, SignatureScheme.RSA_PKCS1_SHA1));
        s.tlsSession().peerSignatureSchemes(List.of(SignatureScheme.RSA_PSS_RSAE_SHA256, new SignatureScheme(0xFEFE),
                SignatureScheme.ECDSA_SECP521R1_SHA512));
        s.tlsSession().requestedServerNames(List.of(new SNIHostName("peer.example")));
        assertArrayEquals(new String[] {"SHA256withECDSA", "Ed25519", "RSASSA-PSS", "SHA1withRSA"},
                s.getLocalSupportedSignatureAlgorithms());
        assertArrayEquals(new String[] {"RSASSA-PSS", "SHA512withECDSA"}, s.getPeerSupportedSignatureAlgorithms());
        assertEquals(List.of(new SNIHostName("peer.example")), s.getRequestedServerNames());
        assertEquals(List.of(), s.getStatusResponses());
    }

    @Test
    void invalidateRemovesTheSessionFromItsContext() {
        PadlockSessionContext ctx = new PadlockSessionContext(new TestClock(T0));
        PadlockSession s = negotiated(ctx);
        ctx.put(s);
        assertSame(s, ctx.getSession(new byte[] {1, 2, 3}));
        assertSame(ctx, s.getSessionContext());
        s.invalidate();
        assertFalse(s.isValid());
        assertNull(ctx.getSession(new byte[] {1, 2, 3}));
        assertEquals(0, ctx.size());
    }

    @Test
    void sessionOlderThanTheTimeoutIsInvalid() {
        TestClock clock = new TestClock(T0);
        PadlockSessionContext ctx = new PadlockSessionContext(clock);
        PadlockSession s = negotiated(ctx);
        ctx.put(s);
        ctx.setSessionTimeout(60);
        clock.advance(Duration.ofSeconds(59));
        assertTrue(s.isValid());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(s.isValid());
        assertNull(ctx.getSession(new byte[] {1, 2, 3}));
    }
}
