package dev.padlock.jsse;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.SignatureScheme;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSessionBindingEvent;
import javax.net.ssl.SSLSessionBindingListener;
import javax.net.ssl.SSLSessionContext;

/**
 * The JSSE view of one connection's {@link TlsSession}, with SunJSSE's semantics: protocol
 * "NONE" and suite {@code SSL_NULL_WITH_NULL_NULL} until a suite is negotiated, peer
 * certificates that throw {@link SSLPeerUnverifiedException} when there are none, local ones
 * that are null when there are none, and application values with binding events.
 */
final class PadlockSession extends ExtendedSSLSession {
    static final String NULL_CIPHER_SUITE = "SSL_NULL_WITH_NULL_NULL";
    static final String NO_PROTOCOL = "NONE";

    /** RFC 8446 §5.1: a TLSPlaintext fragment carries at most 2^14 bytes. */
    static final int MAX_PLAINTEXT = 1 << 14;
    /** RFC 8446 §5.2: a record is a 5-byte header and at most 2^14 + 256 bytes of ciphertext. */
    static final int MAX_RECORD = 5 + MAX_PLAINTEXT + 256;

    private final TlsSession tls;
    private final PadlockSessionContext context;
    private final KeyingMaterial keyingMaterial;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private volatile long lastAccessedTime;
    private volatile boolean invalidated;

    /** @param context where the session is cached once complete; null for a session never cached */
    PadlockSession(TlsSession tls, PadlockSessionContext context) {
        this(tls, context, KeyingMaterial.NONE);
    }

    /** @param keyingMaterial the exporter of the session's connection */
    PadlockSession(TlsSession tls, PadlockSessionContext context, KeyingMaterial keyingMaterial) {
        this.tls = Objects.requireNonNull(tls, "tls");
        this.context = context;
        this.keyingMaterial = Objects.requireNonNull(keyingMaterial, "keyingMaterial");
        this.lastAccessedTime = tls.creationTime().toEpochMilli();
    }

    /** The session of an engine or socket that has none (a failed or not yet started handshake). */
    static PadlockSession nullSession() {
        return new PadlockSession(new TlsSession(new byte[0], Instant.now(), null, -1), null);
    }

    TlsSession tlsSession() {
        return tls;
    }

    /** The engine calls this when the session is used by a connection. */
    void accessed(long epochMillis) {
        lastAccessedTime = epochMillis;
    }

    @Override
    public byte[] getId() {
        return tls.id();
    }

    @Override
    public SSLSessionContext getSessionContext() {
        return context;
    }

    @Override
    public long getCreationTime() {
        return tls.creationTime().toEpochMilli();
    }

    @Override
    public long getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void invalidate() {
        invalidated = true;
        if (context != null) {
            context.remove(tls.id());
        }
    }

    /** Valid: negotiated, not invalidated and, when cached, not older than the context's timeout. */
    @Override
    public boolean isValid() {
        return !invalidated && tls.cipherSuite() != null && (context == null || !context.isExpired(this));
    }

    /** SunJSSE's order: the replaced value is unbound before the new one is bound. */
    @Override
    public void putValue(String name, Object value) {
        if (name == null || value == null) {
            throw new IllegalArgumentException("arguments can not be null");
        }
        Object old = values.put(name, value);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
        if (value instanceof SSLSessionBindingListener l) {
            l.valueBound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public Object getValue(String name) {
        if (name == null) {
            throw new IllegalArgumentException("argument can not be null");
        }
        return values.get(name);
    }

    @Override
    public void removeValue(String name) {
        if (name == null) {
            throw new IllegalArgumentException("argument can not be null");
        }
        Object old = values.remove(name);
        if (old instanceof SSLSessionBindingListener l) {
            l.valueUnbound(new SSLSessionBindingEvent(this, name));
        }
    }

    @Override
    public String[] getValueNames() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
        List<X509Certificate> peer = tls.peerCertificates();
        if (peer.isEmpty()) {
            throw new SSLPeerUnverifiedException("peer not authenticated");
        }
        return peer.toArray(X509Certificate[]::new);
    }

    @Override
    public Certificate[] getLocalCertificates() {
        List<X509Certificate> local = tls.localCertificates();
        return local.isEmpty() ? null : local.toArray(X509Certificate[]::new);
    }

    @Override
    public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
        List<X509Certificate> peer = tls.peerCertificates();
        if (peer.isEmpty()) {
            throw new SSLPeerUnverifiedException("peer not authenticated");
        }
        return peer.get(0).getSubjectX500Principal();
    }

