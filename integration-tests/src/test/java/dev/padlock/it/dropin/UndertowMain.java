package dev.padlock.it.dropin;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.protocol.http.AlpnOpenListener;
import io.undertow.util.Headers;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * An unmodified program: Undertow 2.3 with HTTP/2 enabled ({@code UndertowOptions.ENABLE_HTTP2})
 * and an HTTPS listener from an {@code SSLContext} built the usual way from a PKCS12 key store;
 * the client is {@code java.net.http.HttpClient}. {@code h1} or {@code h2} picks its version.
 */
public final class UndertowMain {
    private UndertowMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        HttpClient.Version version = args[0].equals("h2") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        SSLContext tls = serverContext();
        Facts.print("server.context.provider", tls.getProvider().getName());
        SSLEngine probe = tls.createSSLEngine();
        // Undertow offers h2 only on engines that pass this test (RFC 7540 §9.2.2's TLS 1.2 suite enabled).
        Facts.print("server.engine.http2Capable", AlpnOpenListener.engineSupportsHTTP2(probe));
        Facts.print("server.engine.suites", String.join(",", probe.getEnabledCipherSuites()));
        Undertow server = Undertow.builder()
                .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
                .addHttpsListener(0, "127.0.0.1", tls)
                .setHandler(UndertowMain::handle)
                .build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            JdkClients.fetch(port, version);
        } finally {
            server.stop();
        }
    }

    private static SSLContext serverContext() throws Exception {
        char[] password = System.getProperty("javax.net.ssl.keyStorePassword").toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("javax.net.ssl.keyStore")))) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** The facts page (the server's view of the request and TLS session), or the payload. */
    private static void handle(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
        if (exchange.getRequestPath().equals(Payload.PATH)) {
            exchange.getResponseSender().send(ByteBuffer.wrap(Payload.big()));
            return;
        }
        SSLSessionInfo tls = exchange.getConnection().getSslSessionInfo();
        String body = "server.http.version=" + exchange.getProtocol() + "\n"
                + (tls == null ? "server.tls=none\n" : Facts.describe("server", tls.getSSLSession()));
        exchange.getResponseSender().send(body);
    }
}
