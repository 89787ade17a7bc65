package dev.padlock.jsse;

import dev.padlock.core.TlsConnection;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * {@link SSLEngine} over the sans-IO {@link TlsConnection}: wrap drains queued records or
 * protects one record of application data; unwrap feeds one whole record. Status mapping
 * follows SunJSSE so that frameworks written against it (Netty, Jetty, Tomcat, the JDK's
 * HttpClient) behave the same.
 *
 * <p>wrap and unwrap are serialised on this engine's lock.
 */
final class PadlockEngine extends SSLEngine {
    private final PadlockContextSpi context;
    private final ParametersState parameters;
    private BiFunction<SSLEngine, List<String>, String> alpnSelector;

    private TlsConnection connection;
    private PadlockSession session;
    private PadlockSessionContext sessionContext;
    private boolean finishedReported;
    private boolean outboundDone;
    private SSLEngineResult lastResult;

    PadlockEngine(PadlockContextSpi context, String peerHost, int peerPort) {
        super(peerHost, peerPort);
        this.context = Objects.requireNonNull(context, "context");
        this.parameters = new ParametersState(context.defaults(), false);
    }

    // ---- handshake -----------------------------------------------------------------------

    @Override
    public synchronized void beginHandshake() throws SSLException {
        if (connection != null) {
            if (connection.isOutboundClosed() || connection.failure() != null) {
                // RFC 8446 §6.1: nothing may follow close_notify or a fatal alert
                throw new SSLException("cannot begin a handshake or key update: the connection is closed");
            }
            if (connection.isHandshakeComplete() && connection.canUpdateKeys()) {
                // TLS 1.3 has no renegotiation; SunJSSE answers beginHandshake after the
                // handshake with a KeyUpdate that asks the peer to update too (unless the peer
                // has closed its side), so both directions get fresh keys, and so do we.
                connection.updateKeys(!connection.isInboundClosed());
            }
            // TLS 1.2: Padlock never renegotiates (README), so there is nothing to begin.
            return;
        }
        if (outboundDone) {
            throw new SSLException("the engine is closed");
        }
        start();
    }

    private void start() throws SSLException {
        Connections.Opened opened;
        try {
            opened = Connections.open(context, parameters, KeyManagerBridge.forEngine(context.keyManager(), this),
                    TrustManagerBridge.forEngine(context.trustManager(), this), getPeerHost(), getPeerPort(),
                    alpnSelector == null ? null : offered -> alpnSelector.apply(this, offered),
                    "engine " + (getPeerHost() == null ? "" : getPeerHost() + ":" + getPeerPort()));
        } catch (SSLHandshakeException e) {
            outboundDone = true;
            throw e;
        }
        connection = opened.tls();
        session = opened.session();
        sessionContext = opened.sessionContext();
        try {
            connection.start();
        } catch (TlsFailure f) {
            throw Failures.toException(f, true);
        }
    }

    private void ensureStarted() throws SSLException {
        if (connection == null) {
            start();
        }
    }

