package dev.padlock.jetty.alpn;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.alpn.client.ALPNClientConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * Jetty's client-side ALPN for any {@code SSLEngine} that implements the standard JDK 9 ALPN
 * API, for the same reason as {@link StandardServerAlpnProcessor}: Jetty's
 * {@code JDK9ClientALPNProcessor} takes only engines in {@code java.base}. Found through
 * {@code META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor$Client}.
 */
public final class StandardClientAlpnProcessor implements ALPNProcessor.Client {
    @Override
    public boolean appliesTo(SSLEngine engine) {
        return !JdkEngines.isJdkOwn(engine);
    }

    @Override
    public void configure(SSLEngine engine, Connection connection) {
        ALPNClientConnection alpn = (ALPNClientConnection) connection;
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setApplicationProtocols(alpn.getProtocols().toArray(String[]::new));
        engine.setSSLParameters(parameters);
        SslConnection ssl = ((SslConnection.SslEndPoint) alpn.getEndPoint()).getSslConnection();
        ssl.addHandshakeListener(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                // The standard API reports "no ALPN" as the empty string; Jetty expects null for it.
                String protocol = alpn.getSSLEngine().getApplicationProtocol();
                alpn.selected(protocol == null || protocol.isEmpty() ? null : protocol);
            }
        });
    }

    @Override
    public String toString() {
        return "StandardClientAlpnProcessor";
    }
}
