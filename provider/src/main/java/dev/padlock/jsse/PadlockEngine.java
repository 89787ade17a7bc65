package dev.padlock.jsse;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLSession;

/** Placeholder so that the jsse package compiles; the lead replaces this file on merge. */
final class PadlockEngine extends SSLEngine {
    private static final String PLACEHOLDER = "placeholder PadlockEngine";

    PadlockEngine(PadlockContextSpi context, String peerHost, int peerPort) {
        super(peerHost, peerPort);
    }

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public Runnable getDelegatedTask() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void closeInbound() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean isInboundDone() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void closeOutbound() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean isOutboundDone() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public String[] getSupportedCipherSuites() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public String[] getEnabledCipherSuites() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public String[] getSupportedProtocols() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public String[] getEnabledProtocols() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public SSLSession getSession() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void beginHandshake() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean getUseClientMode() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean getNeedClientAuth() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setWantClientAuth(boolean want) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean getWantClientAuth() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }

    @Override
    public boolean getEnableSessionCreation() {
        throw new UnsupportedOperationException(PLACEHOLDER);
    }
}
