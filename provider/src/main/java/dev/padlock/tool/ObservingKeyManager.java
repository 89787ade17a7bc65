package dev.padlock.tool;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client's key manager (the JDK's over {@code --cert}, or none), watched: whether the server
 * asked for a certificate and whether one was chosen, which tells "client certificate required"
 * from "client certificate rejected" when the server's alert arrives.
 */
final class ObservingKeyManager extends X509ExtendedKeyManager {
    private final X509ExtendedKeyManager delegate;
    private volatile boolean requested;
    private volatile String chosen;

    /** @param delegate null: the user gave no certificate */
    ObservingKeyManager(X509ExtendedKeyManager delegate) {
        this.delegate = delegate;
    }

    boolean requested() {
        return requested;
    }

    /** Whether a certificate went to the server in the last handshake. */
    boolean sent() {
        return chosen != null;
    }

    void reset() {
        requested = false;
        chosen = null;
    }

    private String observe(String alias) {
        requested = true;
        chosen = alias;
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return observe(delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return observe(delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return delegate == null ? null : delegate.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return delegate == null ? null : delegate.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return delegate == null ? null : delegate.getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return delegate == null ? null : delegate.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return delegate == null ? null : delegate.getPrivateKey(alias);
    }
}
