package dev.padlock.jsse;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.security.Security;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a context supports and enables by default, read once from the {@code jdk.tls.*}
 * properties when the context is created.
 *
 * <p>Property lists follow SunJSSE's syntax: comma separated, blanks trimmed, optionally
 * wrapped in double quotes; an unset or empty property means the built-in default. Names we
 * do not implement are ignored, as SunJSSE ignores names it does not know. Where the result
 * would be empty SunJSSE is inconsistent (an error for groups, a silent fall back to the
 * defaults for suites and schemes); Padlock makes every empty result an error that names the
 * property, because silently ignoring a security setting is worse than refusing to start.
 * Protocol lists differ: a name no JSSE knows is an error (as in SunJSSE), and a list without
 * TLSv1.3 leaves the side with no enabled protocol, so its handshakes fail saying why.
 */
final class ContextDefaults {
    static final String TLS13 = "TLSv1.3";
    static final String TLS12 = "TLSv1.2";

    /** Protocol names SunJSSE knows; Padlock accepts them in settings and drops all but TLSv1.3 and TLSv1.2. */
    static final Set<String> KNOWN_PROTOCOLS = Set.of("SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1", TLS12, TLS13);

    /** The protocols Padlock speaks, highest first, as SunJSSE lists them. */
    static final List<String> SUPPORTED_PROTOCOLS = List.of(TLS13, TLS12);

    /**
     * AES-128-GCM first: the default groups and certificates give about 128-bit security, so
     * AES-256 costs more without raising the connection's strength (the JDK puts AES-256 first;
     * Go and BoringSSL put AES-128 first). ChaCha20 last: the JDK intrinsifies AES-GCM on x86-64
     * and AArch64, and through JCA we cannot detect a CPU without AES instructions the way native
     * stacks do before moving ChaCha20 first.
     */
    static final List<CipherSuiteSpec> SUPPORTED_SUITES = Stream.concat(Stream.of(
            CipherSuiteSpec.TLS_AES_128_GCM_SHA256,
            CipherSuiteSpec.TLS_AES_256_GCM_SHA384,
            CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256),
            // The TLS 1.2 suites after the TLS 1.3 ones, in SunJSSE's order.
            CipherSuiteSpec.SUPPORTED_TLS12.stream()).toList();

    /**
     * The finite field groups (RFC 7919) come after the elliptic curves, as in SunJSSE's default
     * list: a client sends key shares only for its first {@link #KEY_SHARE_COUNT} groups, so it
     * computes an FFDHE share only when a server asks for one by HelloRetryRequest; and a Padlock
     * server takes an FFDHE group only from a client that supports none of its other groups.
     */
    static final List<NamedGroup> SUPPORTED_GROUPS = List.of(
            NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.X448, NamedGroup.SECP521R1,
            NamedGroup.FFDHE2048, NamedGroup.FFDHE3072, NamedGroup.FFDHE4096, NamedGroup.FFDHE6144,
            NamedGroup.FFDHE8192);

    /** SunJSSE's default order for TLS 1.3 (signature_algorithms). */
    static final List<SignatureScheme> SUPPORTED_SCHEMES = List.of(
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.ECDSA_SECP521R1_SHA512, SignatureScheme.ED25519, SignatureScheme.ED448,
            SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA512, SignatureScheme.RSA_PSS_PSS_SHA256,
            SignatureScheme.RSA_PSS_PSS_SHA384, SignatureScheme.RSA_PSS_PSS_SHA512);

    /**
     * Schemes accepted only in certificates (RFC 8446 §4.2.3: PKCS#1 v1.5 and SHA-1 may appear
     * in signature_algorithms_cert). A JDK 17 SunJSSE client sends exactly these after the
     * handshake schemes in its TLS 1.3 signature_algorithms_cert.
     */
    static final List<SignatureScheme> CERT_ONLY_SCHEMES = List.of(
            SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512,
            SignatureScheme.ECDSA_SHA1, SignatureScheme.RSA_PKCS1_SHA1);

    /** SunJSSE sends key shares for its first two groups; so do we, saving an HRR with P-256-only servers. */
    static final int KEY_SHARE_COUNT = 2;

    /** The per-side defaults. */
    record Side(List<String> protocols, List<CipherSuiteSpec> cipherSuites, List<SignatureScheme> signatureSchemes) {
        Side {
            protocols = List.copyOf(protocols);
            cipherSuites = List.copyOf(cipherSuites);
            signatureSchemes = List.copyOf(signatureSchemes);
        }
    }

