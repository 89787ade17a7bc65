package dev.padlock.jsse;

import dev.padlock.handshake.PeerTrust;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * {@link PeerTrust} over a JSSE trust manager, bound to the engine or socket so that the
 * trust manager can read the handshake session and {@code SSLParameters} (endpoint
 * identification, algorithm constraints) as it does under SunJSSE. A rejection propagates
 * as the trust manager's own {@code CertificateException}, so the engine can make it the
 * cause of its {@code SSLHandshakeException}.
 */
final class TrustManagerBridge implements PeerTrust {
    private final X509ExtendedTrustManager trustManager;
    private final SSLEngine engine;
    private final Socket socket;
    private final boolean engineBound;

    private TrustManagerBridge(X509ExtendedTrustManager trustManager, SSLEngine engine, Socket socket,
            boolean engineBound) {
        this.trustManager = trustManager;
        this.engine = engine;
        this.socket = socket;
        this.engineBound = engineBound;
    }

    static TrustManagerBridge forEngine(X509ExtendedTrustManager trustManager, SSLEngine engine) {
        return new TrustManagerBridge(trustManager, engine, null, true);
    }

    static TrustManagerBridge forSocket(X509ExtendedTrustManager trustManager, Socket socket) {
        return new TrustManagerBridge(trustManager, null, socket, false);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        String type = authType != null ? authType : SERVER_AUTH_TYPE;
        if (engineBound) {
            trustManager.checkServerTrusted(chain.clone(), type, engine);
        } else {
            trustManager.checkServerTrusted(chain.clone(), type, socket);
        }
    }

    /** A null {@code authType} is replaced by {@link #clientAuthType}, SunJSSE's choice. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        String type = authType != null ? authType : clientAuthType(chain[0]);
        if (engineBound) {
            trustManager.checkClientTrusted(chain.clone(), type, engine);
        } else {
            trustManager.checkClientTrusted(chain.clone(), type, socket);
        }
    }

    /** As SunJSSE: the subject of each certificate the trust manager returns, asked again per handshake. */
    @Override
    public List<X500Principal> acceptedIssuers() {
        X509Certificate[] issuers = trustManager.getAcceptedIssuers();
        if (issuers == null) {
            return List.of();
        }
        List<X500Principal> subjects = new ArrayList<>(issuers.length);
        for (X509Certificate issuer : issuers) {
            subjects.add(issuer.getSubjectX500Principal());
        }
        return subjects;
    }

    /** SunJSSE's TLS 1.3 client auth type: the key algorithm for RSA, DSA, EC, RSASSA-PSS; else UNKNOWN. */
    static String clientAuthType(X509Certificate endEntity) {
        String algorithm = endEntity.getPublicKey().getAlgorithm();
        return switch (algorithm) {
            case "RSA", "DSA", "EC", "RSASSA-PSS" -> algorithm;
            default -> "UNKNOWN";
        };
    }
}