    // ---- wrap ----------------------------------------------------------------------------

    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        Buffers.check(srcs, offset, length);
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        synchronized (this) {
            if (connection == null && !outboundDone) {
                ensureStarted();
            }
            return doWrap(srcs, offset, length, dst);
        }
    }

    private SSLEngineResult doWrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        if (connection == null) {
            return result(Status.CLOSED, 0, 0);
        }
        if (connection.hasOutbound()) {
            if (dst.remaining() < connection.nextOutboundSize()) {
                return result(Status.BUFFER_OVERFLOW, 0, 0);
            }
            int written = connection.drainOutbound(dst);
            boolean closed = connection.isOutboundClosed() && !connection.hasOutbound();
            return result(closed ? Status.CLOSED : Status.OK, 0, written);
        }
        if (connection.isOutboundClosed() || connection.failure() != null) {
            return result(Status.CLOSED, 0, 0);
        }
        if (!connection.isHandshakeComplete()) {
            return result(Status.OK, 0, 0);
        }
        long available = Buffers.remaining(srcs, offset, length);
        if (available == 0) {
            return result(Status.OK, 0, 0);
        }
        if (dst.remaining() < connection.sealedLength(available)) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        int start = dst.position();
        int consumed;
        try {
            consumed = connection.seal(srcs, offset, length, dst);
        } catch (TlsFailure f) {
            throw Failures.toException(f, false);
        }
        return result(Status.OK, consumed, dst.position() - start);
    }

    // ---- unwrap --------------------------------------------------------------------------

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        Objects.requireNonNull(src, "src");
        Buffers.check(dsts, offset, length);
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].isReadOnly()) {
                throw new ReadOnlyBufferException();
            }
        }
        synchronized (this) {
            if (connection == null && !outboundDone) {
                ensureStarted();
            }
            return doUnwrap(src, dsts, offset, length);
        }
    }

    private SSLEngineResult doUnwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        if (connection == null || connection.isInboundClosed()) {
            return result(Status.CLOSED, 0, 0);
        }
        boolean handshaking = !connection.isHandshakeComplete();
        int recordLength;
        try {
            recordLength = connection.nextRecordLength(src);
        } catch (TlsFailure f) {
            connection.fail(f);
            throw Failures.toException(f, handshaking);
        }
        if (recordLength < 0 || src.remaining() < recordLength) {
            return result(Status.BUFFER_UNDERFLOW, 0, 0);
        }
        if (!connection.hasRoomToReceive(recordLength, dsts, offset, length)) {
            return result(Status.BUFFER_OVERFLOW, 0, 0);
        }
        // The record is read in place: limit src to it for the call (no per-record copy or view).
        int start = src.position();
        int limit = src.limit();
        src.limit(start + recordLength);
        int delivered;
        try {
            delivered = connection.receive(src, dsts, offset, length);
        } catch (TlsFailure f) {
            boolean rejected = connection.failureFromPeer() && Failures.rejectsHandshake(f.alert());
            throw Failures.toException(f, handshaking || rejected);
        } finally {
            src.limit(limit);
            src.position(start + recordLength);
        }
        Status status = connection.isInboundClosed() ? Status.CLOSED : Status.OK;
        return result(status, recordLength, delivered);
    }

    private SSLEngineResult result(Status status, int consumed, int produced) {
        HandshakeStatus hs = currentHandshakeStatus();
        if (hs == HandshakeStatus.NOT_HANDSHAKING && connection != null && connection.isHandshakeComplete()
                && !finishedReported) {
            finishedReported = true;
            hs = HandshakeStatus.FINISHED;
            sessionContext.put(session);
        }
        SSLEngineResult last = lastResult;
        if (last != null && last.getStatus() == status && last.getHandshakeStatus() == hs
                && last.bytesConsumed() == consumed && last.bytesProduced() == produced) {
            // SSLEngineResult is immutable: a steady stream of same-sized records needs no new one.
            return last;
        }
        return lastResult = new SSLEngineResult(status, hs, consumed, produced);
    }

    private HandshakeStatus currentHandshakeStatus() {
        if (connection == null) {
            return HandshakeStatus.NOT_HANDSHAKING;
        }
        if (connection.hasOutbound()) {
            return HandshakeStatus.NEED_WRAP;
        }
        if (!connection.isHandshakeComplete() && connection.failure() == null && !connection.isInboundClosed()) {
            return HandshakeStatus.NEED_UNWRAP;
        }
        return HandshakeStatus.NOT_HANDSHAKING;
    }

    @Override
    public synchronized HandshakeStatus getHandshakeStatus() {
        return currentHandshakeStatus();
    }

    @Override
    public Runnable getDelegatedTask() {
        // Handshake work runs inline in wrap/unwrap (DESIGN.md): there is never a task.
        return null;
    }

    // ---- closing -------------------------------------------------------------------------

    @Override
    public synchronized void closeInbound() throws SSLException {
        if (connection == null) {
            outboundDone = true;
            return;
        }
        if (connection.isInboundClosed()) {
            return;
        }
        boolean clean = connection.closeInbound();
        if (!clean && connection.failure() == null) {
            // A possible truncation attack: the caller learns it, as from SunJSSE. Like SunJSSE,
            // no alert goes to the peer, so an application that then closes the outbound side
            // (the JDK 25 HttpsServer does) still ends with a plain close_notify.
            throw new SSLException("closing inbound before receiving peer's close_notify");
        }
    }

    @Override
    public synchronized boolean isInboundDone() {
        return connection == null ? outboundDone : connection.isInboundClosed();
    }

    @Override
    public synchronized void closeOutbound() {
        outboundDone = true;
        if (connection != null) {
            connection.closeOutbound();
        }
    }

    @Override
    public synchronized boolean isOutboundDone() {
        if (connection == null) {
            return outboundDone;
        }
        return connection.isOutboundClosed() && !connection.hasOutbound();
    }

    // ---- session and parameters --------------------------------------------------------------

    @Override
    public synchronized SSLSession getSession() {
        if (connection != null && connection.isHandshakeComplete()) {
            return session;
        }
        return PadlockSession.nullSession();
    }

    @Override
    public synchronized SSLSession getHandshakeSession() {
        if (connection != null && !connection.isHandshakeComplete() && connection.failure() == null) {
            return session;
        }
        return null;
    }

    @Override
    public synchronized String getApplicationProtocol() {
        if (connection == null || !connection.isHandshakeComplete()) {
            return null;
        }
        return connection.session().applicationProtocol();
    }

    @Override
    public synchronized String getHandshakeApplicationProtocol() {
        if (connection == null || connection.isHandshakeComplete()) {
            return null;
        }
        return connection.session().applicationProtocol();
    }

    @Override
    public synchronized void setHandshakeApplicationProtocolSelector(
            BiFunction<SSLEngine, List<String>, String> selector) {
        this.alpnSelector = selector;
    }

    @Override
    public synchronized BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return alpnSelector;
    }

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
    public synchronized void setUseClientMode(boolean mode) {
        if (connection != null) {
            throw new IllegalArgumentException("cannot change client/server mode after the handshake has begun");
        }
        parameters.clientMode(mode);
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

    @Override
    public String toString() {
        return "PadlockEngine[" + (parameters.clientMode() ? "client" : "server") + ", " + getPeerHost() + ":"
                + getPeerPort() + "]";
    }
}
