package dev.padlock.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/** Listening sockets for one Padlock context. */
final class PadlockServerSocketFactory extends SSLServerSocketFactory {
    private final PadlockContextSpi context;

    PadlockServerSocketFactory(PadlockContextSpi context) {
        this.context = context;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new PadlockServerSocket(context);
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return new PadlockServerSocket(context, port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return new PadlockServerSocket(context, port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress ifAddress) throws IOException {
        return new PadlockServerSocket(context, port, backlog, ifAddress);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return new ParametersState(context.defaults(), false).enabledCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ParametersState.supportedCipherSuites();
    }
}
