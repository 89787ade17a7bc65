package dev.padlock.jsse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * {@link SSLSocket} as a blocking loop over the same core as the engine (no second record
 * layer). It always sits on a plain {@link Socket}: one it connected itself, or one the
 * application handed to {@code createSocket(Socket, ...)} ("layered"); the TCP-level methods
 * go to that socket.
 */
final class PadlockSocket extends SSLSocket {
    private final PadlockContextSpi context;
    private final ParametersState parameters;
    private final Socket raw;
    private final boolean autoClose;
    private final InputStream consumed;
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private String peerHost;
    private BiFunction<SSLSocket, List<String>, String> alpnSelector;

    /** Published last by {@link #connection()}, after the session fields it goes with. */
    private volatile SocketConnection io;
    private PadlockSession session;
    private PadlockSessionContext sessionContext;
    private volatile boolean closed;
    /**
     * Guards creating {@link #io} and changing the mode; never held across network I/O, so
     * close() and the getters never wait for the peer.
     */
    private final Object stateLock = new Object();
    /** Serialises handshakes; held across their network I/O, so only handshakers take it. */
    private final Object handshakeLock = new Object();

    PadlockSocket(PadlockContextSpi context, ParametersState parameters, Socket raw, String peerHost,
            boolean autoClose, InputStream consumed) {
        this.context = context;
        this.parameters = parameters;
        this.raw = raw;
        this.peerHost = peerHost;
        this.autoClose = autoClose;
        this.consumed = consumed;
    }

    // ---- the TLS handshake --------------------------------------------------------------

    @Override
    public void startHandshake() throws IOException {
        SocketConnection connection = connection();
        synchronized (handshakeLock) {
            if (connection.isHandshakeComplete()) {
                return;
            }
            if (closed) {
                // A handshaker that waited for one ended by close() reads no more from the peer.
                throw new SocketException("Socket is closed");
            }
            connection.handshake();
            sessionContext.put(session);
        }
        notifyListeners();
    }

    /** The I/O loop, created on first use from the parameters in force then. */
    private SocketConnection connection() throws IOException {
        synchronized (stateLock) {
            if (io != null) {
                return io;
            }
            if (closed) {
                throw new SocketException("Socket is closed");
            }
            if (!raw.isConnected()) {
                throw new SocketException("Socket is not connected");
            }
            Connections.Opened opened = Connections.open(context, parameters,
                    KeyManagerBridge.forSocket(context.keyManager(), this),
                    TrustManagerBridge.forSocket(context.trustManager(), this), peerHost, raw.getPort(),
                    alpnSelector == null ? null : offered -> alpnSelector.apply(this, offered),
                    "socket " + raw.getRemoteSocketAddress());
            sessionContext = opened.sessionContext();
            session = opened.session();
            InputStream in = consumed == null ? raw.getInputStream()
                    : new SequenceInputStream(consumed, raw.getInputStream());
            io = new SocketConnection(opened.tls(), in, raw.getOutputStream(),
                    Boolean.getBoolean("com.sun.net.ssl.requireCloseNotify"));
            return io;
        }
    }

    private SocketConnection handshaken() throws IOException {
        SocketConnection connection = connection();
        if (!connection.isHandshakeComplete()) {
            startHandshake();
        }
        return connection;
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, session);
        // SunJSSE notifies on a thread of its own, so a listener cannot stall the handshake.
        Thread notifier = new Thread(() -> listeners.forEach(l -> l.handshakeCompleted(event)),
                "Padlock-HandshakeCompleted");
        notifier.setDaemon(true);
        notifier.start();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("listener is not registered");
        }
    }

    @Override
    public SSLSession getSession() {
        try {
            handshaken();
        } catch (IOException e) {
            // The API: a failed handshake yields a session whose suite is SSL_NULL_WITH_NULL_NULL.
            return PadlockSession.nullSession();
        }
        return session;
    }

    @Override
    public SSLSession getHandshakeSession() {
        SocketConnection c = io;
        return c == null || c.isHandshakeComplete() ? null : session;
    }

    @Override
    public String getApplicationProtocol() {
        SocketConnection c = io;
        return c == null ? null : c.applicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        SocketConnection c = io;
        return c == null ? null : c.handshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        this.alpnSelector = selector;
    }

    @Override
    public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return alpnSelector;
    }

    // ---- streams ------------------------------------------------------------------------

    @Override
    public InputStream getInputStream() throws IOException {
        checkOpen();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return handshaken().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                return handshaken().read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                SocketConnection c = io;
                return c == null ? 0 : c.available();
            }

            @Override
            public void close() throws IOException {
                PadlockSocket.this.close();
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        checkOpen();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                handshaken().write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                PadlockSocket.this.close();
            }
        };
    }

    private void checkOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (!raw.isConnected()) {
            throw new SocketException("Socket is not connected");
        }
    }

    // ---- closing --------------------------------------------------------------------------

    /**
     * Sends close_notify (once the handshake began) and closes the TCP socket if it is ours to
     * close, which also ends a handshake or read blocked on it in another thread ("Socket
     * closed"). Waits for no lock held across a read.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        SocketConnection c = io;
        if (c != null) {
            try {
                c.closeOutbound();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (autoClose) {
            raw.close();
        }
        if (failure != null && !(failure instanceof SocketException)) {
            throw failure;
        }
    }

    /** TLS 1.3 half-close: close_notify, then the TCP write side (RFC 8446 §6.1). */
    @Override
    public void shutdownOutput() throws IOException {
        SocketConnection c = connection();
        c.closeOutbound();
        raw.shutdownOutput();
    }

    @Override
    public void shutdownInput() throws IOException {
        SocketConnection c = connection();
        c.closeInbound();
        raw.shutdownInput();
    }

    @Override
    public boolean isClosed() {
        return closed || raw.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return raw.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return raw.isOutputShutdown();
    }

    // ---- parameters: the same as the engine's ---------------------------------------------

    @Override
    public String[] getSupportedCipherSuites() {
        return ParametersState.supportedCipherSuites();
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
    public void setUseClientMode(boolean mode) {
        synchronized (stateLock) {
            if (io != null) {
                throw new IllegalArgumentException("cannot change client/server mode after the handshake has begun");
            }
            parameters.clientMode(mode);
        }
    }

    @Override
    public boolean getUseClientMode() {
        return parameters.clientMode();
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

    // ---- TCP: the plain socket underneath -----------------------------------------------------

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (peerHost == null && endpoint instanceof InetSocketAddress isa) {
            peerHost = isa.getHostString();
        }
        raw.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        raw.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return raw.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return raw.getLocalAddress();
    }

    @Override
    public int getPort() {
        return raw.getPort();
    }

    @Override
    public int getLocalPort() {
        return raw.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return raw.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return raw.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null;
    }

    @Override
    public boolean isConnected() {
        return raw.isConnected();
    }

    @Override
    public boolean isBound() {
        return raw.isBound();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        raw.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return raw.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        raw.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return raw.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        raw.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return raw.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent data is not supported on a TLS socket");
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        throw new SocketException("OOB inline is not supported on a TLS socket");
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return false;
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        raw.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return raw.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        raw.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return raw.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        raw.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return raw.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        raw.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return raw.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        raw.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return raw.getReuseAddress();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        raw.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        raw.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return raw.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return raw.supportedOptions();
    }

    @Override
    public String toString() {
        return "PadlockSocket[" + (parameters.clientMode() ? "client" : "server") + ", " + raw + "]";
    }
}
