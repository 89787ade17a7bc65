package dev.padlock.core;

import dev.padlock.handshake.HandshakeConfig;
import java.util.Objects;

/**
 * The connection's immutable configuration: the handshake's snapshot plus the record-level
 * limits that protect us from a peer that sends endless nothing.
 *
 * @param handshake               everything the handshake needs
 * @param maxEmptyRecordsInARow   zero-length application_data records tolerated back to back
 * @param maxKeyUpdatesInARow     peer KeyUpdates tolerated without application data between them
 * @param observer                key log and debug log; {@link ConnectionObserver#NONE} for neither
 */
public record Config(HandshakeConfig handshake, int maxEmptyRecordsInARow, int maxKeyUpdatesInARow,
        ConnectionObserver observer) {

    /** Limits as other stacks set them (OpenSSL allows 32 empty records in a row). */
    public static final int DEFAULT_MAX_EMPTY_RECORDS = 32;
    public static final int DEFAULT_MAX_KEY_UPDATES = 32;

    public Config {
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(observer, "observer");
        if (maxEmptyRecordsInARow < 0 || maxKeyUpdatesInARow < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static Config of(HandshakeConfig handshake) {
        return of(handshake, ConnectionObserver.NONE);
    }

    public static Config of(HandshakeConfig handshake, ConnectionObserver observer) {
        return new Config(handshake, DEFAULT_MAX_EMPTY_RECORDS, DEFAULT_MAX_KEY_UPDATES, observer);
    }
}
