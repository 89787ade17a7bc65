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
 * chosen by a server. Adding a group (an FFDHE group of RFC 7919, X25519MLKEM768) is one line here.
 */
public final class KeyExchanges {
    private static final Map<NamedGroup, KeyExchange> SUPPORTED = Stream.of(
                    XdhKeyExchange.X25519,
                    XdhKeyExchange.X448,
                    EcdhKeyExchange.SECP256R1,
                    EcdhKeyExchange.SECP384R1,
                    EcdhKeyExchange.SECP521R1)
            .collect(Collectors.toUnmodifiableMap(KeyExchange::group, Function.identity()));

    private KeyExchanges() {
    }

    public static boolean supports(NamedGroup group) {
        return SUPPORTED.containsKey(group);
    }

    public static Optional<KeyExchange> find(NamedGroup group) {
        return Optional.ofNullable(SUPPORTED.get(group));
    }

    /** The key exchange of {@code group}; {@link IllegalArgumentException} for a group {@link #supports} rejects. */
    public static KeyExchange of(NamedGroup group) {
        return find(group).orElseThrow(() -> new IllegalArgumentException("unsupported key exchange group " + group));
    }
}
