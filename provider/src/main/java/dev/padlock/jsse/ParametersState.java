package dev.padlock.jsse;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.handshake.Resumption;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SignatureScheme;
import java.security.AlgorithmConstraints;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;

/**
 * The mutable settings of one engine or socket, with SunJSSE's semantics for
 * {@code SSLParameters} and the individual setters. Thread-safe: applications configure an
 * engine on one thread and hand it to another.
 */
final class ParametersState {
    /**
     * Cipher suite names of other TLS versions: accepted by the setters and dropped, because
     * libraries pass the JDK's TLS 1.2 names along with ours and SunJSSE accepts them.
     */
    private static final Pattern FOREIGN_SUITE =
            Pattern.compile("(TLS|SSL)_[A-Z0-9_]+_WITH_[A-Z0-9_]+|TLS_EMPTY_RENEGOTIATION_INFO_SCSV|TLS_FALLBACK_SCSV");

    private final ContextDefaults defaults;

    private boolean clientMode;
    private List<String> enabledProtocols;
    private List<CipherSuiteSpec> enabledCipherSuites;
    private ClientAuth clientAuth = ClientAuth.NONE;
    /** Null: never set, so a client derives SNI from the peer host. Empty: send none. */
    private List<SNIServerName> serverNames;
    private Collection<SNIMatcher> sniMatchers;
    private List<String> applicationProtocols = List.of();
    private String endpointIdentificationAlgorithm;
    private AlgorithmConstraints algorithmConstraints;
    private boolean useCipherSuitesOrder = true;
    private boolean enableRetransmissions;
    private int maximumPacketSize;
    private boolean enableSessionCreation = true;
    /** {@code SSLParameters.setNamedGroups} (JDK 20+); null: never set, the context's list applies. */
    private List<String> namedGroupNames;
    /** {@code SSLParameters.setSignatureSchemes} (JDK 20+); null: never set, the side's list applies. */
    private List<String> signatureSchemeNames;

    ParametersState(ContextDefaults defaults, boolean clientMode) {
        this.defaults = defaults;
        this.clientMode = clientMode;
        this.enabledProtocols = defaults.side(clientMode).protocols();
        this.enabledCipherSuites = defaults.side(clientMode).cipherSuites();
    }

    static String[] supportedCipherSuites() {
        return ContextDefaults.supportedSuiteNames().toArray(String[]::new);
    }

    static String[] supportedNamedGroups() {
        return ContextDefaults.SUPPORTED_GROUPS.stream().map(NamedGroup::name).toArray(String[]::new);
    }

    static String[] supportedProtocols() {
        return ContextDefaults.SUPPORTED_PROTOCOLS.toArray(String[]::new);
    }

    synchronized boolean clientMode() {
        return clientMode;
    }

    /** As SunJSSE: protocols and suites still at one side's defaults move to the other side's. */
    synchronized void clientMode(boolean client) {
        if (client == clientMode) {
            return;
        }
        if (enabledProtocols.equals(defaults.side(clientMode).protocols())) {
            enabledProtocols = defaults.side(client).protocols();
        }
        if (enabledCipherSuites.equals(defaults.side(clientMode).cipherSuites())) {
            enabledCipherSuites = defaults.side(client).cipherSuites();
        }
        clientMode = client;
    }

    synchronized String[] enabledCipherSuites() {
        return enabledCipherSuites.stream().map(s -> s.suite().name()).toArray(String[]::new);
    }

    /** @throws IllegalArgumentException for null, an empty name, or a name no JSSE uses */
    synchronized void enabledCipherSuites(String[] names) {
        enabledCipherSuites = validSuites(names);
    }

    synchronized String[] enabledProtocols() {
        return enabledProtocols.toArray(String[]::new);
    }

