package dev.padlock.crypto;

import dev.padlock.wire.FailureReason;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The key exchanges a client started for one ClientHello: its client_shares (RFC 8446 §4.2.8),
 * one per group, in the client's preference order. The server picks one group; its ServerHello
 * key_share finishes that exchange, and the others are dropped unused.
 */
public final class ClientKeyShares {
    private final List<ClientKeyShare> shares;

    private ClientKeyShares(List<ClientKeyShare> shares) {
        this.shares = List.copyOf(shares);
    }

    /** Starts exchanges for the first {@code count} groups of {@code groups} that Padlock supports. */
    public static ClientKeyShares start(List<NamedGroup> groups, int count, SecureRandom random) {
        List<ClientKeyShare> started = new ArrayList<>();
        for (NamedGroup group : groups) {
            if (started.size() < count && KeyExchanges.supports(group)) {
                started.add(KeyExchanges.of(group).start(random));
            }
        }
        return new ClientKeyShares(started);
    }

    /**
     * The single share of a second ClientHello, for the group a HelloRetryRequest selected
     * (RFC 8446 §4.1.4, §4.2.8): a new exchange, nothing reused from the first.
     */
    public static ClientKeyShares startOne(NamedGroup group, SecureRandom random) {
        return new ClientKeyShares(List.of(KeyExchanges.of(group).start(random)));
    }

    /** The client_shares of the key_share extension, in order. */
    public List<KeyShareEntry> entries() {
        List<KeyShareEntry> entries = new ArrayList<>(shares.size());
        for (ClientKeyShare share : shares) {
            entries.add(new KeyShareEntry(share.group(), share.keyShare()));
        }
        return entries;
    }

    public boolean offers(NamedGroup group) {
        return shares.stream().anyMatch(s -> s.group().equals(group));
    }

    /**
     * The shared secret of the exchange the server chose (RFC 8446 §4.2.8: its server_share
     * must be in a group the client sent a share for), which the caller zeroes once used.
     */
    public byte[] finish(KeyShareEntry serverShare) {
        NamedGroup group = serverShare.group();
        ClientKeyShare mine = shares.stream().filter(s -> s.group().equals(group)).findFirst().orElseThrow(
                () -> new TlsFailure(FailureReason.SERVER_HELLO_GROUP_NOT_SHARED,
                        "ServerHello key_share uses " + group + ", for which no share was sent"));
        return mine.finish(serverShare.keyExchange());
    }

    @Override
    public String toString() {
        return "ClientKeyShares" + shares;
    }
}
