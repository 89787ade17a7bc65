package dev.padlock.it.dropin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.PfxOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An unmodified program: a Vert.x 5 HTTPS server and client in one JVM, both with ALPN and the
 * JDK SSL engine ({@code JdkSSLEngineOptions}), key and trust material from PKCS12 files. The
 * server offers {@code h2} and {@code http/1.1}; the client asks for {@code h2} or, with
 * {@code h1}, offers only {@code http/1.1}. Two requests: the facts page and the payload.
 */
public final class VertxMain {
    private static final long TIMEOUT_SECONDS = 20;

    private VertxMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        HttpVersion version = args[0].equals("h2") ? HttpVersion.HTTP_2 : HttpVersion.HTTP_1_1;
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = await(vertx.createHttpServer(serverOptions()).requestHandler(VertxMain::handle).listen());
            HttpClientAgent client = vertx.createHttpClient(clientOptions(version));
            fetch(client, server.actualPort());
            await(client.close());
            await(server.close());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static HttpServerOptions serverOptions() {
        return new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setSsl(true)
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                .setSslEngineOptions(new JdkSSLEngineOptions())
                .setKeyCertOptions(new PfxOptions()
                        .setPath(System.getProperty("javax.net.ssl.keyStore"))
                        .setPassword(System.getProperty("javax.net.ssl.keyStorePassword")));
    }

    private static HttpClientOptions clientOptions(HttpVersion version) {
        return new HttpClientOptions()
                .setSsl(true)
                .setUseAlpn(true)
                .setProtocolVersion(version)
                .setAlpnVersions(List.of(version))
                .setVerifyHost(true)
                .setSslEngineOptions(new JdkSSLEngineOptions())
                .setTrustOptions(new PfxOptions()
                        .setPath(System.getProperty("javax.net.ssl.trustStore"))
                        .setPassword(System.getProperty("javax.net.ssl.trustStorePassword")));
    }

    private static void handle(HttpServerRequest request) {
        if (request.path().equals(Payload.PATH)) {
            request.response().end(Buffer.buffer(Payload.big()));
            return;
        }
        String body = "server.http.version=" + request.version() + "\n"
                + Facts.describe("server", request.connection().sslSession());
        request.response().end(body);
    }

    private static void fetch(HttpClientAgent client, int port) throws Exception {
        Reply facts = get(client, port, "/");
        Facts.print("client.status", facts.response().statusCode());
        Facts.print("client.http.version", facts.response().version());
        Facts.printSession("client", facts.response().request().connection().sslSession());
        System.out.print(facts.body().toString(StandardCharsets.UTF_8));
        Reply big = get(client, port, Payload.PATH);
        Facts.print("client.big.status", big.response().statusCode());
        Facts.print("client.big.http.version", big.response().version());
        Payload.check(big.body().getBytes());
    }

    private record Reply(HttpClientResponse response, Buffer body) {}

    private static Reply get(HttpClientAgent client, int port, String path) throws Exception {
        return await(client.request(HttpMethod.GET, port, "localhost", path)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response, body))));
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
