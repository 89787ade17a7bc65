package dev.padlock.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Key managers around SunJSSE's that show what a handshake does with certificate_authorities:
 * one records the issuers each alias choice is asked with, one drops them.
 */
final class IssuerKeyManagers {
    private IssuerKeyManagers() {
    }

    /** Chooses as {@code managers[0]} would without any issuer list. */
    static X509ExtendedKeyManager ignoringIssuers(KeyManager[] managers) {
        return new Delegating((X509ExtendedKeyManager) managers[0]);
    }

    /** Chooses as {@code managers[0]}, recording the issuers of every choice (null: none given). */
    static Recording recording(KeyManager[] managers) {
        return new Recording((X509ExtendedKeyManager) managers[0]);
    }

    /** The issuers of every chooseXxxAlias call, in call order; a null entry is a call without issuers. */
    static final class Recording extends Delegating {
        final List<Principal[]> asked = Collections.synchronizedList(new ArrayList<>());

        private Recording(X509ExtendedKeyManager delegate) {
            super(delegate);
        }

        @Override
        Principal[] issuers(Principal[] issuers) {
            asked.add(issuers == null ? null : issuers.clone());
            return issuers;
        }
    }

    private static class Delegating extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        Delegating(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        /** What the delegate is asked with; here: nothing. */
        Principal[] issuers(Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate.getClientAliases(keyType, issuers(issuers));
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return delegate.chooseClientAlias(keyTypes, issuers(issuers), socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineClientAlias(keyTypes, issuers(issuers), engine);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return delegate.getServerAliases(keyType, issuers(issuers));
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return delegate.chooseServerAlias(keyType, issuers(issuers), socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return delegate.chooseEngineServerAlias(keyType, issuers(issuers), engine);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
