package dev.padlock.it.dropin;

import java.nio.ByteBuffer;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Child-JVM side: an embedded Jetty 12 configured the way its documentation shows for HTTP/2
 * over TLS: {@code SslContextFactory.Server} from a key store file, ALPN offering {@code h2}
 * and {@code http/1.1}. Jetty asks the JDK for {@code SSLContext.getInstance("TLS")} itself.
 * A response body is the server's view of the request and TLS session as facts, or
 * {@link Payload#big()} for its path.
 */
final class JettyServers {
    private JettyServers() {}

    static Server start() throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(http);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(h1.getProtocol());

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(System.getProperty("javax.net.ssl.keyStore"));
        tls.setKeyStorePassword(System.getProperty("javax.net.ssl.keyStorePassword"));
        SslConnectionFactory ssl = new SslConnectionFactory(tls, alpn.getProtocol());

        ServerConnector connector = new ServerConnector(server, ssl, alpn, h2, h1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        connector.setIdleTimeout(30_000);
        // Jetty logs through SLF4J, which the child has no binding for: report failed handshakes here.
        connector.addBean(new SslHandshakeListener() {
            @Override
            public void handshakeFailed(Event event, Throwable failure) {
                System.err.println("jetty: handshake failed");
                failure.printStackTrace();
            }
        });
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (Request.getPathInContext(request).equals(Payload.PATH)) {
                    response.write(true, ByteBuffer.wrap(Payload.big()), callback);
                    return true;
                }
                EndPoint.SslSessionData tlsData =
                        (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
                String body = "server.http.version=" + request.getConnectionMetaData().getHttpVersion() + "\n"
                        + (tlsData == null ? "server.tls=none\n" : Facts.describe("server", tlsData.sslSession()));
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                Content.Sink.write(response, true, body, callback);
                return true;
            }
        });
        server.start();
        return server;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
