package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class TrustManagerBridgeTest {

    private static X509ExtendedTrustManager sunTrust() {
        return (X509ExtendedTrustManager) TestPki.trustManagers()[0];
    }

    @Test
    void trustedChainPassesSunJssePkix() throws Exception {
        TrustManagerBridge.forEngine(sunTrust(), null)
                .checkServerTrusted(TestPki.chain(TestPki.keyStore(KeyKind.RSA_2048)), "UNKNOWN");
        TrustManagerBridge.forEngine(sunTrust(), null)
                .checkClientTrusted(TestPki.chain(TestPki.keyStore(KeyKind.EC_P256)), null);
    }

    @Test
    void untrustedChainIsRejectedWithTheTrustManagersOwnException() throws Exception {
        X509Certificate[] untrusted = TestPki.chain(TestPki.untrustedKeyStore());
        CertificateException direct = assertThrows(CertificateException.class,
                () -> sunTrust().checkServerTrusted(untrusted.clone(), "UNKNOWN", (SSLEngine) null));
        CertificateException viaBridge = assertThrows(CertificateException.class,
                () -> TrustManagerBridge.forEngine(sunTrust(), null).checkServerTrusted(untrusted, "UNKNOWN"));
        assertEquals(direct.getClass(), viaBridge.getClass());
        assertEquals(direct.getMessage(), viaBridge.getMessage());

        CertificateException mine = new CertificateException("rejected by test");
        X509ExtendedTrustManager rejecting = new RecordingTrustManager(mine, new ArrayList<>());
        assertSame(mine, assertThrows(CertificateException.class,
                () -> TrustManagerBridge.forEngine(rejecting, null).checkServerTrusted(untrusted, "UNKNOWN")));
    }

    /** certificate_authorities names the subjects of what the trust manager accepts as issuers. */
    @Test
    void acceptedIssuersAreTheTrustManagersSubjects() {
        assertEquals(List.of(TestPki.caCertificate().getSubjectX500Principal()),
                TrustManagerBridge.forEngine(sunTrust(), null).acceptedIssuers());
        assertEquals(List.of(), TrustManagerBridge.forEngine(new RecordingTrustManager(null, new ArrayList<>()), null)
                .acceptedIssuers());
    }

    @Test
    void expiredChainIsRejected() throws Exception {
        CertificateException e = assertThrows(CertificateException.class, () -> TrustManagerBridge
                .forEngine(sunTrust(), null).checkServerTrusted(TestPki.chain(TestPki.expiredKeyStore()), "UNKNOWN"));
        assertTrue(e.getMessage().contains("validity check failed"), e.getMessage());
    }

    @Test
    void bridgePassesAuthTypeAndEngineOrSocketVariant() throws Exception {
        List<String> calls = new ArrayList<>();
        RecordingTrustManager tm = new RecordingTrustManager(null, calls);
        X509Certificate[] rsa = TestPki.chain(TestPki.keyStore(KeyKind.RSA_2048));
        X509Certificate[] ed = TestPki.chain(TestPki.keyStore(KeyKind.ED25519));
        TrustManagerBridge.forEngine(tm, null).checkServerTrusted(rsa, "UNKNOWN");
        TrustManagerBridge.forEngine(tm, null).checkClientTrusted(rsa, null);
        TrustManagerBridge.forSocket(tm, null).checkClientTrusted(ed, null);
        assertEquals(List.of("server engine UNKNOWN", "client engine RSA", "client socket UNKNOWN"), calls);
    }

    @Test
    void clientAuthTypeIsSunJssesKeyAlgorithmOrUnknown() throws Exception {
        assertEquals("RSA", TrustManagerBridge.clientAuthType(TestPki.chain(TestPki.keyStore(KeyKind.RSA_2048))[0]));
        assertEquals("EC", TrustManagerBridge.clientAuthType(TestPki.chain(TestPki.keyStore(KeyKind.EC_P384))[0]));
        assertEquals("UNKNOWN", TrustManagerBridge.clientAuthType(TestPki.chain(TestPki.keyStore(KeyKind.ED25519))[0]));
    }

    @Test
    void plainTrustManagerWithoutEndpointIdentificationOnlyCallsPlainMethod() throws Exception {
        List<String> calls = new ArrayList<>();
        X509TrustManager plain = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                calls.add("client " + authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                calls.add("server " + authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        X509ExtendedTrustManager extended = ExtendedManagers.extend(plain);
        X509Certificate[] c = TestPki.chain(TestPki.keyStore(KeyKind.EC_P256));
        extended.checkServerTrusted(c, "UNKNOWN", (SSLEngine) null);
        extended.checkClientTrusted(c, "EC", (Socket) null);
        assertEquals(List.of("server UNKNOWN", "client EC"), calls);
    }

    @Test
    void managersWithoutAnyX509TrustManagerTrustNothing() throws Exception {
        CertificateException e = assertThrows(CertificateException.class, () -> ExtendedManagers.trustingNothing()
                .checkServerTrusted(TestPki.chain(TestPki.keyStore(KeyKind.EC_P256)), "UNKNOWN", (SSLEngine) null));
        assertEquals("No X509TrustManager was given to the SSLContext", e.getMessage());
    }

    private static final class RecordingTrustManager extends X509ExtendedTrustManager {
        private final CertificateException failure;
        private final List<String> calls;

        RecordingTrustManager(CertificateException failure, List<String> calls) {
            this.failure = failure;
            this.calls = calls;
        }

        private void record(String what) throws CertificateException {
            calls.add(what);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            record("client socket " + authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            record("server socket " + authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            record("client engine " + authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            record("server engine " + authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record("client plain " + authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            record("server plain " + authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
