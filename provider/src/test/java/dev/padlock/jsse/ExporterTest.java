package dev.padlock.jsse;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.padlock.Padlock;
import dev.padlock.jsse.EnginePairs.Peers;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.TestPki.KeyKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keying material exporters (RFC 8446 §7.5): both ends of a connection export the same bytes,
 * Padlock's equal SunJSSE's for the same connection (JDK 25, whose {@code ExtendedSSLSession}
 * has the exporter), and misuse fails as SunJSSE's does.
 */
class ExporterTest {
    private static final byte[] CONTEXT = "context".getBytes(US_ASCII);

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void bothEndsExportTheSameBytesAndLabelsAndContextsSeparate(String suite) throws Exception {
        EnginePair pair = Peers.PADLOCK_BOTH.pair(KeyKind.EC_P256);
        pair.client.setEnabledCipherSuites(new String[] {suite});
        pair.handshake();
        SSLSession client = pair.client.getSession();
        SSLSession server = pair.server.getSession();

        byte[] ekm = Padlock.exportKeyingMaterial(client, "EXPORTER-test", CONTEXT, 32);
        assertEquals(32, ekm.length);
        assertArrayEquals(ekm, Padlock.exportKeyingMaterial(server, "EXPORTER-test", CONTEXT, 32));
        assertArrayEquals(ekm, Padlock.exportKeyingMaterial(client, "EXPORTER-test", CONTEXT, 32), "repeatable");
        assertDiffer(ekm, Padlock.exportKeyingMaterial(server, "EXPORTER-other", CONTEXT, 32), "another label");
        assertDiffer(ekm, Padlock.exportKeyingMaterial(server, "EXPORTER-test", new byte[1], 32), "another context");
        // §7.5: no context and an empty one are the same in TLS 1.3.
        assertArrayEquals(Padlock.exportKeyingMaterial(client, "EXPORTER-test", null, 32),
                Padlock.exportKeyingMaterial(server, "EXPORTER-test", new byte[0], 32));
        // §7.1: the length is part of HkdfLabel, so a longer export does not start with a shorter one.
        byte[] longer = Padlock.exportKeyingMaterial(client, "EXPORTER-test", CONTEXT, 64);
        assertDiffer(ekm, Arrays.copyOf(longer, 32), "another length");

        PadlockSession session = (PadlockSession) client;
        assertArrayEquals(ekm, session.exportKeyingMaterialData("EXPORTER-test", CONTEXT, 32));
        SecretKey key = session.exportKeyingMaterialKey("HmacSHA256", "EXPORTER-test", CONTEXT, 32);
        assertEquals("HmacSHA256", key.getAlgorithm());
        assertArrayEquals(ekm, key.getEncoded());
    }

    @Test
    void anotherConnectionExportsOtherBytes() throws Exception {
        EnginePair first = Peers.PADLOCK_BOTH.pair(KeyKind.EC_P256);
        first.handshake();
        EnginePair second = Peers.PADLOCK_BOTH.pair(KeyKind.EC_P256);
        second.handshake();
        assertDiffer(Padlock.exportKeyingMaterial(first.client.getSession(), "EXPORTER-test", null, 32),
                Padlock.exportKeyingMaterial(second.client.getSession(), "EXPORTER-test", null, 32), "connections");
    }