    /** SunJSSE's protocol names are accepted; all but TLSv1.3 and TLSv1.2 are dropped. */
    synchronized void enabledProtocols(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("Protocols cannot be null");
        }
        enabledProtocols = validProtocols(names);
    }

    synchronized boolean needClientAuth() {
        return clientAuth == ClientAuth.REQUIRED;
    }

    /** As {@code SSLEngine.setNeedClientAuth}: replaces any want setting. */
    synchronized void needClientAuth(boolean need) {
        clientAuth = need ? ClientAuth.REQUIRED : ClientAuth.NONE;
    }

    synchronized boolean wantClientAuth() {
        return clientAuth == ClientAuth.WANTED;
    }

    /** As {@code SSLEngine.setWantClientAuth}: replaces any need setting. */
    synchronized void wantClientAuth(boolean want) {
        clientAuth = want ? ClientAuth.WANTED : ClientAuth.NONE;
    }

    synchronized boolean enableSessionCreation() {
        return enableSessionCreation;
    }

    synchronized void enableSessionCreation(boolean enable) {
        enableSessionCreation = enable;
    }

    synchronized String endpointIdentificationAlgorithm() {
        return endpointIdentificationAlgorithm;
    }

    synchronized AlgorithmConstraints algorithmConstraints() {
        return algorithmConstraints;
    }

    synchronized List<String> applicationProtocols() {
        return applicationProtocols;
    }

    synchronized int maximumPacketSize() {
        return maximumPacketSize;
    }

    /** A fresh copy, filled as SunJSSE fills it (null server names and matchers: none set). */
    synchronized SSLParameters sslParameters() {
        SSLParameters p = new SSLParameters();
        p.setAlgorithmConstraints(algorithmConstraints);
        p.setProtocols(enabledProtocols());
        p.setCipherSuites(enabledCipherSuites());
        if (clientAuth == ClientAuth.REQUIRED) {
            p.setNeedClientAuth(true);
        } else {
            p.setWantClientAuth(clientAuth == ClientAuth.WANTED);
        }
        p.setEndpointIdentificationAlgorithm(endpointIdentificationAlgorithm);
        p.setServerNames(serverNames);
        p.setSNIMatchers(sniMatchers);
        p.setApplicationProtocols(applicationProtocols.toArray(String[]::new));
        p.setUseCipherSuitesOrder(useCipherSuitesOrder);
        p.setEnableRetransmissions(enableRetransmissions);
        p.setMaximumPacketSize(maximumPacketSize);
        // As SunJSSE on JDK 20+: the lists in force, the defaults when the application set none.
        Jdk20Parameters.namedGroups(p, namedGroupNames != null ? namedGroupNames.toArray(String[]::new)
                : defaults.namedGroups().stream().map(NamedGroup::name).toArray(String[]::new));
        Jdk20Parameters.signatureSchemes(p, signatureSchemeNames != null ? signatureSchemeNames.toArray(String[]::new)
                : customizedSchemes());
        return p;
    }

    /**
     * SunJSSE's rules: a null algorithm constraint, suite list, protocol list, endpoint
     * identification algorithm, server name list, matcher collection or ALPN list leaves the
     * current value; client auth, cipher suite order, retransmissions and packet size are
     * always taken. The arguments are validated before anything changes.
     */
    synchronized void sslParameters(SSLParameters p) {
        List<CipherSuiteSpec> suites = p.getCipherSuites() == null ? enabledCipherSuites : validSuites(p.getCipherSuites());
        List<String> protocols = p.getProtocols() == null ? enabledProtocols : validProtocols(p.getProtocols());
        if (p.getAlgorithmConstraints() != null) {
            algorithmConstraints = p.getAlgorithmConstraints();
        }
        enabledCipherSuites = suites;
        enabledProtocols = protocols;
        if (p.getNeedClientAuth()) {
            clientAuth = ClientAuth.REQUIRED;
        } else {
            clientAuth = p.getWantClientAuth() ? ClientAuth.WANTED : ClientAuth.NONE;
        }
        if (p.getEndpointIdentificationAlgorithm() != null) {
            endpointIdentificationAlgorithm = p.getEndpointIdentificationAlgorithm();
        }
        if (p.getServerNames() != null) {
            serverNames = List.copyOf(p.getServerNames());
        }
        if (p.getSNIMatchers() != null) {
            sniMatchers = List.copyOf(p.getSNIMatchers());
        }
        if (p.getApplicationProtocols() != null) {
            applicationProtocols = List.of(p.getApplicationProtocols());
        }
        String[] groups = Jdk20Parameters.namedGroups(p);
        if (groups != null) {
            namedGroupNames = List.of(groups);
        }
        String[] schemes = Jdk20Parameters.signatureSchemes(p);
        if (schemes != null) {
            signatureSchemeNames = List.of(schemes);
        }
        useCipherSuitesOrder = p.getUseCipherSuitesOrder();
        enableRetransmissions = p.getEnableRetransmissions();
        maximumPacketSize = p.getMaximumPacketSize();
    }

    /**
     * The immutable snapshot a handshake runs on.
     *
     * @throws SSLHandshakeException when TLSv1.3 or every TLS 1.3 suite is disabled
     */
    synchronized HandshakeConfig toHandshakeConfig(Credentials credentials, PeerTrust peerTrust, SecureRandom random,
            Clock clock, String peerHost, int peerPort, Function<List<String>, String> alpnSelector)
            throws SSLHandshakeException {
        return toHandshakeConfig(credentials, peerTrust, random, clock, peerHost, peerPort, alpnSelector,
                Resumption.DISABLED);
    }

    /**
     * The immutable snapshot a handshake runs on, with session resumption as the context's
     * session context provides it.
     *
     * @throws SSLHandshakeException when TLSv1.3 or every TLS 1.3 suite is disabled
     */
    synchronized HandshakeConfig toHandshakeConfig(Credentials credentials, PeerTrust peerTrust, SecureRandom random,
            Clock clock, String peerHost, int peerPort, Function<List<String>, String> alpnSelector,
            Resumption resumption) throws SSLHandshakeException {
        Set<ProtocolVersion> versions = versions();
        if (versions.isEmpty()) {
            throw new SSLHandshakeException("No appropriate protocol: Padlock implements TLSv1.3 and TLSv1.2 and "
                    + "neither is enabled (enabled protocols: " + enabledProtocols
                    + "; see setEnabledProtocols and jdk.tls." + side() + ".protocols)");
        }
        List<CipherSuiteSpec> forVersions = enabledCipherSuites.stream()
                .filter(c -> versions.contains(c.isTls12() ? ProtocolVersion.TLSV1_2 : ProtocolVersion.TLSV1_3))
                .toList();
        if (forVersions.isEmpty()) {
            throw new SSLHandshakeException("No appropriate cipher suite: no cipher suite of the enabled protocols "
                    + enabledProtocols + " is enabled; Padlock supports " + ContextDefaults.supportedSuiteNames());
        }
        DisabledAlgorithms disabled = defaults.disabled();
        List<CipherSuiteSpec> suites = forVersions.stream().filter(c -> !disabled.disablesSuite(c)).toList();
        if (suites.isEmpty()) {
            throw new SSLHandshakeException("No appropriate cipher suite: every enabled suite " + List.of(
                    enabledCipherSuites()) + " is disabled by the security property " + DisabledAlgorithms.PROPERTY);
        }
        List<NamedGroup> groups = namedGroups();
        List<SignatureScheme> schemes = signatureSchemes();
        int keyShares = Math.min(ContextDefaults.KEY_SHARE_COUNT, groups.size());
        return HandshakeConfig.builder(clientMode)
                .cipherSuites(suites)
                .namedGroups(groups)
                .keyShareCount(keyShares)
                .signatureSchemes(schemes)
                .signatureSchemesCert(defaults.withCertificateOnlySchemes(schemes))
                .credentials(credentials)
                .peerTrust(peerTrust)
                .random(random)
                .clock(clock)
                .peer(peerHost, peerPort)
                .serverNames(clientMode ? clientServerNames(peerHost) : List.of())
                .sniMatchers(!clientMode && sniMatchers != null ? sniMatchers : List.of())
                .applicationProtocols(applicationProtocols)
                .alpnSelector(clientMode ? null : alpnSelector)
                .clientAuth(clientMode ? ClientAuth.NONE : clientAuth)
                .honorServerOrder(useCipherSuitesOrder)
                .middleboxCompatibility(defaults.middleboxCompatibility())
                .helloAuthorities(clientMode && defaults.clientAuthorities())
                .maxHandshakeMessageSize(defaults.maxHandshakeMessageSize())
                .resumption(resumption)
                .protocolVersions(versions)
                .build();
    }

    /** The enabled protocols Padlock speaks, as versions. */
    private Set<ProtocolVersion> versions() {
        Set<ProtocolVersion> versions = new HashSet<>();
        if (enabledProtocols.contains(ContextDefaults.TLS13)) {
            versions.add(ProtocolVersion.TLSV1_3);
        }
        if (enabledProtocols.contains(ContextDefaults.TLS12)) {
            versions.add(ProtocolVersion.TLSV1_2);
        }
        return versions;
    }

    /**
     * SunJSSE (JDK 25) reports no signature schemes unless they were customized, by the
     * application or by {@code jdk.tls.*.SignatureSchemes}.
     */
    private String[] customizedSchemes() {
        List<SignatureScheme> side = defaults.side(clientMode).signatureSchemes();
        return side.equals(ContextDefaults.SUPPORTED_SCHEMES) ? null
                : side.stream().map(SignatureScheme::name).toArray(String[]::new);
    }

    /** The groups in force: the application's (JDK 20+ SSLParameters) that Padlock supports, else the context's. */
    private List<NamedGroup> namedGroups() throws SSLHandshakeException {
        if (namedGroupNames == null) {
            if (defaults.namedGroups().isEmpty()) {
                throw new SSLHandshakeException("No appropriate named group: every group is disabled by the security "
                        + "property " + DisabledAlgorithms.PROPERTY);
            }
            return defaults.namedGroups();
        }
        List<NamedGroup> groups = ContextDefaults.named(namedGroupNames, ContextDefaults.SUPPORTED_GROUPS,
                NamedGroup::name).stream().filter(g -> !defaults.disabled().disablesGroup(g)).toList();
        if (groups.isEmpty()) {
            throw new SSLHandshakeException("No appropriate named group: SSLParameters.setNamedGroups("
                    + namedGroupNames + ") names none Padlock supports and " + DisabledAlgorithms.PROPERTY + " allows; Padlock supports "
                    + ContextDefaults.SUPPORTED_GROUPS.stream().map(NamedGroup::name).toList());
        }
        return groups;
    }

    /** The CertificateVerify schemes in force: the application's that Padlock supports, else the side's. */
    private List<SignatureScheme> signatureSchemes() throws SSLHandshakeException {
        if (signatureSchemeNames == null) {
            if (defaults.side(clientMode).signatureSchemes().isEmpty()) {
                throw new SSLHandshakeException("No appropriate signature scheme: every scheme is disabled by the "
                        + "security property " + DisabledAlgorithms.PROPERTY);
            }
            return defaults.side(clientMode).signatureSchemes();
        }
        List<SignatureScheme> schemes = ContextDefaults.named(signatureSchemeNames, ContextDefaults.SUPPORTED_SCHEMES,
                SignatureScheme::name).stream().filter(c -> !defaults.disabled().disablesHandshakeScheme(c)).toList();
        if (schemes.isEmpty()) {
            throw new SSLHandshakeException("No appropriate signature scheme: SSLParameters.setSignatureSchemes("
                    + signatureSchemeNames + ") names none Padlock supports and " + DisabledAlgorithms.PROPERTY + " allows; Padlock supports "
                    + ContextDefaults.SUPPORTED_SCHEMES.stream().map(SignatureScheme::name).toList());
        }
        return schemes;
    }

    private String side() {
        return clientMode ? "client" : "server";
    }

    private List<SNIServerName> clientServerNames(String peerHost) {
        if (serverNames != null) {
            return serverNames;
        }
        SNIHostName name = defaultServerName(peerHost);
        return name == null ? List.of() : List.of(name);
    }

    /**
     * SunJSSE's rule for the SNI a client sends when the application set none: the peer host
     * without a trailing dot, if it contains a dot after its first character and is not an IP
     * literal. So "localhost" sends no server_name.
     */
    static SNIHostName defaultServerName(String peerHost) {
        if (peerHost == null) {
            return null;
        }
        String host = peerHost.endsWith(".") ? peerHost.substring(0, peerHost.length() - 1) : peerHost;
        if (host.indexOf('.') <= 0 || host.endsWith(".") || isIpLiteral(host)) {
            return null;
        }
        try {
            return new SNIHostName(host);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
    }

    /** IPv6 literals contain a colon; IPv4 literals (in any inet_aton form) only digits and dots. */
    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static List<CipherSuiteSpec> validSuites(String[] names) {
        if (names == null) {
            throw new IllegalArgumentException("CipherSuites cannot be null");
        }
        List<CipherSuiteSpec> out = new ArrayList<>();
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(
                        "The specified CipherSuites array contains invalid null or empty string elements");
            }
            var suite = ContextDefaults.suiteNamed(name);
            if (suite.isPresent()) {
                if (!out.contains(suite.get())) {
                    out.add(suite.get());
                }
            } else if (!FOREIGN_SUITE.matcher(name).matches()) {
                throw new IllegalArgumentException("Unsupported CipherSuite: " + name);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> validProtocols(String[] names) {
        for (String name : names) {
            if (name == null || !ContextDefaults.KNOWN_PROTOCOLS.contains(name)) {
                throw new IllegalArgumentException("Unsupported protocol: " + name);
            }
        }
        List<String> given = List.of(names);
        return ContextDefaults.SUPPORTED_PROTOCOLS.stream().filter(given::contains).toList();
    }
}
