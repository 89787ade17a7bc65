package dev.padlock.jsse;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The operator's {@code jdk.tls.disabledAlgorithms} (a security property, in java.security),
 * applied to Padlock's own protocols, suites, groups and signature schemes as SunJSSE applies it
 * to its own. An entry disables what it names, case-insensitively: a protocol, a suite (a
 * trailing {@code *} matches a prefix, as in {@code TLS_RSA_*}), a suite's bulk cipher
 * ({@code AES_128_GCM}, {@code CHACHA20_POLY1305}), a group, a signature scheme, or a part of
 * one ({@code SHA1}, {@code ECDSA}, {@code RSASSA-PSS}, {@code EdDSA}, {@code SHA256withECDSA}).
 * {@code include} pulls in another security property. Constraints: {@code EC keySize < n}
 * (and the other comparisons) disables the secp curves it covers, {@code DH keySize < n} the
 * FFDHE groups; {@code usage HandshakeSignature}
 * limits a scheme's entry to CertificateVerify. Constraints on certificates and keys
 * ({@code jdkCA}, {@code denyAfter}, other usages, {@code RSA keySize}) are the trust manager's,
 * which applies {@code jdk.certpath.disabledAlgorithms} as under SunJSSE; they do not touch
 * Padlock's lists.
 */
final class DisabledAlgorithms {
    static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    static final DisabledAlgorithms NONE = new DisabledAlgorithms(List.of());

    /** One entry: the algorithm it names and its constraint ("" for none). */
    private record Entry(String algorithm, String constraint) {
        boolean names(String candidate) {
            if (algorithm.endsWith("*")) {
                return candidate.regionMatches(true, 0, algorithm, 0, algorithm.length() - 1);
            }
            return algorithm.equalsIgnoreCase(candidate);
        }
    }

    /** The bit sizes the {@code EC keySize} constraint compares (the curves' field sizes). */
    private static final Map<NamedGroup, Integer> EC_SIZES = Map.of(NamedGroup.SECP256R1, 256,
            NamedGroup.SECP384R1, 384, NamedGroup.SECP521R1, 521);
    /** The bit sizes the {@code DH keySize} constraint compares (the RFC 7919 primes' sizes). */
    private static final Map<NamedGroup, Integer> DH_SIZES = Map.of(NamedGroup.FFDHE2048, 2048,
            NamedGroup.FFDHE3072, 3072, NamedGroup.FFDHE4096, 4096, NamedGroup.FFDHE6144, 6144,
            NamedGroup.FFDHE8192, 8192);

    private final List<Entry> entries;

    private DisabledAlgorithms(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param value    the property's value (null: nothing disabled)
     * @param security looks up other security properties, for {@code include}
     */
    static DisabledAlgorithms parse(String value, Function<String, String> security) {
        List<Entry> entries = new ArrayList<>();
        add(value, security, entries, new HashSet<>());
        return new DisabledAlgorithms(entries);
    }

    private static void add(String value, Function<String, String> security, List<Entry> into, Set<String> included) {
        for (String item : ContextDefaults.split(value)) {
            String[] parts = item.trim().split("\\s+", 2);
            String constraint = parts.length > 1 ? parts[1].trim() : "";
            if (parts[0].equalsIgnoreCase("include")) {
                // A property includes another once; a cycle includes nothing more.
                if (included.add(constraint)) {
                    add(security.apply(constraint), security, into, included);
                }
            } else {
                into.add(new Entry(parts[0], constraint));
            }
        }
    }

    boolean disablesProtocol(String protocol) {
        return entries.stream().anyMatch(e -> e.constraint().isEmpty() && e.names(protocol));
    }

    boolean disablesSuite(CipherSuiteSpec suite) {
        String name = suite.suite().name();
        // TLS_<bulk cipher>_<hash>: the bulk cipher is what lies between.
        String bulk = name.substring("TLS_".length(), name.lastIndexOf('_'));
        return entries.stream().anyMatch(e -> e.constraint().isEmpty()
                && (e.names(name) || e.names(bulk)));
    }

    boolean disablesGroup(NamedGroup group) {
        for (Entry e : entries) {
            if (e.constraint().isEmpty() && e.names(group.name())) {
                return true;
            }
            Integer ec = EC_SIZES.get(group);
            if (ec != null && e.algorithm().equalsIgnoreCase("EC") && keySizeDisables(e.constraint(), ec)) {
                return true;
            }
            Integer dh = DH_SIZES.get(group);
            if (dh != null && (e.algorithm().equalsIgnoreCase("DH") || e.algorithm().equalsIgnoreCase("DiffieHellman"))
                    && keySizeDisables(e.constraint(), dh)) {
                return true;
            }
        }
        return false;
    }

    /** For CertificateVerify: every entry naming the scheme or one of its parts. */
    boolean disablesHandshakeScheme(SignatureScheme scheme) {
        return disablesScheme(scheme, true);
    }

    /** For certificates (signature_algorithms_cert): as above, less the HandshakeSignature-only entries. */
    boolean disablesCertificateScheme(SignatureScheme scheme) {
        return disablesScheme(scheme, false);
    }

    private boolean disablesScheme(SignatureScheme scheme, boolean handshake) {
        List<String> parts = parts(scheme.name());
        for (Entry e : entries) {
            boolean applies = e.constraint().isEmpty()
                    || handshake && usages(e.constraint()).contains("handshakesignature");
            if (applies && parts.stream().anyMatch(e::names)) {
                return true;
            }
        }
        return false;
    }

    /** A scheme's name and the algorithm names it is made of, as SunJSSE decomposes them. */
    private static List<String> parts(String scheme) {
        List<String> parts = new ArrayList<>(List.of(scheme));
        String hash = "";
        int sha = scheme.lastIndexOf("_sha");
        if (sha >= 0) {
            String bits = scheme.substring(sha + "_sha".length());
            hash = "SHA" + bits;
            parts.add(hash);
            parts.add("SHA-" + bits);
        }
        if (scheme.startsWith("ecdsa_")) {
            parts.addAll(List.of("ECDSA", "EC", hash + "withECDSA"));
        } else if (scheme.startsWith("rsa_pss_")) {
            parts.add("RSASSA-PSS");
        } else if (scheme.startsWith("rsa_pkcs1_")) {
            parts.addAll(List.of("RSA", hash + "withRSA"));
        } else if (scheme.startsWith("ed")) {
            parts.addAll(List.of(scheme.equals("ed25519") ? "Ed25519" : "Ed448", "EdDSA"));
        }
        return parts;
    }

    /** The lower-cased usages of a {@code usage a b c} constraint, or none. */
    private static Set<String> usages(String constraint) {
        String[] words = constraint.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 2 || !words[0].equals("usage")) {
            return Set.of();
        }
        return Arrays.stream(words).skip(1).collect(Collectors.toSet());
    }

    /** Whether {@code keySize OP n} holds for a key of {@code bits}: then it is disabled. */
    static boolean keySizeDisables(String constraint, int bits) {
        String[] words = constraint.split("\\s+");
        if (words.length != 3 || !words[0].equalsIgnoreCase("keySize")) {
            return false;
        }
        int n;
        try {
            n = Integer.parseInt(words[2]);
        } catch (NumberFormatException e) {
            return false;
        }
        return switch (words[1]) {
            case "<" -> bits < n;
            case "<=" -> bits <= n;
            case ">" -> bits > n;
            case ">=" -> bits >= n;
            case "==" -> bits == n;
            case "!=" -> bits != n;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return "DisabledAlgorithms(" + entries.size() + " entries)";
    }
}
