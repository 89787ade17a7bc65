package dev.padlock.jsse;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Adapts plain {@code X509KeyManager}s and {@code X509TrustManager}s (written before JDK 7,
 * or by hand) to the extended interfaces the bridges call.
 *
 * <p>Endpoint identification with a plain trust manager: SunJSSE wraps it too, calls the plain
 * method and then, when the engine's or socket's endpoint identification algorithm is set,
 * checks the end-entity certificate against the requested SNI host name (falling back to the
 * peer host) with its internal {@code HostnameChecker}, and checks the chain against the
 * algorithm constraints. Padlock does the same host name check with {@link EndpointIdentity}
 * (RFC 2818/6125 rules); it does not repeat the algorithm-constraint check, whose checker is
 * JDK-internal, so a plain trust manager must judge algorithms itself.
 */
final class ExtendedManagers {
    private ExtendedManagers() {}

    static X509ExtendedKeyManager extend(X509KeyManager km) {
        return km instanceof X509ExtendedKeyManager x ? x : new PlainKeyManager(km);
    }

    static X509ExtendedTrustManager extend(X509TrustManager tm) {
        return tm instanceof X509ExtendedTrustManager x ? x : new PlainTrustManager(tm);
    }

    /** For a context given trust managers none of which is an X509TrustManager, as SunJSSE. */
    static X509ExtendedTrustManager trustingNothing() {
        return new PlainTrustManager(new NoTrust());
    }

    private static final class NoTrust implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("No X509TrustManager was given to the SSLContext");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("No X509TrustManager was given to the SSLContext");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The engine variants call the plain methods with no socket, as SunJSSE's wrapper does. */
    private static final class PlainKeyManager extends X509ExtendedKeyManager {
        private final X509KeyManager km;

        PlainKeyManager(X509KeyManager km) {
            this.km = km;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return km.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return km.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return km.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return km.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return km.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return km.getPrivateKey(alias);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return km.chooseClientAlias(keyType, issuers, null);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return km.chooseServerAlias(keyType, issuers, null);
        }
    }

    private static final class PlainTrustManager extends X509ExtendedTrustManager {
        private final X509TrustManager tm;

        PlainTrustManager(X509TrustManager tm) {
            this.tm = tm;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            tm.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            tm.checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return tm.getAcceptedIssuers();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            tm.checkClientTrusted(chain, authType);
            identify(chain, socketSession(socket), socketAlgorithm(socket), true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            tm.checkServerTrusted(chain, authType);
            identify(chain, socketSession(socket), socketAlgorithm(socket), false);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            tm.checkClientTrusted(chain, authType);
            identify(chain, engine == null ? null : engine.getHandshakeSession(), engineAlgorithm(engine), true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            tm.checkServerTrusted(chain, authType);
            identify(chain, engine == null ? null : engine.getHandshakeSession(), engineAlgorithm(engine), false);
        }

        private static SSLSession socketSession(Socket socket) {
            return socket instanceof SSLSocket s && s.isConnected() ? s.getHandshakeSession() : null;
        }

        private static String socketAlgorithm(Socket socket) {
            return socket instanceof SSLSocket s ? s.getSSLParameters().getEndpointIdentificationAlgorithm() : null;
        }

        private static String engineAlgorithm(SSLEngine engine) {
            return engine == null ? null : engine.getSSLParameters().getEndpointIdentificationAlgorithm();
        }

        /** SunJSSE's order: the SNI host name the client asked for first, then the peer host. */
        private static void identify(X509Certificate[] chain, SSLSession session, String algorithm, boolean client)
                throws CertificateException {
            if (algorithm == null || algorithm.isEmpty()) {
                return;
            }
            if (session == null) {
                throw new CertificateException("No handshake session");
            }
            String sni = client ? null : sniHostName(session);
            if (sni != null) {
                try {
                    EndpointIdentity.check(sni, chain[0], algorithm);
                    return;
                } catch (CertificateException e) {
                    if (sni.equalsIgnoreCase(session.getPeerHost())) {
                        throw e;
                    }
                    // otherwise fall over to the peer host, as SunJSSE does
                }
            }
            EndpointIdentity.check(session.getPeerHost(), chain[0], algorithm);
        }

        private static String sniHostName(SSLSession session) {
            if (session instanceof ExtendedSSLSession x) {
                List<SNIServerName> names = x.getRequestedServerNames();
                for (SNIServerName name : names) {
                    if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName h) {
                        return h.getAsciiName();
                    }
                }
            }
            return null;
        }
    }
}
