package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.padlock.Padlock;
import dev.padlock.testing.EnginePair;
import dev.padlock.testing.EnginePair.Outcome;
import dev.padlock.testing.TestPki.KeyKind;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SSLParameters.setNamedGroups}/{@code setSignatureSchemes} and their getters, which JDK 20
 * added: Padlock reads and reports them as SunJSSE does (through reflection, being built for 17).
 * On JDK 17 the API does not exist, so there is nothing to test and these tests do not run; the
 * suite runs them on JDK 25 (README: {@code JAVA_HOME=... mvn -B verify}).
 */
class NamedGroupsAndSchemesParametersTest {

    @BeforeEach
    void jdkHasTheApi() {
        assumeTrue(Jdk20Parameters.available(), "SSLParameters has named groups and signature schemes from JDK 20");
    }

    private static SSLEngine engine(SSLContext context, boolean client) {
        SSLEngine e = client ? context.createSSLEngine("localhost", 443) : context.createSSLEngine();
        e.setUseClientMode(client);
        return e;
    }

    private static void set(SSLEngine engine, String[] groups, String[] schemes) {
        SSLParameters p = engine.getSSLParameters();
        if (groups != null) {
            Jdk20Parameters.namedGroups(p, groups);
        }
        if (schemes != null) {
            Jdk20Parameters.signatureSchemes(p, schemes);
        }
        engine.setSSLParameters(p);
    }

    @Test
    void getSslParametersReportsTheListsInForceAsSunJsseDoes() throws Exception {
        SSLEngine padlock = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), true);
        SSLParameters p = padlock.getSSLParameters();
        assertArrayEquals(new String[] {"X25519MLKEM768", "x25519", "secp256r1", "secp384r1", "x448", "secp521r1",
                "ffdhe2048", "ffdhe3072", "ffdhe4096", "ffdhe6144", "ffdhe8192"}, Jdk20Parameters.namedGroups(p));
        // SunJSSE, the control, reports its groups, and no signature schemes until they are customized.
        SSLParameters sun = engine(Contexts.sun(KeyKind.EC_P256), true).getSSLParameters();
        assertTrue(Jdk20Parameters.namedGroups(sun) != null);
        assertNull(Jdk20Parameters.signatureSchemes(sun));
        assertNull(Jdk20Parameters.signatureSchemes(p));
        assertArrayEquals(new String[] {"ecdsa_secp384r1_sha384"}, Jdk20Parameters.signatureSchemes(
                engine(Contexts.padlock(KeyKind.EC_P256, Map.of("jdk.tls.client.SignatureSchemes",
                        "ecdsa_secp384r1_sha384")), true).getSSLParameters()));

        set(padlock, new String[] {"secp384r1", "brainpoolP256r1tls13"}, new String[] {"rsa_pss_rsae_sha256"});
        assertArrayEquals(new String[] {"secp384r1", "brainpoolP256r1tls13"},
                Jdk20Parameters.namedGroups(padlock.getSSLParameters()), "kept as set, unknown names included");
        assertArrayEquals(new String[] {"rsa_pss_rsae_sha256"},
                Jdk20Parameters.signatureSchemes(padlock.getSSLParameters()));
    }

    @Test
    void nullLeavesTheListAsItWas() throws Exception {
        SSLEngine padlock = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), true);
        set(padlock, new String[] {"secp384r1"}, null);
        SSLParameters p = new SSLParameters();
        assertNull(Jdk20Parameters.namedGroups(p));
        padlock.setSSLParameters(p);
        assertArrayEquals(new String[] {"secp384r1"}, Jdk20Parameters.namedGroups(padlock.getSSLParameters()));
    }

    @Test
    void clientsNamedGroupsDecideWhatItOffersToSunJsse() throws Exception {
        SSLEngine client = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), true);
        set(client, new String[] {"secp384r1"}, null);
        EnginePair pair = new EnginePair(client, engine(Contexts.sun(KeyKind.EC_P256), false));
        pair.handshake();
        assertEquals(Optional.of("secp384r1"), Padlock.negotiatedGroup(client.getSession()));
    }

    @Test
    void serversNamedGroupsDecideWhatItAccepts() throws Exception {
        SSLEngine server = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), false);
        set(server, new String[] {"secp521r1"}, null);
        EnginePair pair = new EnginePair(engine(Contexts.sun(KeyKind.EC_P256), true), server);
        pair.handshake();
        assertEquals(Optional.of("secp521r1"), Padlock.negotiatedGroup(server.getSession()));
    }

    @Test
    void namedGroupsNamingNothingPadlockSupportsFailTheHandshakeSayingSo() throws Exception {
        SSLEngine client = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), true);
        set(client, new String[] {"SecP384r1MLKEM1024"}, null);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, client::beginHandshake);
        assertTrue(e.getMessage().contains("setNamedGroups([SecP384r1MLKEM1024])"), e.getMessage());
    }

    @Test
    void serversSignatureSchemesDecideItsCertificateVerify() throws Exception {
        SSLEngine server = engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), false);
        set(server, null, new String[] {"rsa_pss_rsae_sha256"});
        EnginePair pair = new EnginePair(engine(Contexts.padlock(KeyKind.EC_P256, Map.of()), true), server);
        Outcome o = pair.handshakeUntilStopped();
        // An EC certificate cannot sign with the only scheme the server may use.
        assertTrue(o.server().exception != null
                && o.server().exception.getMessage().startsWith("(handshake_failure) "),
                String.valueOf(o.server().exception));
    }

    /** The client's list goes on the wire: a SunJSSE server with an RSA key finds nothing to sign with. */
    @Test
    void clientsSignatureSchemesAreWhatItOffers() throws Exception {
        SSLEngine client = engine(Contexts.padlock(KeyKind.RSA_2048, Map.of()), true);
        set(client, null, new String[] {"ecdsa_secp256r1_sha256"});
        EnginePair pair = new EnginePair(client, engine(Contexts.sun(KeyKind.RSA_2048), false));
        Outcome o = pair.handshakeUntilStopped();
        assertTrue(o.client().exception != null
                && o.client().exception.getMessage().contains("Received fatal alert: handshake_failure"),
                String.valueOf(o.client().exception));
    }
}
