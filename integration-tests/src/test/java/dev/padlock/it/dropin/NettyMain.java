package dev.padlock.it.dropin;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
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
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4, an unmodified program: Netty 4.1 with {@code SslProvider.JDK} at both ends, a
 * {@link NettyServers} server and a Netty client in one JVM. {@code h1}: the client offers no
 * ALPN and speaks HTTP/1.1 ({@code HttpClientCodec}); {@code h2}: it offers {@code h2} and
 * {@code http/1.1} and speaks HTTP/2 through {@code HttpToHttp2ConnectionHandler}; a second
 * argument {@code mtls} makes the server require a client certificate. Two
 * requests on one connection (the server's facts, then the 4 MiB payload), then a close.
 */
public final class NettyMain {
    private static final int TIMEOUT_SECONDS = 20;

    private NettyMain() {}

    /** A response as the client got it; {@code failure} when the pipeline failed instead. */
    private record Reply(int status, byte[] body, Throwable failure) {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        boolean h2 = args[0].equals("h2");
        boolean mtls = args.length > 1 && args[1].equals("mtls");
        EventLoopGroup serverGroup = new NioEventLoopGroup(1);
        EventLoopGroup clientGroup = new NioEventLoopGroup(1);
        try {
            Channel server = NettyServers.start(serverGroup, mtls);
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            run(clientGroup, port, h2, mtls);
        } finally {
            clientGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            serverGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    private static void run(EventLoopGroup group, int port, boolean h2, boolean mtls) throws Exception {
        SslContext tls = clientContext(h2, mtls);
        Facts.print("client.netty.context.provider", providerOf(tls));
        BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_SECONDS * 1000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // The peer host names the server for SNI and for host name verification.
                        ch.pipeline().addLast(new ReadTimeoutHandler(TIMEOUT_SECONDS),
                                tls.newHandler(ch.alloc(), "localhost", port),
                                new Negotiated(replies, ready));
                    }
                })
                .connect("127.0.0.1", port)
                .sync()
                .channel();
        String protocol = ready.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        Facts.print("client.http.version", protocol);
        Facts.print("client.alpn", ssl.applicationProtocol());
        Facts.print("client.engine.chain", NettyServers.engineChain(ssl));
        Facts.printSession("client", ssl.engine().getSession());

        Reply first = exchange(channel, replies, port, "/");
        Facts.print("client.status", first.status());
        System.out.print(new String(first.body(), StandardCharsets.UTF_8));
        Reply big = exchange(channel, replies, port, Payload.PATH);
        Facts.print("client.big.status", big.status());
        Payload.check(big.body());

        // Netty's close: close_notify, then the socket; the server says whether it saw the alert.
        channel.close().await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Facts.print("server.close", NettyServers.CLOSE.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    private static SslContext clientContext(boolean h2, boolean mtls) throws Exception {
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .endpointIdentificationAlgorithm("HTTPS");
        if (mtls) {
            // The client presents the server's own key store: its certificate is in the trust store.
            builder.keyManager(NettyServers.keyManagers());
        }
        if (h2) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                    SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        // No trust manager given: Netty's JDK context then uses the JDK's default trust (javax.net.ssl.trustStore).
        return builder.build();
    }

    /** The provider of the SSLContext Netty's JDK context made for itself. */
    static String providerOf(SslContext context) {
        return ((JdkSslContext) context).context().getProvider().getName();
    }

    private static Reply exchange(Channel channel, BlockingQueue<Reply> replies, int port, String path)
            throws Exception {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        request.headers().set(HttpHeaderNames.HOST, "localhost:" + port);
        // Read by the HTTP/2 conversion for :scheme, ignored by HTTP/1.1.
        request.headers().set(ExtensionHeaderNames.SCHEME.text(), "https");
        channel.writeAndFlush(request).sync();
        Reply reply = replies.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (reply == null) {
            throw new IllegalStateException("no response to " + path + " in " + TIMEOUT_SECONDS + " s");
        }
        if (reply.failure() != null) {
            throw new IllegalStateException("the client pipeline failed", reply.failure());
        }
        return reply;
    }

    private static final class Negotiated extends ApplicationProtocolNegotiationHandler {
        private final BlockingQueue<Reply> replies;
        private final CompletableFuture<String> ready;

        Negotiated(BlockingQueue<Reply> replies, CompletableFuture<String> ready) {
            super(ApplicationProtocolNames.HTTP_1_1);
            this.replies = replies;
            this.ready = ready;
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (protocol.equals(ApplicationProtocolNames.HTTP_2)) {
                Http2Connection connection = new DefaultHttp2Connection(false);
                pipeline.addLast(new HttpToHttp2ConnectionHandlerBuilder()
                        .connection(connection)
                        .frameListener(new InboundHttp2ToHttpAdapterBuilder(connection)
                                .maxContentLength(NettyServers.MAX_CONTENT).propagateSettings(false).build())
                        .build());
            } else {
                pipeline.addLast(new HttpClientCodec(), new HttpObjectAggregator(NettyServers.MAX_CONTENT));
            }
            pipeline.addLast(new Collector(replies));
            ready.complete(protocol);
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) throws Exception {
            ready.completeExceptionally(cause);
            super.handshakeFailure(ctx, cause);
        }
    }

    private static final class Collector extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final BlockingQueue<Reply> replies;

        Collector(BlockingQueue<Reply> replies) {
            this.replies = replies;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            replies.add(new Reply(response.status().code(), ByteBufUtil.getBytes(response.content()), null));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            replies.add(new Reply(0, new byte[0], cause));
            ctx.close();
        }
    }
}