    private final List<NamedGroup> namedGroups;
    private final Side client;
    private final Side server;
    private final boolean middleboxCompatibility;
    private final int maxHandshakeMessageSize;
    private final int sessionCacheSize;
    private final boolean clientSessionTickets;
    private final boolean serverSessionTickets;
    private final boolean clientAuthorities;
    private final DisabledAlgorithms disabled;

    private ContextDefaults(List<NamedGroup> namedGroups, Side client, Side server, boolean middleboxCompatibility,
            int maxHandshakeMessageSize, int sessionCacheSize, boolean clientSessionTickets,
            boolean serverSessionTickets, boolean clientAuthorities, DisabledAlgorithms disabled) {
        this.disabled = disabled;
        this.namedGroups = namedGroups.stream().filter(g -> !disabled.disablesGroup(g)).toList();
        this.client = client;
        this.server = server;
        this.middleboxCompatibility = middleboxCompatibility;
        this.maxHandshakeMessageSize = maxHandshakeMessageSize;
        this.sessionCacheSize = sessionCacheSize;
        this.clientSessionTickets = clientSessionTickets;
        this.serverSessionTickets = serverSessionTickets;
        this.clientAuthorities = clientAuthorities;
    }

    /** The operator's {@code jdk.tls.disabledAlgorithms}, which every list in force leaves out. */
    DisabledAlgorithms disabled() {
        return disabled;
    }

    /** Built from the system properties; for a context. */
    static ContextDefaults fromSystemProperties() {
        return from(System::getProperty, Security::getProperty);
    }

    /**
     * @param properties looks a property up; null when unset
     * @throws IllegalArgumentException when a property names nothing usable or an unknown protocol
     */
    static ContextDefaults from(Function<String, String> properties) {
        return from(properties, properties);
    }

    /**
     * @param properties looks a system property up; null when unset
     * @param security   looks a security property up ({@code jdk.tls.disabledAlgorithms} and what it includes)
     */
    static ContextDefaults from(Function<String, String> properties, Function<String, String> security) {
        DisabledAlgorithms disabled = DisabledAlgorithms.parse(security.apply(DisabledAlgorithms.PROPERTY), security);
        List<NamedGroup> groups = parse(properties, "jdk.tls.namedGroups", SUPPORTED_GROUPS, NamedGroup::name)
                .orElse(SUPPORTED_GROUPS);
        return new ContextDefaults(groups, side(properties, "client", disabled), side(properties, "server", disabled),
                bool(properties, "jdk.tls.client.useCompatibilityMode", true),
                positiveInt(properties, "jdk.tls.maxHandshakeMessageSize",
                        HandshakeConfig.DEFAULT_MAX_HANDSHAKE_MESSAGE_SIZE),
                sessionCacheSize(properties.apply("javax.net.ssl.sessionCacheSize")),
                notFalse(properties, "jdk.tls.client.enableSessionTicketExtension"),
                notFalse(properties, "jdk.tls.server.enableSessionTicketExtension"),
                bool(properties, "jdk.tls.client.enableCAExtension", false), disabled);
    }

