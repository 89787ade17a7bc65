package dev.padlock.session;

import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SignatureScheme;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SNIServerName;

/**
 * What one connection negotiated, filled in as the handshake proceeds (so the trust manager
 * can see the requested server names and signature schemes through the handshake session)
 * and read-only once it completes.
 *
 * <p>Owned by one connection; the JSSE adapter wraps it as an {@code SSLSession}. Fields are
 * volatile because JSSE lets other threads call {@code getSession()} at any time.
 */
public final class TlsSession {
    private final byte[] id;
    private final Instant creationTime;
    private final String peerHost;
    private final int peerPort;

    private volatile ProtocolVersion protocolVersion;
    private volatile CipherSuite cipherSuite;
    private volatile NamedGroup namedGroup;
    private volatile List<SNIServerName> requestedServerNames = List.of();
    private volatile List<SignatureScheme> peerSignatureSchemes = List.of();
    private volatile List<SignatureScheme> localSignatureSchemes = List.of();
    private volatile List<X509Certificate> peerCertificates = List.of();
    private volatile List<X509Certificate> localCertificates = List.of();
    private volatile String applicationProtocol;
    private volatile int peerRecordSizeLimit = -1;
    private volatile boolean resumed;

    public TlsSession(byte[] id, Instant creationTime, String peerHost, int peerPort) {
        this.id = id.clone();
        this.creationTime = creationTime;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
    }

    public byte[] id() {
        return id.clone();
    }

    public Instant creationTime() {
        return creationTime;
    }

    public String peerHost() {
        return peerHost;
    }

    public int peerPort() {
        return peerPort;
    }

    /** The negotiated version; null until ServerHello has been sent or received. */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    public void protocolVersion(ProtocolVersion version) {
        this.protocolVersion = version;
    }

    /** Null until ServerHello has been sent or received. */
    public CipherSuite cipherSuite() {
        return cipherSuite;
    }

    public void cipherSuite(CipherSuite suite) {
        this.cipherSuite = suite;
    }

    /** The key exchange group; null until ServerHello. */
    public NamedGroup namedGroup() {
        return namedGroup;
    }

    public void namedGroup(NamedGroup group) {
        this.namedGroup = group;
    }

    public List<SNIServerName> requestedServerNames() {
        return requestedServerNames;
    }

    public void requestedServerNames(List<SNIServerName> names) {
        this.requestedServerNames = List.copyOf(names);
    }

    public List<SignatureScheme> peerSignatureSchemes() {
        return peerSignatureSchemes;
    }

    public void peerSignatureSchemes(List<SignatureScheme> schemes) {
        this.peerSignatureSchemes = List.copyOf(schemes);
    }

    public List<SignatureScheme> localSignatureSchemes() {
        return localSignatureSchemes;
    }

    public void localSignatureSchemes(List<SignatureScheme> schemes) {
        this.localSignatureSchemes = List.copyOf(schemes);
    }

    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    public void peerCertificates(List<X509Certificate> chain) {
        this.peerCertificates = List.copyOf(chain);
    }

    public List<X509Certificate> localCertificates() {
        return localCertificates;
    }

    public void localCertificates(List<X509Certificate> chain) {
        this.localCertificates = List.copyOf(chain);
    }

    /** The ALPN result: null before negotiation, "" when none was negotiated. */
    public String applicationProtocol() {
        return applicationProtocol;
    }

    public void applicationProtocol(String protocol) {
        this.applicationProtocol = protocol;
    }

    /** The peer's RFC 8449 record_size_limit, or -1 when it sent none. */
    public int peerRecordSizeLimit() {
        return peerRecordSizeLimit;
    }

    public void peerRecordSizeLimit(int limit) {
        this.peerRecordSizeLimit = limit;
    }

    public boolean resumed() {
        return resumed;
    }

    public void resumed(boolean resumed) {
        this.resumed = resumed;
    }
}
