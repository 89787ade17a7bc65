package dev.padlock.it.dropin;

import org.eclipse.jetty.alpn.server.ALPNServerConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.ALPNProcessor;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import javax.net.ssl.SSLEngine;

/**
 * Jetty's server-side ALPN for any {@code SSLEngine} that implements the standard JDK 9 ALPN
 * API. Jetty's own {@code JDK9ServerALPNProcessor} applies only to engines whose class lives
 * in the {@code java.base} module, so it refuses every third-party JSSE provider's engine
 * ("No ALPN Processor for ..."); this one takes those. Jetty finds it through
 * {@code META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor$Server}, its documented
 * extension point, so the server code stays exactly as Jetty documents it. It never names
 * Padlock.
 */
public final class StandardApiAlpnProcessor implements ALPNProcessor.Server {
    @Override
    public boolean appliesTo(SSLEngine engine) {
        Module module = engine.getClass().getModule();
        return !(module.isNamed() && module.getName().equals("java.base"));
    }

    @Override
    public void configure(SSLEngine engine, Connection connection) {
        ALPNServerConnection alpn = (ALPNServerConnection) connection;
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            alpn.select(offered);
            return alpn.getProtocol();
        });
        // A client that offered no ALPN: Jetty falls back to its default protocol.
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
}
