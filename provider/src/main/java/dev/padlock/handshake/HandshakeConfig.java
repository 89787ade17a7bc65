package dev.padlock.handshake;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SignatureScheme;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;

/**
 * Everything a handshake needs from outside, as an immutable snapshot taken when the engine
 * or socket starts its handshake. The JSSE adapters build it from {@code SSLParameters},
 * the context's managers and the {@code jdk.tls.*} properties; nothing below reads a
 * system property.
 *
 * @param clientMode            true for the client side
 * @param cipherSuites          enabled suites in preference order
 * @param namedGroups           enabled groups in preference order
 * @param keyShareCount         how many of the first groups the client sends key shares for
 * @param signatureSchemes      schemes for CertificateVerify, in preference order
 * @param signatureSchemesCert  schemes accepted in certificate chains (signature_algorithms_cert)
 * @param credentials           chooses our certificate and key
 * @param peerTrust             judges the peer's chain
 * @param random                source of randoms, key shares and PSS salts
 * @param clock                 for session times
 * @param peerHost              the peer's host name as the application gave it, or null
 * @param peerPort              the peer's port, or -1
 * @param serverNames           client: the server_name list to send
 * @param sniMatchers           server: matchers for the client's server_name (empty accepts all)
 * @param applicationProtocols  ALPN protocols, in preference order (empty: no ALPN)
 * @param alpnSelector          server: an application's selector (null: use applicationProtocols);
 *                              returns null for "none acceptable", "" for "do not use ALPN"
 * @param clientAuth            server: whether to request a client certificate
 * @param honorServerOrder      server: choose by our order of suites rather than the client's
 * @param middleboxCompatibility client: send a legacy_session_id and CCS (RFC 8446 §D.4)
 * @param helloAuthorities      client: send certificate_authorities naming the peer trust's
 *                              accepted issuers in ClientHello (RFC 8446 §4.2.4)
 * @param maxHandshakeMessageSize the largest handshake message accepted from the peer
 * @param recordSizeLimit       our RFC 8449 record_size_limit to advertise (0: do not send)
 * @param resumption            tickets and PSK resumption (RFC 8446 §2.2)
 * @param protocolVersions      the versions enabled, TLSv1.3 and/or TLSv1.2; {@code cipherSuites}
 *                              holds the suites of both, each machine takes its own
 */
