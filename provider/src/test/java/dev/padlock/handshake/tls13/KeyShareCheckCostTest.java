package dev.padlock.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's key_share check (RFC 8446 §4.2.8) reads each peer-supplied list once: a
 * ClientHello of thousands of shares and groups must not cost shares × groups comparisons.
 * The cost is counted in element reads of supported_groups, not timed.
 */
class KeyShareCheckCostTest {

    /** A list that counts how often its elements are read. */
    private static final class CountingList<T> extends AbstractList<T> {
        private final List<T> items;
        long reads;

        CountingList(List<T> items) {
            this.items = items;
        }

        @Override
        public T get(int index) {
            reads++;
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    private static final int GROUPS = 4000;

    private static CountingList<NamedGroup> groups() {
        List<NamedGroup> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(new NamedGroup(0x1000 + i));
        }
        return new CountingList<>(groups);
    }

    @Test
    void manySharesAndGroupsAreCheckedInOnePassOverSupportedGroups() {
        CountingList<NamedGroup> groups = groups();
        List<KeyShareEntry> shares = new ArrayList<>();
        // Shares for the last half of the groups: a scan per share would read ~3/4 of the list each time.
        for (int i = GROUPS / 2; i < GROUPS; i++) {
            shares.add(new KeyShareEntry(new NamedGroup(0x1000 + i), Bytes.of((byte) 1)));
        }
        ExpectClientHello.checkKeyShares(shares, groups);
        assertTrue(groups.reads <= 2L * GROUPS, groups.reads + " reads of a " + GROUPS + "-entry supported_groups");
    }

    @Test
    void aShareOutsideSupportedGroupsIsStillIllegalParameter() {
        List<KeyShareEntry> shares = List.of(new KeyShareEntry(new NamedGroup(0x0FFF), Bytes.of((byte) 1)));
        TlsFailure f = assertThrows(TlsFailure.class, () -> ExpectClientHello.checkKeyShares(shares, groups()));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(FailureReason.KEY_SHARE_GROUP_NOT_IN_SUPPORTED_GROUPS, f.reason());
        assertTrue(f.getMessage().contains("not in supported_groups"), f.getMessage());
    }

    @Test
    void twoSharesForOneGroupAreStillIllegalParameter() {
        KeyShareEntry share = new KeyShareEntry(new NamedGroup(0x1000), Bytes.of((byte) 1));
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> ExpectClientHello.checkKeyShares(List.of(share, share), groups()));
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
        assertEquals(FailureReason.KEY_SHARE_DUPLICATE_GROUP, f.reason());
        assertTrue(f.getMessage().contains("two key shares"), f.getMessage());
    }
}
