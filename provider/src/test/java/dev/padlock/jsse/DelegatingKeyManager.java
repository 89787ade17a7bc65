package dev.padlock.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** A key manager that does what SunJSSE's does; tests override the one method they change. */
class DelegatingKeyManager extends X509ExtendedKeyManager {
    final X509ExtendedKeyManager delegate;

    /** Delegates to {@code managers[0]}, SunJSSE's key manager in these tests. */
    DelegatingKeyManager(KeyManager[] managers) {
        this.delegate = (X509ExtendedKeyManager) managers[0];
    }

    /** What the delegate's alias choices are asked with: the issuers given, unless a subclass says otherwise. */
    Principal[] issuers(Principal[] issuers) {
        return issuers;
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
