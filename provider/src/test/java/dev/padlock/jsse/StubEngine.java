package dev.padlock.jsse;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Just enough of an engine for a trust or key manager to read: its peer, its handshake
 * session and its parameters. Everything else is out of scope for these tests.
 */
final class StubEngine extends SSLEngine {
    private final SSLSession handshakeSession;
    private final SSLParameters parameters;

    StubEngine(String host, int port, SSLSession handshakeSession, SSLParameters parameters) {
        super(host, port);
        this.handshakeSession = handshakeSession;
        this.parameters = parameters;
    }

    @Override
    public SSLSession getHandshakeSession() {
        return handshakeSession;
    }

    @Override
    public SSLParameters getSSLParameters() {
        return parameters;
    }

    @Override
    public boolean getUseClientMode() {
        return true;
    }

    private static UnsupportedOperationException stub() {
        return new UnsupportedOperationException("stub engine");
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        throw stub();
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) {
        throw stub();
    }

    @Override
    public Runnable getDelegatedTask() {
        return null;
    }

    @Override
    public void closeInbound() {
        throw stub();
    }

    @Override
    public boolean isInboundDone() {
        return false;
    }

    @Override
    public void closeOutbound() {
        throw stub();
    }

    @Override
    public boolean isOutboundDone() {
        return false;
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return ParametersState.supportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return parameters.getCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        throw stub();
    }

    @Override
    public String[] getSupportedProtocols() {
        return ParametersState.supportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return parameters.getProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        throw stub();
    }

    @Override
    public SSLSession getSession() {
        return PadlockSession.nullSession();
    }

    @Override
    public void beginHandshake() {
        throw stub();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return SSLEngineResult.HandshakeStatus.NEED_UNWRAP;
    }

    @Override
    public void setUseClientMode(boolean mode) {
        throw stub();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        throw stub();
    }

    @Override
    public boolean getNeedClientAuth() {
        return false;
    }

    @Override
    public void setWantClientAuth(boolean want) {
        throw stub();
    }

    @Override
    public boolean getWantClientAuth() {
        return false;
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        throw stub();
    }

    @Override
    public boolean getEnableSessionCreation() {
        return true;
    }
}