public record HandshakeConfig(
        boolean clientMode,
        List<CipherSuiteSpec> cipherSuites,
        List<NamedGroup> namedGroups,
        int keyShareCount,
        List<SignatureScheme> signatureSchemes,
        List<SignatureScheme> signatureSchemesCert,
        Credentials credentials,
        PeerTrust peerTrust,
        SecureRandom random,
        Clock clock,
        String peerHost,
        int peerPort,
        List<SNIServerName> serverNames,
        Collection<SNIMatcher> sniMatchers,
        List<String> applicationProtocols,
        Function<List<String>, String> alpnSelector,
        ClientAuth clientAuth,
        boolean honorServerOrder,
        boolean middleboxCompatibility,
        boolean helloAuthorities,
        int maxHandshakeMessageSize,
        int recordSizeLimit,
        Resumption resumption,
        Set<ProtocolVersion> protocolVersions) {

    public HandshakeConfig {
        cipherSuites = List.copyOf(cipherSuites);
        namedGroups = List.copyOf(namedGroups);
        signatureSchemes = List.copyOf(signatureSchemes);
        signatureSchemesCert = List.copyOf(signatureSchemesCert);
        serverNames = List.copyOf(serverNames);
        sniMatchers = List.copyOf(sniMatchers);
        applicationProtocols = List.copyOf(applicationProtocols);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(peerTrust, "peerTrust");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clientAuth, "clientAuth");
        Objects.requireNonNull(resumption, "resumption");
        protocolVersions = Set.copyOf(protocolVersions);
        if (protocolVersions.isEmpty() || !SUPPORTED_VERSIONS.containsAll(protocolVersions)) {
            throw new IllegalArgumentException("protocol versions must be TLSv1.3 and/or TLSv1.2: " + protocolVersions);
        }
        if (cipherSuites.isEmpty()) {
            throw new IllegalArgumentException("no cipher suite is enabled");
        }
        if (namedGroups.isEmpty()) {
            throw new IllegalArgumentException("no supported named group is enabled");
        }
        if (signatureSchemes.isEmpty()) {
            throw new IllegalArgumentException("no signature scheme is enabled");
        }
        if (keyShareCount < 1) {
            throw new IllegalArgumentException("keyShareCount must be at least 1");
        }
    }

    private static final Set<ProtocolVersion> SUPPORTED_VERSIONS = Set.of(ProtocolVersion.TLSV1_3, ProtocolVersion.TLSV1_2);

    public boolean enables(ProtocolVersion version) {
        return protocolVersions.contains(version);
    }

    /** The enabled suites of one version, in preference order. */
    public List<CipherSuiteSpec> suitesFor(ProtocolVersion version) {
        boolean tls12 = version.equals(ProtocolVersion.TLSV1_2);
        return cipherSuites.stream().filter(s -> s.isTls12() == tls12).toList();
    }

    /** The highest version enabled. */
    public ProtocolVersion highestVersion() {
        return enables(ProtocolVersion.TLSV1_3) ? ProtocolVersion.TLSV1_3 : ProtocolVersion.TLSV1_2;
    }

    /** A default for tests and defaults: 64 KiB is far above any sane certificate chain. */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE = 64 * 1024;

    /**
     * A builder for one side. Groups, signature schemes and the peer trust have no default;
     * everything else starts as: every supported suite, one key share, the CertificateVerify
     * schemes also for certificates, no credentials, a new {@code SecureRandom}, the UTC system
     * clock, no peer, no SNI, no ALPN, no client authentication, the client's suite order, no
     * compatibility mode, no certificate_authorities in ClientHello,
     * {@link #DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE}, no record_size_limit and no resumption.
     */
    public static Builder builder(boolean clientMode) {
        return new Builder(clientMode);
    }

    /** A builder holding this configuration, to change some of it. */
    public Builder toBuilder() {
        return new Builder(clientMode).cipherSuites(cipherSuites).namedGroups(namedGroups)
                .keyShareCount(keyShareCount).signatureSchemes(signatureSchemes)
                .signatureSchemesCert(signatureSchemesCert).credentials(credentials).peerTrust(peerTrust)
                .random(random).clock(clock).peer(peerHost, peerPort).serverNames(serverNames)
                .sniMatchers(sniMatchers).applicationProtocols(applicationProtocols).alpnSelector(alpnSelector)
                .clientAuth(clientAuth).honorServerOrder(honorServerOrder)
                .middleboxCompatibility(middleboxCompatibility).helloAuthorities(helloAuthorities)
                .maxHandshakeMessageSize(maxHandshakeMessageSize)
                .recordSizeLimit(recordSizeLimit).resumption(resumption).protocolVersions(protocolVersions);
    }

    /** Named setters for {@link HandshakeConfig}; {@link #build} validates as the constructor does. */
    public static final class Builder {
        private final boolean clientMode;
        private List<CipherSuiteSpec> cipherSuites = CipherSuiteSpec.SUPPORTED;
        private List<NamedGroup> namedGroups = List.of();
        private int keyShareCount = 1;
        private List<SignatureScheme> signatureSchemes = List.of();
        private List<SignatureScheme> signatureSchemesCert;
        private Credentials credentials = Credentials.NONE;
        private PeerTrust peerTrust;
        private SecureRandom random;
        private Clock clock = Clock.systemUTC();
        private String peerHost;
        private int peerPort = -1;
        private List<SNIServerName> serverNames = List.of();
        private Collection<SNIMatcher> sniMatchers = List.of();
        private List<String> applicationProtocols = List.of();
        private Function<List<String>, String> alpnSelector;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private boolean honorServerOrder;
        private boolean middleboxCompatibility;
        private boolean helloAuthorities;
        private int maxHandshakeMessageSize = DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE;
        private int recordSizeLimit;
        private Resumption resumption = Resumption.DISABLED;
        private Set<ProtocolVersion> protocolVersions = Set.of(ProtocolVersion.TLSV1_3);

        private Builder(boolean clientMode) {
            this.clientMode = clientMode;
        }

        public Builder cipherSuites(List<CipherSuiteSpec> suites) {
            this.cipherSuites = suites;
            return this;
        }

        public Builder namedGroups(List<NamedGroup> groups) {
            this.namedGroups = groups;
            return this;
        }

        public Builder keyShareCount(int count) {
            this.keyShareCount = count;
            return this;
        }

        public Builder signatureSchemes(List<SignatureScheme> schemes) {
            this.signatureSchemes = schemes;
            return this;
        }

        public Builder signatureSchemesCert(List<SignatureScheme> schemes) {
            this.signatureSchemesCert = schemes;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder peerTrust(PeerTrust trust) {
            this.peerTrust = trust;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The peer as the application named it: host (or null) and port (or -1). */
        public Builder peer(String host, int port) {
            this.peerHost = host;
            this.peerPort = port;
            return this;
        }

        public Builder serverNames(List<SNIServerName> names) {
            this.serverNames = names;
            return this;
        }

        public Builder sniMatchers(Collection<SNIMatcher> matchers) {
            this.sniMatchers = matchers;
            return this;
        }

        public Builder applicationProtocols(List<String> protocols) {
            this.applicationProtocols = protocols;
            return this;
        }

        public Builder alpnSelector(Function<List<String>, String> selector) {
            this.alpnSelector = selector;
            return this;
        }

        public Builder clientAuth(ClientAuth auth) {
            this.clientAuth = auth;
            return this;
        }

        public Builder honorServerOrder(boolean honor) {
            this.honorServerOrder = honor;
            return this;
        }

        public Builder middleboxCompatibility(boolean compatibility) {
            this.middleboxCompatibility = compatibility;
            return this;
        }

        public Builder helloAuthorities(boolean send) {
            this.helloAuthorities = send;
            return this;
        }

        public Builder maxHandshakeMessageSize(int size) {
            this.maxHandshakeMessageSize = size;
            return this;
        }

        public Builder recordSizeLimit(int limit) {
            this.recordSizeLimit = limit;
            return this;
        }

        public Builder resumption(Resumption resumption) {
            this.resumption = resumption;
            return this;
        }

        /** TLSv1.3 and/or TLSv1.2; TLSv1.3 alone unless set. */
        public Builder protocolVersions(Set<ProtocolVersion> versions) {
            this.protocolVersions = versions;
            return this;
        }

        public HandshakeConfig build() {
            return new HandshakeConfig(clientMode, cipherSuites, namedGroups, keyShareCount, signatureSchemes,
                    signatureSchemesCert != null ? signatureSchemesCert : signatureSchemes, credentials,
                    Objects.requireNonNull(peerTrust, "peerTrust"), random != null ? random : new SecureRandom(), clock,
                    peerHost, peerPort, serverNames, sniMatchers, applicationProtocols, alpnSelector, clientAuth,
                    honorServerOrder, middleboxCompatibility, helloAuthorities, maxHandshakeMessageSize,
                    recordSizeLimit, resumption, protocolVersions);
        }
    }
}
