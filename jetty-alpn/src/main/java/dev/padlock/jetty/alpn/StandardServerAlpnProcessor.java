package dev.padlock.jetty.alpn;

import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * Jetty's server-side ALPN for any {@code SSLEngine} that implements the standard JDK 9 ALPN
 * API. Jetty's own {@code JDK9ServerALPNProcessor} applies only to engines whose class lives in
 * the {@code java.base} module, so it refuses every third-party JSSE provider's engine ("No ALPN
 * Processor for ..."); this one takes those and leaves the JDK's engines to Jetty's. Jetty finds
 * it through {@code META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor$Server}, its
 * documented extension point, so the server code stays exactly as Jetty documents it.
 */
public final class StandardServerAlpnProcessor implements ALPNProcessor.Server {
    @Override
    public boolean appliesTo(SSLEngine engine) {
        return !JdkEngines.isJdkOwn(engine);
    }

    @Override
    public void configure(SSLEngine engine, Connection connection) {
        ALPNServerConnection alpn = (ALPNServerConnection) connection;
        // The selector runs inside the handshake, when the ClientHello's protocols are known;
        // null (no common protocol) makes the engine fail with no_application_protocol (RFC 7301 §3.2).
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            alpn.select(offered);
            return alpn.getProtocol();
        });
        // A client that offered no ALPN never reaches the selector: Jetty then takes its default protocol.
        SslConnection ssl = ((SslConnection.SslEndPoint) alpn.getEndPoint()).getSslConnection();
        ssl.addHandshakeListener(new SslHandshakeListener() {
            @Override
            public void handshakeSucceeded(Event event) {
                if (alpn.getProtocol() == null) {
                    alpn.unsupported();
                }
            }
        });
    }

    @Override
    public String toString() {
        return "StandardServerAlpnProcessor";
    }
}
