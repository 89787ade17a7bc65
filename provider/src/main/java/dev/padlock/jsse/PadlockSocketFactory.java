package dev.padlock.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/** Client sockets (and server-side layering) for one Padlock context. */
final class PadlockSocketFactory extends SSLSocketFactory {
    private final PadlockContextSpi context;

    PadlockSocketFactory(PadlockContextSpi context) {
        this.context = context;
    }

    private PadlockSocket client(Socket raw, String host, boolean autoClose) {
        return new PadlockSocket(context, new ParametersState(context.defaults(), true), raw, host, autoClose, null);
    }

    @Override
    public Socket createSocket() {
        return client(new Socket(), null, true);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return client(new Socket(host, port), host, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return client(new Socket(host, port, localHost, localPort), host, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress(host, port));
        return client(raw, host.getHostName(), true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return client(new Socket(address, port, localAddress, localPort), address.getHostName(), true);
    }

    /** Layers TLS over an already connected socket (client mode), e.g. after an HTTP CONNECT. */
    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        if (!s.isConnected()) {
            throw new IOException("the underlying socket is not connected");
        }
        return client(s, host, autoClose);
    }

    /**
     * Layers a server-mode TLS socket over {@code s}, replaying {@code consumed} (bytes the
     * application already read, such as a peeked ClientHello) before the socket's own input.
     */
    @Override
    public Socket createSocket(Socket s, InputStream consumed, boolean autoClose) throws IOException {
        if (!s.isConnected()) {
            throw new IOException("the underlying socket is not connected");
        }
        return new PadlockSocket(context, new ParametersState(context.defaults(), false), s, null, autoClose,
                consumed);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return new ParametersState(context.defaults(), true).enabledCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ParametersState.supportedCipherSuites();
    }
}
