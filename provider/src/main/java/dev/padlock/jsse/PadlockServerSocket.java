package dev.padlock.jsse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;

/**
 * A listening socket whose accepted connections are server-mode {@link PadlockSocket}s that
 * start with a copy of this socket's parameters.
 */
final class PadlockServerSocket extends SSLServerSocket {
    private final PadlockContextSpi context;
    private final ParametersState parameters;

    PadlockServerSocket(PadlockContextSpi context) throws IOException {
        super();
        this.context = context;
        this.parameters = new ParametersState(context.defaults(), false);
    }

    PadlockServerSocket(PadlockContextSpi context, int port, int backlog, InetAddress bindAddress)
            throws IOException {
        super(port, backlog, bindAddress);
        this.context = context;
        this.parameters = new ParametersState(context.defaults(), false);
    }

    @Override
    public Socket accept() throws IOException {
        if (isClosed()) {
            throw new SocketException("Socket is closed");
        }
        Socket raw = new Socket();
        implAccept(raw);
        ParametersState copy = new ParametersState(context.defaults(), parameters.clientMode());
        copy.sslParameters(parameters.sslParameters());
        copy.clientMode(parameters.clientMode());
        copy.enableSessionCreation(parameters.enableSessionCreation());
        return new PadlockSocket(context, copy, raw, null, true, null);
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.enabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        parameters.enabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ParametersState.supportedCipherSuites();
    }

    @Override
    public String[] getSupportedProtocols() {
        return ParametersState.supportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.enabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        parameters.enabledProtocols(protocols);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        parameters.needClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return parameters.needClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        parameters.wantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return parameters.wantClientAuth();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        parameters.clientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return parameters.clientMode();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        parameters.enableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return parameters.enableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return parameters.sslParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        parameters.sslParameters(params);
    }

    @Override
    public String toString() {
        return "PadlockServerSocket[" + getLocalSocketAddress() + "]";
    }
}
