package dev.padlock.jsse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.handshake.Credential;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.SignatureScheme;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyManagerBridgeTest {

    /** One store holding every kind, so the bridge must pick among several aliases of one key type. */
    private static X509ExtendedKeyManager allKinds() throws Exception {
        KeyStore all = KeyStore.getInstance("PKCS12");
        all.load(null, null);
        char[] pw = TestPki.PASSWORD.toCharArray();
        for (KeyKind kind : KeyKind.values()) {
            KeyStore ks = TestPki.keyStore(kind);
            all.setKeyEntry(kind.name(), ks.getKey(TestPki.ALIAS, pw), pw, ks.getCertificateChain(TestPki.ALIAS));
        }
        return (X509ExtendedKeyManager) TestPki.keyManagersFor(all)[0];
    }

    private static X509ExtendedKeyManager only(KeyKind kind) {
        return (X509ExtendedKeyManager) TestPki.keyManagers(kind)[0];
    }

    private static X509Certificate leaf(KeyKind kind) throws Exception {
        return (X509Certificate) TestPki.keyStore(kind).getCertificate(TestPki.ALIAS);
    }

    private static Optional<Credential> server(X509ExtendedKeyManager km, SignatureScheme... schemes) {
        return KeyManagerBridge.forEngine(km, null).chooseServerCredential(List.of(schemes), List.of());
    }

    @Test
    void eachSchemePicksTheChainWhoseKeyFitsIt() throws Exception {
        X509ExtendedKeyManager km = allKinds();
        assertEquals(leaf(KeyKind.EC_P256), server(km, SignatureScheme.ECDSA_SECP256R1_SHA256).orElseThrow().endEntity());
        assertEquals(leaf(KeyKind.EC_P384), server(km, SignatureScheme.ECDSA_SECP384R1_SHA384).orElseThrow().endEntity());
        assertEquals(leaf(KeyKind.ED25519), server(km, SignatureScheme.ED25519).orElseThrow().endEntity());
        assertEquals(leaf(KeyKind.RSA_2048), server(km, SignatureScheme.RSA_PSS_RSAE_SHA256).orElseThrow().endEntity());
        assertEquals(leaf(KeyKind.RSA_2048), server(km, SignatureScheme.RSA_PSS_RSAE_SHA512).orElseThrow().endEntity());
    }

    @Test
    void schemeOrderDecidesAmongFittingChains() throws Exception {
        X509ExtendedKeyManager km = allKinds();
        assertEquals(leaf(KeyKind.ED25519), server(km, SignatureScheme.ED25519, SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.RSA_PSS_RSAE_SHA256).orElseThrow().endEntity());
        assertEquals(leaf(KeyKind.RSA_2048), server(km, SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.ED25519)
                .orElseThrow().endEntity());
    }

    @Test
    void credentialCarriesTheWholeChainAndTheMatchingKey() throws Exception {
        Credential c = server(only(KeyKind.EC_P384), SignatureScheme.ECDSA_SECP384R1_SHA384).orElseThrow();
        assertEquals(List.of(leaf(KeyKind.EC_P384), TestPki.caCertificate()), c.chain());
        assertEquals(TestPki.keyStore(KeyKind.EC_P384).getKey(TestPki.ALIAS, TestPki.PASSWORD.toCharArray()),
                c.privateKey());
    }

    @ParameterizedTest
    @EnumSource(KeyKind.class)
    void noChainWhenNoSchemeFitsTheOnlyKey(KeyKind kind) throws Exception {
        List<SignatureScheme> others = new ArrayList<>(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
                SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ED25519, SignatureScheme.RSA_PSS_RSAE_SHA256,
                SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.ED448, SignatureScheme.ECDSA_SECP521R1_SHA512));
        others.remove(switch (kind) {
            case RSA_2048 -> SignatureScheme.RSA_PSS_RSAE_SHA256;
            case EC_P256 -> SignatureScheme.ECDSA_SECP256R1_SHA256;
            case EC_P384 -> SignatureScheme.ECDSA_SECP384R1_SHA384;
            case ED25519 -> SignatureScheme.ED25519;
        });
        assertEquals(Optional.empty(), KeyManagerBridge.forEngine(only(kind), null)
                .chooseServerCredential(others, List.of()));
        assertEquals(Optional.empty(), KeyManagerBridge.forEngine(only(kind), null)
                .chooseClientCredential(others, List.of()));
    }

    @Test
    void clientSideChoosesLikeTheServerSide() throws Exception {
        Credential c = KeyManagerBridge.forEngine(allKinds(), null)
                .chooseClientCredential(List.of(SignatureScheme.ECDSA_SECP384R1_SHA384), List.of()).orElseThrow();
        assertEquals(leaf(KeyKind.EC_P384), c.endEntity());
    }

    @Test
    void issuersThatMatchNoChainGiveNothing() {
        javax.security.auth.x500.X500Principal stranger = new javax.security.auth.x500.X500Principal("CN=Stranger CA");
        assertEquals(Optional.empty(), KeyManagerBridge.forEngine(only(KeyKind.EC_P256), null)
                .chooseServerCredential(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256), List.of(stranger)));
        assertTrue(KeyManagerBridge.forEngine(only(KeyKind.EC_P256), null)
                .chooseServerCredential(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256),
                        List.of(TestPki.caCertificate().getSubjectX500Principal())).isPresent());
    }

    @Test
    void keyTypesAreThoseSunJsseAsksFor() {
        assertEquals("EC", KeyManagerBridge.keyType(SignatureScheme.ECDSA_SECP521R1_SHA512));
        assertEquals("RSA", KeyManagerBridge.keyType(SignatureScheme.RSA_PSS_RSAE_SHA384));
        assertEquals("RSASSA-PSS", KeyManagerBridge.keyType(SignatureScheme.RSA_PSS_PSS_SHA256));
        assertEquals("EdDSA", KeyManagerBridge.keyType(SignatureScheme.ED448));
        // TLS 1.2 signs with PKCS#1 v1.5 too (RFC 5246 §7.4.1.4.1); SHA-1 never.
        assertEquals("RSA", KeyManagerBridge.keyType(SignatureScheme.RSA_PKCS1_SHA256));
        assertNull(KeyManagerBridge.keyType(SignatureScheme.RSA_PKCS1_SHA1));
    }

    @Test
    void plainKeyManagerIsWrappedAndItsEngineChoiceUsesThePlainMethod() throws Exception {
        X509KeyManager sun = only(KeyKind.EC_P256);
        List<String> calls = new ArrayList<>();
        X509KeyManager plain = new X509KeyManager() {
            @Override
            public String[] getClientAliases(String keyType, Principal[] issuers) {
                return sun.getClientAliases(keyType, issuers);
            }

            @Override
            public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
                calls.add("chooseClientAlias " + List.of(keyType));
                return sun.chooseClientAlias(keyType, issuers, socket);
            }

            @Override
            public String[] getServerAliases(String keyType, Principal[] issuers) {
                return sun.getServerAliases(keyType, issuers);
            }

            @Override
            public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
                calls.add("chooseServerAlias " + keyType);
                return sun.chooseServerAlias(keyType, issuers, socket);
            }

            @Override
            public X509Certificate[] getCertificateChain(String alias) {
                return sun.getCertificateChain(alias);
            }

            @Override
            public PrivateKey getPrivateKey(String alias) {
                return sun.getPrivateKey(alias);
            }
        };
        X509ExtendedKeyManager extended = ExtendedManagers.extend(plain);
        assertEquals(TestPki.ALIAS, extended.chooseEngineServerAlias("EC", null, null));
        assertNull(extended.chooseEngineClientAlias(new String[] {"RSA"}, null, null));
        assertEquals(List.of("chooseServerAlias EC", "chooseClientAlias [RSA]"), calls);
        KeyManager[] sunManagers = TestPki.keyManagers(KeyKind.EC_P256);
        assertTrue(ExtendedManagers.extend((X509KeyManager) sunManagers[0]) == sunManagers[0]);
        assertFalse(server(extended, SignatureScheme.ECDSA_SECP256R1_SHA256).isEmpty());
    }
}
