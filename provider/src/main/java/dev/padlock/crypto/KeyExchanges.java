package dev.padlock.crypto;

import dev.padlock.wire.NamedGroup;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The named groups (RFC 8446 §4.2.7) Padlock can exchange keys in, one {@link KeyExchange} each.
 * A group listed in supported_groups but absent here is never offered in a key_share nor
 * chosen by a server. Adding a group is one line here.
 */
public final class KeyExchanges {
    /** draft-ietf-tls-ecdhe-mlkem §3: ML-KEM first in X25519MLKEM768, ECDH first in SecP256r1MLKEM768. */
    private static final Map<NamedGroup, KeyExchange> SUPPORTED = Stream.of(
                    new HybridKeyExchange(NamedGroup.X25519MLKEM768, MlKemKeyExchange.ML_KEM_768, XdhKeyExchange.X25519),
                    new HybridKeyExchange(NamedGroup.SECP256R1MLKEM768, EcdhKeyExchange.SECP256R1,
                            MlKemKeyExchange.ML_KEM_768),
                    XdhKeyExchange.X25519,
                    XdhKeyExchange.X448,
                    EcdhKeyExchange.SECP256R1,
                    EcdhKeyExchange.SECP384R1,
                    EcdhKeyExchange.SECP521R1,
                    FfdheKeyExchange.FFDHE2048,
                    FfdheKeyExchange.FFDHE3072,
                    FfdheKeyExchange.FFDHE4096,
                    FfdheKeyExchange.FFDHE6144,
                    FfdheKeyExchange.FFDHE8192)
            .collect(Collectors.toUnmodifiableMap(KeyExchange::group, Function.identity()));

    private KeyExchanges() {
    }

    public static boolean supports(NamedGroup group) {
        return SUPPORTED.containsKey(group);
    }

    public static Optional<KeyExchange> find(NamedGroup group) {
        return Optional.ofNullable(SUPPORTED.get(group));
    }

    /**
     * What a server weighs before its own order (RFC 8446 §4.2.7 leaves the choice to it): a
     * post-quantum hybrid protects today's traffic against a future quantum computer, an elliptic
     * curve costs far less than a finite field group.
     */
    public enum Kind {
        POST_QUANTUM_HYBRID, ELLIPTIC_CURVE, FINITE_FIELD
    }

    public static Kind kind(NamedGroup group) {
        if (isFiniteField(group)) {
            return Kind.FINITE_FIELD;
        }
        return SUPPORTED.get(group) instanceof HybridKeyExchange ? Kind.POST_QUANTUM_HYBRID : Kind.ELLIPTIC_CURVE;
    }

    /**
     * Whether {@code group} is a finite field group, known to us or not: RFC 7919 gives them the
     * codes 256 to 511 (RFC 8446 §4.2.7 lists 0x0100..0x0104 and private use 0x01FC..0x01FF).
     */
    public static boolean isFiniteField(NamedGroup group) {
        return (group.code() & 0xFF00) == 0x0100;
    }

    /** The key exchange of {@code group}; {@link IllegalArgumentException} for a group {@link #supports} rejects. */
    public static KeyExchange of(NamedGroup group) {
        return find(group).orElseThrow(() -> new IllegalArgumentException("unsupported key exchange group " + group));
    }
}