    @Override
    public Principal getLocalPrincipal() {
        List<X509Certificate> local = tls.localCertificates();
        return local.isEmpty() ? null : local.get(0).getSubjectX500Principal();
    }

    @Override
    public String getCipherSuite() {
        CipherSuite suite = tls.cipherSuite();
        return suite == null ? NULL_CIPHER_SUITE : suite.name();
    }

    @Override
    public String getProtocol() {
        if (tls.cipherSuite() == null) {
            return NO_PROTOCOL;
        }
        if (tls.protocolVersion() != null) {
            return tls.protocolVersion().standardName();
        }
        // The suite names the version where the version itself was not recorded.
        boolean tls12 = CipherSuiteSpec.of(tls.cipherSuite()).map(CipherSuiteSpec::isTls12).orElse(false);
        return tls12 ? ContextDefaults.TLS12 : ContextDefaults.TLS13;
    }

    @Override
    public String getPeerHost() {
        return tls.peerHost();
    }

    @Override
    public int getPeerPort() {
        return tls.peerPort();
    }

    /** Never less than the largest TLS 1.3 record a peer may send. */
    @Override
    public int getPacketBufferSize() {
        return MAX_RECORD;
    }

    /**
     * Room for the largest TLSInnerPlaintext, 2^14 + 1 octets (RFC 8446 §5.4): content, type
     * and padding. That is one more than the largest content, so that a buffer of this size lets
     * any record be decrypted straight into it instead of through an internal buffer.
     */
    @Override
    public int getApplicationBufferSize() {
        return MAX_PLAINTEXT + 1;
    }

    @Override
    public String[] getLocalSupportedSignatureAlgorithms() {
        return names(tls.localSignatureSchemes());
    }

    @Override
    public String[] getPeerSupportedSignatureAlgorithms() {
        return names(tls.peerSignatureSchemes());
    }

    @Override
    public List<SNIServerName> getRequestedServerNames() {
        return tls.requestedServerNames();
    }

    /** Padlock does not request OCSP stapling yet. */
    @Override
    public List<byte[]> getStatusResponses() {
        return List.of();
    }

    /**
     * Exported keying material (RFC 8446 §7.5) as a key of {@code keyAlg}. Overrides JDK 25's
     * {@code ExtendedSSLSession} method of this signature; a plain method on older JDKs, where
     * {@code dev.padlock.Padlock.exportKeyingMaterial} reaches the same bytes. The checks and
     * exceptions are {@link KeyingMaterial}'s.
     */
    public SecretKey exportKeyingMaterialKey(String keyAlg, String label, byte[] context, int length)
            throws SSLKeyException {
        return keyingMaterial.exportKey(keyAlg, label, context, length);
    }

    /**
     * Exported keying material (RFC 8446 §7.5): TLS-Exporter(label, context, length), where a null
     * context is the empty one. Overrides JDK 25's {@code ExtendedSSLSession} method of this
     * signature; a plain method on older JDKs. The checks and exceptions are
     * {@link KeyingMaterial}'s.
     */
    public byte[] exportKeyingMaterialData(String label, byte[] context, int length) throws SSLKeyException {
        return keyingMaterial.export(label, context, length);
    }

    /**
     * As SunJSSE and the {@code ExtendedSSLSession} contract: standard JCA signature algorithm
     * names ("SHA256withECDSA", "RSASSA-PSS", "Ed25519"), not TLS scheme names. SunJSSE's trust
     * managers match the peer's certificate signatures against these names.
     */
    private static String[] names(List<SignatureScheme> schemes) {
        return schemes.stream().map(SignatureSchemes::jca).flatMap(Optional::stream)
                .map(SignatureSchemes.JcaSignature::algorithm).toArray(String[]::new);
    }

    @Override
    public String toString() {
        return "PadlockSession(" + getProtocol() + ", " + getCipherSuite() + ", " + getPeerHost() + ":" + getPeerPort()
                + ")";
    }
}
