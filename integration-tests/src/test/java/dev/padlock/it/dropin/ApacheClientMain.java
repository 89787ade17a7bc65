package dev.padlock.it.dropin;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.jetty.server.Server;

/**
 * Scenario 3, an unmodified program: Apache HttpClient 5 configured from the system
 * properties (its default TLS strategy, default host name verification) against an embedded
 * Jetty. {@code classic}: blocking, over {@code SSLSocket}; {@code async}: the I/O reactor
 * over {@code SSLEngine}, HTTP version negotiated by ALPN.
 */
public final class ApacheClientMain {
    private static final Timeout CONNECT = Timeout.ofSeconds(10);
    private static final Timeout SOCKET = Timeout.ofSeconds(20);

    private ApacheClientMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        Server jetty = JettyServers.start();
        try {
            String uri = "https://localhost:" + JettyServers.port(jetty) + "/";
            if (args[0].equals("classic")) {
                classic(uri);
            } else {
                async(uri);
            }
        } finally {
            jetty.stop();
        }
    }

    private static void classic(String uri) throws Exception {
        ConnectionConfig timeouts = ConnectionConfig.custom().setConnectTimeout(CONNECT).setSocketTimeout(SOCKET).build();
        try (CloseableHttpClient client = HttpClients.custom()
                .useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .useSystemProperties()
                        .setDefaultConnectionConfig(timeouts)
                        .build())
                .build()) {
            HttpClientContext context = HttpClientContext.create();
            String body = client.execute(new HttpGet(uri), context, response -> {
                Facts.print("client.status", response.getCode());
                Facts.print("client.http.version", response.getVersion());
                return EntityUtils.toString(response.getEntity());
            });
            Facts.printSession("client", context.getSSLSession());
            System.out.print(body);
            Payload.check(client.execute(new HttpGet(uri + Payload.PATH.substring(1)),
                    response -> EntityUtils.toByteArray(response.getEntity())));
        }
    }

    private static void async(String uri) throws Exception {
        ConnectionConfig timeouts = ConnectionConfig.custom().setConnectTimeout(CONNECT).setSocketTimeout(SOCKET).build();
        TlsConfig tls = TlsConfig.custom()
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                .setHandshakeTimeout(CONNECT)
                .build();
        try (CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .useSystemProperties()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .useSystemProperties()
                        .setDefaultConnectionConfig(timeouts)
                        .setDefaultTlsConfig(tls)
                        .build())
                .build()) {
            client.start();
            HttpClientContext context = HttpClientContext.create();
            SimpleHttpResponse response = client.execute(SimpleRequestBuilder.get(uri).build(), context, null)
                    .get(30, TimeUnit.SECONDS);
            Facts.print("client.status", response.getCode());
            Facts.print("client.http.version", response.getVersion());
            Facts.printSession("client", context.getSSLSession());
            System.out.print(response.getBodyText());
            SimpleHttpResponse big = client.execute(SimpleRequestBuilder.get(uri + Payload.PATH.substring(1)).build(),
                    null).get(30, TimeUnit.SECONDS);
            Facts.print("client.big.status", big.getCode());
            Payload.check(big.getBodyBytes());
            if (big.getBodyBytes().length < 1024) {
                // Not the payload: show what came instead (an error page says why).
                Facts.print("client.big.body", big.getBodyText().replace('\n', ' '));
            }
        }
    }
}
