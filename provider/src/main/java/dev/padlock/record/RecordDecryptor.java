package dev.padlock.record;

import dev.padlock.wire.ContentType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Removes the protection of incoming records of one direction and epoch: one per set of keys
 * the handshake installs ({@link RecordProtection#decryptor}). A record that fails to open
 * leaves the sequence number where it was.
 */
public interface RecordDecryptor {

    /**
     * The room {@link #open} needs in {@code dst} for a record of this total length (header
     * included); some of it may be scratch space past the content.
     */
    int maxOpenedLength(int recordLength);

    /** The most content a record of this total length (header included) can deliver. */
    int maxContentLength(int recordLength);

    /**
     * Opens one protected record: consumes exactly one whole record (header and payload) from
     * {@code record} and puts its content into {@code dst} (a relative put, ready to
     * {@code flip}). If this throws, {@code dst}'s position is unchanged.
     *
     * @return the record's real content type
     * @throws dev.padlock.wire.TlsFailure with the alert the record calls for
     * @throws IllegalArgumentException if {@code record} does not hold a whole record
     * @throws BufferOverflowException  if {@code dst} has less room than
     *                                  {@link #maxOpenedLength}; nothing is consumed
     */
    ContentType open(ByteBuffer record, ByteBuffer dst);

    /** The sequence number the next record must carry, read as unsigned. */
    long sequenceNumber();
}
