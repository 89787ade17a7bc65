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
 * chosen by a server. Adding a group (X25519MLKEM768, say) is one line here.
 */
public final class KeyExchanges {
    private static final Map<NamedGroup, KeyExchange> SUPPORTED = Stream.of(
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
