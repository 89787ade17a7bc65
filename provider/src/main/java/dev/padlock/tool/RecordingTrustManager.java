package dev.padlock.tool;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's trust manager, watched: it keeps the last chain the peer presented and the
 * exception the trust manager refused it with, so that a failed handshake can still show the
 * chain and name the check that failed. With {@code insecure} it accepts every chain (the tool's
 * {@code --insecure}) and still keeps it.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final boolean insecure;
    private volatile List<X509Certificate> chain = List.of();
    private volatile CertificateException refusal;

    RecordingTrustManager(X509ExtendedTrustManager delegate, boolean insecure) {
        this.delegate = delegate;
        this.insecure = insecure;
    }

    /** The chain of the last full handshake, empty when none arrived. */
    List<X509Certificate> chain() {
        return chain;
    }

    /** Why the trust manager refused the last chain; null when it did not. */
    CertificateException refusal() {
        return refusal;
    }

    boolean insecure() {
        return insecure;
    }

    void reset() {
        chain = List.of();
        refusal = null;
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void check(X509Certificate[] presented, Check check) throws CertificateException {
        chain = presented == null ? List.of() : List.of(presented);
        refusal = null;
        if (insecure) {
            return;
        }
        try {
            check.run();
        } catch (CertificateException e) {
            refusal = e;
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
        check(c, () -> delegate.checkServerTrusted(c, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
        check(c, () -> delegate.checkServerTrusted(c, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] c, String authType) throws CertificateException {
        check(c, () -> delegate.checkServerTrusted(c, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) throws CertificateException {
        check(c, () -> delegate.checkClientTrusted(c, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) throws CertificateException {
        check(c, () -> delegate.checkClientTrusted(c, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] c, String authType) throws CertificateException {
        check(c, () -> delegate.checkClientTrusted(c, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return insecure ? new X509Certificate[0] : delegate.getAcceptedIssuers();
    }
}