    /** As SunJSSE: a value that is not a non-negative integer falls back to the default. */
    private static int sessionCacheSize(String value) {
        if (value != null) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException ignoredAsSunJsseDoes) {
                return PadlockSessionContext.DEFAULT_CACHE_SIZE;
            }
        }
        return PadlockSessionContext.DEFAULT_CACHE_SIZE;
    }

    /** As SunJSSE reads the session ticket switches: only "false" (any case) turns them off. */
    private static boolean notFalse(Function<String, String> properties, String property) {
        String v = properties.apply(property);
        return v == null || !v.trim().equalsIgnoreCase("false");
    }

    /** As SunJSSE: unset means the default; anything but true or false (any case) is an error. */
    private static boolean bool(Function<String, String> properties, String property, boolean unset) {
        String v = properties.apply(property);
        if (v == null) {
            return unset;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("Value of " + property + " must either be 'true' or 'false'");
    }

    private static int positiveInt(Function<String, String> properties, String property, int unset) {
        String v = properties.apply(property);
        if (v == null || v.isBlank()) {
            return unset;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("System property " + property + "(" + v + ") is not an integer", e);
        }
        if (n <= 0) {
            throw new IllegalArgumentException("System property " + property + "(" + v + ") must be positive");
        }
        return n;
    }

    /** One side's lists, less what {@code jdk.tls.disabledAlgorithms} disables (as SunJSSE's defaults). */
    private static Side side(Function<String, String> properties, String side, DisabledAlgorithms disabled) {
        List<String> protocols = protocols(properties, "jdk.tls." + side + ".protocols").orElse(SUPPORTED_PROTOCOLS)
                .stream().filter(p -> !disabled.disablesProtocol(p)).toList();
        List<CipherSuiteSpec> suites = parse(properties, "jdk.tls." + side + ".cipherSuites", SUPPORTED_SUITES,
                s -> s.suite().name()).orElse(SUPPORTED_SUITES)
                .stream().filter(s -> !disabled.disablesSuite(s)).toList();
        List<SignatureScheme> schemes = parse(properties, "jdk.tls." + side + ".SignatureSchemes", SUPPORTED_SCHEMES,
                SignatureScheme::name).orElse(SUPPORTED_SCHEMES)
                .stream().filter(s -> !disabled.disablesHandshakeScheme(s)).toList();
        return new Side(protocols, suites, schemes);
    }

    /** The items of {@code known} named by the property, in the property's order; empty when unset. */
    static <T> Optional<List<T>> parse(Function<String, String> properties, String property, List<T> known,
            Function<T, String> nameOf) {
        List<String> names = split(properties.apply(property));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        List<T> chosen = named(names, known, nameOf);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("System property " + property + "(" + properties.apply(property)
                    + ") names nothing Padlock supports; it supports " + known.stream().map(nameOf).toList());
        }
        return Optional.of(chosen);
    }

    /** The items of {@code known} that {@code names} name, in that order, once each; unknown names are ignored. */
    static <T> List<T> named(List<String> names, List<T> known, Function<T, String> nameOf) {
        Map<String, T> byName = known.stream().collect(Collectors.toMap(nameOf, t -> t));
        Set<T> chosen = new LinkedHashSet<>();
        for (String name : names) {
            T t = byName.get(name);
            if (t != null) {
                chosen.add(t);
            }
        }
        return List.copyOf(chosen);
    }

    private static Optional<List<String>> protocols(Function<String, String> properties, String property) {
        List<String> names = split(properties.apply(property));
        if (names.isEmpty()) {
            return Optional.empty();
        }
        for (String name : names) {
            if (!KNOWN_PROTOCOLS.contains(name)) {
                throw new IllegalArgumentException(property + ": " + name + " is not a supported SSL protocol name");
            }
        }
        return Optional.of(SUPPORTED_PROTOCOLS.stream().filter(names::contains).toList());
    }

    /** SunJSSE's list syntax: surrounding double quotes removed, split on commas, blanks trimmed. */
    static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        String v = value;
        if (v.length() > 1 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    List<NamedGroup> namedGroups() {
        return namedGroups;
    }

    /** Client: RFC 8446 §D.4 middlebox compatibility ({@code jdk.tls.client.useCompatibilityMode}). */
    boolean middleboxCompatibility() {
        return middleboxCompatibility;
    }

    int maxHandshakeMessageSize() {
        return maxHandshakeMessageSize;
    }

    /** The initial size of both session caches ({@code javax.net.ssl.sessionCacheSize}). */
    int sessionCacheSize() {
        return sessionCacheSize;
    }

    /**
     * Session tickets and PSK resumption for one side ({@code jdk.tls.client.enableSessionTicketExtension},
     * {@code jdk.tls.server.enableSessionTicketExtension}): false means a client offers no
     * ticket and a server issues none.
     */
    boolean sessionTickets(boolean clientMode) {
        return clientMode ? clientSessionTickets : serverSessionTickets;
    }

    /**
     * Client: certificate_authorities in ClientHello ({@code jdk.tls.client.enableCAExtension},
     * off by default as in SunJSSE: a large trust store makes the ClientHello large).
     */
    boolean clientAuthorities() {
        return clientAuthorities;
    }

    Side side(boolean clientMode) {
        return clientMode ? client : server;
    }

    /** signature_algorithms_cert: the side's handshake schemes, then the certificate-only ones. */
    List<SignatureScheme> certificateSchemes(boolean clientMode) {
        return withCertificateOnlySchemes(side(clientMode).signatureSchemes());
    }

    /**
     * signature_algorithms_cert for these handshake schemes: them, then the certificate-only
     * ones that {@code jdk.tls.disabledAlgorithms} leaves for certificates.
     */
    List<SignatureScheme> withCertificateOnlySchemes(List<SignatureScheme> handshakeSchemes) {
        Set<SignatureScheme> all = new LinkedHashSet<>(handshakeSchemes);
        CERT_ONLY_SCHEMES.stream().filter(s -> !disabled.disablesCertificateScheme(s)).forEach(all::add);
        return List.copyOf(all);
    }

    static List<String> supportedSuiteNames() {
        return SUPPORTED_SUITES.stream().map(s -> s.suite().name()).toList();
    }

    static Optional<CipherSuiteSpec> suiteNamed(String name) {
        return SUPPORTED_SUITES.stream().filter(s -> s.suite().name().equals(name)).findFirst();
    }
}
