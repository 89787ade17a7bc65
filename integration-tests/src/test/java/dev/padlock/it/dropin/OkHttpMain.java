package dev.padlock.it.dropin;

import com.sun.net.httpserver.HttpsServer;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.jetty.server.Server;

/**
 * An unmodified program: an OkHttp 5 client with its defaults (it offers {@code h2} and
 * {@code http/1.1} by ALPN over the platform's {@code SSLSocket}) against one of the servers the
 * other scenarios use: {@code jdk} the JDK's {@code HttpsServer} (no ALPN: HTTP/1.1),
 * {@code jetty} an embedded Jetty 12 and {@code netty} a Netty 4.1 server (both choose h2).
 */
public final class OkHttpMain {
    private OkHttpMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        switch (args[0]) {
            case "jdk" -> {
                HttpsServer server = HttpsServers.start();
                try {
                    fetch(server.getAddress().getPort());
                } finally {
                    server.stop(0);
                }
            }
            case "jetty" -> {
                Server server = JettyServers.start();
                try {
                    fetch(JettyServers.port(server));
                } finally {
                    server.stop();
                }
            }
            case "netty" -> {
                EventLoopGroup group = new NioEventLoopGroup(1);
                try {
                    Channel server = NettyServers.start(group, false);
                    fetch(((InetSocketAddress) server.localAddress()).getPort());
                } finally {
                    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void fetch(int port) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(20))
                .eventListener(new SessionReporter())
                .build();
        try (Response response = client.newCall(request(port, "/")).execute()) {
            Facts.print("client.status", response.code());
            Facts.print("client.http.version", response.protocol());
            Facts.print("client.handshake.tlsVersion", response.handshake().tlsVersion().javaName());
            System.out.print(response.body().string());
        }
        try (Response big = client.newCall(request(port, Payload.PATH)).execute()) {
            Facts.print("client.big.status", big.code());
            Facts.print("client.big.http.version", big.protocol());
            Payload.check(big.body().bytes());
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static Request request(int port, String path) {
        return new Request.Builder().url("https://localhost:" + port + path).build();
    }

    /** OkHttp reports the TLS version and suite; the socket under the connection shows whose session it is. */
    private static final class SessionReporter extends EventListener {
        private boolean reported;

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            if (reported) {
                return;
            }
            reported = true;
            SSLSocket socket = (SSLSocket) connection.socket();
            Facts.print("client.socket.class", socket.getClass().getName());
            Facts.print("client.alpn", socket.getApplicationProtocol());
            Facts.printSession("client", socket.getSession());
        }
    }
}
