package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.SignatureScheme;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.Test;

/**
 * SunJSSE's PKIX key manager reads the Padlock handshake session through the engine the
 * bridge passes: it prefers the chain whose names match the client's SNI.
 */
class SunJsseKeyManagerThroughSessionTest {

    private static X509ExtendedKeyManager pkixWithTwoHosts() throws Exception {
        KeyStore both = KeyStore.getInstance("PKCS12");
        both.load(null, null);
        char[] pw = TestPki.PASSWORD.toCharArray();
        KeyStore local = TestPki.keyStore(KeyKind.EC_P256);
        KeyStore wrong = TestPki.wrongHostKeyStore();
        both.setKeyEntry("wrong", wrong.getKey(TestPki.ALIAS, pw), pw, wrong.getCertificateChain(TestPki.ALIAS));
        both.setKeyEntry("local", local.getKey(TestPki.ALIAS, pw), pw, local.getCertificateChain(TestPki.ALIAS));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", "SunJSSE");
        kmf.init(both, pw);
        return (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
    }

    private static X509Certificate chooseFor(X509ExtendedKeyManager km, String sni) {
        TlsSession tls = new TlsSession(new byte[32], Instant.now(), null, -1);
        tls.cipherSuite(CipherSuite.TLS_AES_128_GCM_SHA256);
        tls.requestedServerNames(List.of(new SNIHostName(sni)));
        tls.peerSignatureSchemes(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256));
        StubEngine engine = new StubEngine(null, -1, new PadlockSession(tls, null), new SSLParameters());
        return KeyManagerBridge.forEngine(km, engine)
                .chooseServerCredential(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256), List.of())
                .orElseThrow().endEntity();
    }

    @Test
    void pkixKeyManagerChoosesTheChainNamedBySni() throws Exception {
        X509ExtendedKeyManager km = pkixWithTwoHosts();
        assertEquals(TestPki.wrongHostKeyStore().getCertificate(TestPki.ALIAS), chooseFor(km, "wrong.example"));
        assertEquals(TestPki.keyStore(KeyKind.EC_P256).getCertificate(TestPki.ALIAS), chooseFor(km, "localhost"));
    }
}
