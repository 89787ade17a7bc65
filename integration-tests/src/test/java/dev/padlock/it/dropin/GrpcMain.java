package dev.padlock.it.dropin;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.grpc.netty.shaded.io.netty.handler.ssl.ApplicationProtocolConfig;
import io.grpc.netty.shaded.io.netty.handler.ssl.JdkSslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslProvider;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSession;

/**
 * An unmodified program: gRPC-java over TLS with grpc-netty-shaded, a server and a channel in
 * one JVM, the service defined by hand ({@link GrpcService}: no generated code). A unary call
 * returns the server's view of its TLS session; a server-streaming call sends the 4 MiB payload
 * in 64 messages. grpc-netty-shaded carries its own netty-tcnative, so its default TLS is
 * OpenSSL's, and {@code GrpcSslContexts} names the JDK provider it takes (SunJSSE, ...); the
 * program gives gRPC a Netty {@code SslContext} of its own instead, {@code SslProvider.JDK} with
 * ALPN {@code h2} (what {@code NettyServerBuilder.sslContext} requires), so its TLS comes from
 * the JDK's provider list, like any JDK program's.
 */
public final class GrpcMain {
    private static final Context.Key<SSLSession> SERVER_SESSION = Context.key("tls-session");

    private GrpcMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        Facts.print("grpc.openssl.available", OpenSsl.isAvailable());
        // What gRPC's own helper would pick: it looks JDK providers up by name, and takes only
        // SunJSSE, IBMJSSE2, OpenJSSE, BCJSSE or Conscrypt.
        Facts.print("grpc.sslcontexts.jdk.provider", providerOf(GrpcSslContexts.configure(
                GrpcSslContexts.forClient(), SslProvider.JDK).build()));
        SslContext serverTls = http2(SslContextBuilder.forServer(NettyServers.keyManagers())).build();
        Facts.print("server.netty.context.provider", providerOf(serverTls));
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(serverTls)
                .addService(ServerInterceptors.intercept(service(), new SessionInterceptor()))
                .build()
                .start();
        ManagedChannel channel = null;
        try {
            int port = ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
            // No trust manager given: the JDK's default trust (javax.net.ssl.trustStore).
            SslContext clientTls = http2(SslContextBuilder.forClient()).endpointIdentificationAlgorithm("HTTPS").build();
            Facts.print("client.netty.context.provider", providerOf(clientTls));
            channel = NettyChannelBuilder.forAddress("localhost", port).sslContext(clientTls).build();
            call(channel);
        } finally {
            if (channel != null) {
                channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
            server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void call(ManagedChannel channel) {
        SessionCapture capture = new SessionCapture();
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(20, TimeUnit.SECONDS);
        String facts = ClientCalls.blockingUnaryCall(
                ClientInterceptors.intercept(channel, capture), GrpcService.FACTS, options, "facts");
        Facts.print("client.unary.status", "OK");
        Facts.printSession("client", capture.session());
        System.out.print(facts);
        Iterator<byte[]> chunks = ClientCalls.blockingServerStreamingCall(channel, GrpcService.PAYLOAD, options, "big");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int messages = 0;
        while (chunks.hasNext()) {
            received.writeBytes(chunks.next());
            messages++;
        }
        Facts.print("client.stream.messages", messages);
        Payload.check(received.toByteArray());
    }

    private static ServerServiceDefinition service() {
        return ServerServiceDefinition.builder(GrpcService.NAME)
                .addMethod(GrpcService.FACTS, ServerCalls.asyncUnaryCall((request, response) -> {
                    SSLSession session = SERVER_SESSION.get();
                    response.onNext(session == null ? "server.tls=none\n" : Facts.describe("server", session));
                    response.onCompleted();
                }))
                .addMethod(GrpcService.PAYLOAD, ServerCalls.asyncServerStreamingCall((request, response) -> {
                    byte[] big = Payload.big();
                    int chunk = big.length / GrpcService.PAYLOAD_MESSAGES;
                    for (int at = 0; at < big.length; at += chunk) {
                        response.onNext(Arrays.copyOfRange(big, at, Math.min(big.length, at + chunk)));
                    }
                    response.onCompleted();
                }))
                .build();
    }

    /** Hands the call's TLS session (a transport attribute gRPC documents) to the handler. */
    private static final class SessionInterceptor implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            Context context = Context.current().withValue(SERVER_SESSION,
                    call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
            return Contexts.interceptCall(context, call, headers, next);
        }
    }

    /** Netty's JDK TLS with the ALPN gRPC requires: offer or select h2, nothing else. */
    private static SslContextBuilder http2(SslContextBuilder builder) {
        return builder.sslProvider(SslProvider.JDK).applicationProtocolConfig(new ApplicationProtocolConfig(
                Protocol.ALPN, SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT, "h2"));
    }

    private static String providerOf(SslContext context) {
        return ((JdkSslContext) context).context().getProvider().getName();
    }

    /** Keeps the TLS session of the call it intercepts, read when the response headers arrive. */
    private static final class SessionCapture implements ClientInterceptor {
        private final AtomicReference<SSLSession> session = new AtomicReference<>();

        SSLSession session() {
            SSLSession s = session.get();
            if (s == null) {
                throw new IllegalStateException("the call carried no TLS session attribute");
            }
            return s;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new SimpleForwardingClientCall<Q, R>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    ClientCall<Q, R> call = this;
                    super.start(new SimpleForwardingClientCallListener<R>(listener) {
                        @Override
                        public void onHeaders(Metadata responseHeaders) {
                            session.set(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
                            super.onHeaders(responseHeaders);
                        }
                    }, headers);
                }
            };
        }
    }
}
