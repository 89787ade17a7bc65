package dev.padlock.it.dropin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames;
import io.netty.handler.codec.http2.HttpToHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.InboundHttp2ToHttpAdapterBuilder;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Child-JVM side: a Netty 4.1 HTTPS server the way Netty's examples build one:
 * {@code SslContextBuilder.forServer} with {@code SslProvider.JDK} (so Netty asks the JDK for
 * {@code SSLContext.getInstance("TLS")}), ALPN offering {@code h2} and {@code http/1.1}, then
 * {@code HttpServerCodec} or {@code HttpToHttp2ConnectionHandler} by what ALPN chose. A
 * response body is the server's view of the connection as facts, or {@link Payload#big()}.
 */
final class NettyServers {
    static final int READ_TIMEOUT_SECONDS = 20;
    static final int MAX_CONTENT = 8 << 20;

    /** How the server's one connection ended: its SslCloseCompletionEvent, or "none". */
    static final CompletableFuture<String> CLOSE = new CompletableFuture<>();

    private NettyServers() {}

    /** {@code clientAuth}: the server requires a client certificate, trusted by the default trust store. */
    static Channel start(EventLoopGroup group, boolean clientAuth) throws Exception {
        SslContext tls = SslContextBuilder.forServer(keyManagers())
                .sslProvider(SslProvider.JDK)
                .clientAuth(clientAuth ? ClientAuth.REQUIRE : ClientAuth.NONE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                        SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                .build();
        Facts.print("server.netty.context.provider", NettyMain.providerOf(tls));
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS),
                                tls.newHandler(ch.alloc()), new CloseWatcher(), new Negotiated());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    /** Key material from {@code javax.net.ssl.keyStore}, as a Netty program loads a key store file. */
    static KeyManagerFactory keyManagers() throws Exception {
        char[] password = System.getProperty("javax.net.ssl.keyStorePassword").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("javax.net.ssl.keyStore")))) {
            store.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }

    /** The engine chain Netty holds, outermost first; its ALPN support wraps the JDK's engine. */
    static String engineChain(SslHandler handler) {
        StringBuilder chain = new StringBuilder();
        SSLEngine engine = handler.engine();
        while (engine != null) {
            chain.append(chain.length() == 0 ? "" : ">").append(engine.getClass().getName());
            engine = wrapped(engine);
        }
        return chain.toString();
    }

    private static SSLEngine wrapped(SSLEngine engine) {
        try {
            Method method = engine.getClass().getMethod("getWrappedEngine");
            method.setAccessible(true); // declared public on a package-private Netty class
            return (SSLEngine) method.invoke(engine);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Netty's ApplicationProtocolNegotiationHandler does in its examples: one pipeline per protocol. */
    private static final class Negotiated extends ApplicationProtocolNegotiationHandler {
        Negotiated() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (protocol.equals(ApplicationProtocolNames.HTTP_2)) {
                Http2Connection connection = new DefaultHttp2Connection(true);
                pipeline.addLast(new HttpToHttp2ConnectionHandlerBuilder()
                        .connection(connection)
                        .frameListener(new InboundHttp2ToHttpAdapterBuilder(connection)
                                .maxContentLength(MAX_CONTENT).propagateSettings(false).build())
                        .build());
            } else {
                pipeline.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_CONTENT));
            }
            pipeline.addLast(new Responder(protocol));
        }
    }

    private static final class Responder extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final String protocol;

        Responder(String protocol) {
            this.protocol = protocol;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            byte[] body = request.uri().equals(Payload.PATH) ? Payload.big()
                    : facts(ctx).getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
            // HTTP/2: the adapter names the request's stream; the response goes back on it.
            String stream = request.headers().get(ExtensionHeaderNames.STREAM_ID.text());
            if (stream != null) {
                response.headers().set(ExtensionHeaderNames.STREAM_ID.text(), stream);
            }
            ctx.writeAndFlush(response);
        }

        private String facts(ChannelHandlerContext ctx) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            return "server.http.version=" + protocol + "\n"
                    + "server.alpn=" + ssl.applicationProtocol() + "\n"
                    + "server.engine.chain=" + engineChain(ssl) + "\n"
                    + "server.client.principal=" + peer(ssl.engine().getSession()) + "\n"
                    + Facts.describe("server", ssl.engine().getSession());
        }

        private static String peer(SSLSession session) {
            try {
                return session.getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                return "none";
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            System.err.println("netty server: " + cause);
            cause.printStackTrace();
            ctx.close();
        }
    }

    /** Records whether the client's close_notify reached the server before the connection ended. */
    private static final class CloseWatcher extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslCloseCompletionEvent close) {
                CLOSE.complete(close.isSuccess() ? "close_notify" : "failed: " + close.cause());
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CLOSE.complete("none");
            ctx.fireChannelInactive();
        }
    }
}
