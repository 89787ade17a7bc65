package dev.padlock.it.dropin;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An unmodified program: Jetty 12's {@code HttpClient} over HTTP/2 (which Jetty negotiates by
 * ALPN over TLS) against an embedded Jetty 12 server, as Jetty documents both. Jetty's
 * {@code SslContextFactory} asks the JDK for {@code SSLContext.getInstance("TLS")}; on a
 * non-JDK engine Jetty needs an ALPN processor from its service loader at both ends.
 */
public final class JettyClientMain {
    private JettyClientMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        Server server = JettyServers.start();
        // No trust store given: the JDK's default trust (javax.net.ssl.trustStore); host names verified.
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(new SslContextFactory.Client());
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
        client.start();
        try {
            int port = JettyServers.port(server);
            ContentResponse facts = get(client, port, "/");
            Facts.print("client.status", facts.getStatus());
            Facts.print("client.http.version", facts.getVersion());
            EndPoint.SslSessionData tls = facts.getRequest().getConnection().getSslSessionData();
            Facts.print("client.sslSessionData", tls != null);
            if (tls != null) {
                Facts.printSession("client", tls.sslSession());
            }
            System.out.print(facts.getContentAsString());
            ContentResponse big = get(client, port, Payload.PATH);
            Facts.print("client.big.status", big.getStatus());
            Facts.print("client.big.http.version", big.getVersion());
            Payload.check(big.getContent());
        } finally {
            client.stop();
            server.stop();
        }
    }

    private static ContentResponse get(HttpClient client, int port, String path) throws Exception {
        // send() buffers at most 2 MiB; the payload is 4 MiB.
        Request request = client.newRequest("https://localhost:" + port + path).timeout(20, TimeUnit.SECONDS);
        return new CompletableResponseListener(request, 2 * Payload.SIZE).send().get(20, TimeUnit.SECONDS);
    }
}
