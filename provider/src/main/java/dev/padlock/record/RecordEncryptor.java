package dev.padlock.record;

import dev.padlock.wire.ContentType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Protects outgoing records of one direction and epoch: one per set of keys the handshake
 * installs ({@link RecordProtection#encryptor}). Implementations are built for the record hot
 * path: nothing allocated per record beyond what JCA allocates, heap and direct buffers alike.
 */
public interface RecordEncryptor {

    /** The length of the record {@link #seal} writes for this much content and padding. */
    int sealedLength(int plaintextLength, int padding);

    /**
     * Seals all of {@code plaintext} as one record of content type {@code type}, padded with
     * {@code padding} zeros where the protocol pads, into {@code dst}; {@code plaintext} and
     * {@code dst} must not share memory.
     *
     * @return bytes written to {@code dst}, {@link #sealedLength}
     * @throws IllegalArgumentException if content plus padding exceeds 2^14, the padding is
     *                                  negative, or the type is invalid(0)
     * @throws BufferOverflowException  if {@code dst} has less room than {@link #sealedLength};
     *                                  nothing is consumed or written then
     * @throws dev.padlock.wire.TlsFailure {@code internal_error} once the key may protect no
     *                                  more records
     */
    int seal(ContentType type, ByteBuffer plaintext, int padding, ByteBuffer dst);

    /** The sequence number of the next record, read as unsigned. */
    long sequenceNumber();

    /**
     * Whether this key has used most of its usage budget, so the connection should send a
     * KeyUpdate now (while sealing still works) rather than hit the hard stop in {@link #seal}.
     */
    boolean needsKeyUpdate();

    /**
     * Whether this key has used most of its usage budget, whatever the remedy: a KeyUpdate in
     * TLS 1.3 ({@link #needsKeyUpdate}), closing the connection in TLS 1.2, which has no
     * KeyUpdate (as SunJSSE does under {@code jdk.tls.keyLimits}).
     */
    default boolean nearUsageLimit() {
        return needsKeyUpdate();
    }
}