    @ParameterizedTest
    @EnumSource(value = Peers.class, names = {"PADLOCK_CLIENT_SUN_SERVER", "SUN_CLIENT_PADLOCK_SERVER"})
    void padlockAndSunJsseExportTheSameBytesOnJdk25(Peers peers) throws Exception {
        Method data = sunExporter();
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLSession padlock = peers.clientIsPadlock() ? pair.client.getSession() : pair.server.getSession();
        SSLSession sun = peers.clientIsPadlock() ? pair.server.getSession() : pair.client.getSession();
        for (byte[] context : new byte[][] {null, new byte[0], CONTEXT}) {
            byte[] expected = (byte[]) data.invoke(sun, "EXPORTER-interop", context, 48);
            assertArrayEquals(expected, Padlock.exportKeyingMaterial(padlock, "EXPORTER-interop", context, 48));
            // The JDK 25 API reaches Padlock's method: it overrides ExtendedSSLSession's.
            assertArrayEquals(expected, (byte[]) data.invoke(padlock, "EXPORTER-interop", context, 48));
        }
        // A label beyond ASCII goes in as UTF-8 on both sides.
        assertArrayEquals((byte[]) data.invoke(sun, "EXPORTER-\u00e9t\u00e9", null, 16),
                Padlock.exportKeyingMaterial(padlock, "EXPORTER-\u00e9t\u00e9", null, 16));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void misuseFailsAsInSunJsse(boolean padlock) throws Throwable {
        if (!padlock) {
            sunExporter();
        }
        Peers peers = padlock ? Peers.PADLOCK_BOTH : Peers.PADLOCK_CLIENT_SUN_SERVER;
        EnginePair pair = peers.pair(KeyKind.EC_P256);
        pair.client.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        SSLEngine server = pair.server;
        // Before the handshake: a session of no protocol.
        assertThrows(SSLKeyException.class, () -> export(server.getSession(), "EXPORTER-test", 32));
        pair.handshake();
        SSLSession session = server.getSession();
        assertThrows(NullPointerException.class, () -> export(session, null, 32));
        assertThrows(IllegalArgumentException.class, () -> export(session, "", 32));
        assertThrows(IllegalArgumentException.class, () -> export(session, "x".repeat(250), 32));
        assertEquals(32, export(session, "x".repeat(249), 32).length);
        assertThrows(IllegalArgumentException.class, () -> export(session, "EXPORTER-test", 0));
        assertThrows(IllegalArgumentException.class, () -> export(session, "EXPORTER-test", -1));
        assertThrows(IllegalArgumentException.class, () -> export(session, "EXPORTER-test", 255 * 32 + 1));
        assertEquals(255 * 32, export(session, "EXPORTER-test", 255 * 32).length);
    }

    @Test
    void duringTheHandshakeTheSessionHasNoKeyingMaterialYet() throws Exception {
        EnginePair pair = Peers.PADLOCK_BOTH.pair(KeyKind.EC_P256);
        pair.client.beginHandshake();
        pair.client.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(1 << 15));
        SSLSession handshaking = pair.client.getHandshakeSession();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Padlock.exportKeyingMaterial(handshaking, "EXPORTER-test", null, 32));
        assertEquals("keying material can be exported only after the handshake", e.getMessage());
    }

    @Test
    void closedBothWaysTheSecretsAreGoneAndExportIsAnSslKeyException() throws Exception {
        EnginePair pair = Peers.PADLOCK_BOTH.pair(KeyKind.EC_P256);
        pair.handshake();
        SSLSession session = pair.client.getSession();
        Padlock.exportKeyingMaterial(session, "EXPORTER-test", null, 32);
        closeOutbound(pair.client, pair.server);
        // Half-closed: the client still reads, and still exports.
        Padlock.exportKeyingMaterial(session, "EXPORTER-test", null, 32);
        closeOutbound(pair.server, pair.client);
        assertTrue(pair.client.isInboundDone() && pair.client.isOutboundDone());
        SSLKeyException e = assertThrows(SSLKeyException.class,
                () -> Padlock.exportKeyingMaterial(session, "EXPORTER-test", null, 32));
        assertEquals("no keying material: the connection is closed and its secrets are erased", e.getMessage());
    }

    @Test
    void anotherProvidersSessionIsRefused() throws Exception {
        EnginePair pair = Peers.PADLOCK_CLIENT_SUN_SERVER.pair(KeyKind.EC_P256);
        pair.handshake();
        assertThrows(IllegalArgumentException.class,
                () -> Padlock.exportKeyingMaterial(pair.server.getSession(), "EXPORTER-test", null, 32));
    }

    private static void closeOutbound(SSLEngine from, SSLEngine to) throws Exception {
        from.closeOutbound();
        ByteBuffer net = ByteBuffer.allocate(from.getSession().getPacketBufferSize());
        from.wrap(ByteBuffer.allocate(0), net);
        net.flip();
        to.unwrap(net, ByteBuffer.allocate(to.getSession().getApplicationBufferSize()));
        assertTrue(to.isInboundDone());
    }

    /** Through the JDK 25 API for either provider's session, unwrapping what the method threw. */
    private static byte[] export(SSLSession session, String label, int length) throws Throwable {
        if (session instanceof PadlockSession padlock) {
            return padlock.exportKeyingMaterialData(label, null, length);
        }
        try {
            return (byte[]) sunExporter().invoke(session, label, null, length);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** JDK 25's {@code ExtendedSSLSession.exportKeyingMaterialData}; skips the test on older JDKs. */
    private static Method sunExporter() {
        try {
            return ExtendedSSLSession.class.getMethod("exportKeyingMaterialData", String.class, byte[].class,
                    int.class);
        } catch (NoSuchMethodException e) {
            assumeTrue(false, "ExtendedSSLSession has exporters from JDK 25");
            throw new AssertionError(e);
        }
    }

    private static void assertDiffer(byte[] a, byte[] b, String what) {
        assertFalse(HexFormat.of().formatHex(a).equals(HexFormat.of().formatHex(b)), what + " must change the bytes");
    }
}
