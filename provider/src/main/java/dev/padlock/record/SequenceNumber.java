package dev.padlock.record;

import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;

/**
 * The 64-bit record sequence number of one direction and key, read as unsigned (RFC 8446 §5.3,
 * RFC 5246 §6.1). It never wraps: we stop sealing at the suite's record limit, and refuse a
 * peer's record after its 2^64th.
 */
final class SequenceNumber {
    private long next;
    private boolean exhausted;

    /** The sequence number of the next record. */
    long next() {
        return next;
    }

    /** Whether at least {@code threshold} records (unsigned) have been counted. */
    boolean reached(long threshold) {
        return Long.compareUnsigned(next, threshold) >= 0;
    }

    /**
     * Before sealing: {@code internal_error} once {@code limit} records were sealed (RFC 8446
     * §5.5); the limit is at most 2^64 - 1, so the counter never wraps.
     */
    void checkSealLimit(long limit, String remedy) {
        if (reached(limit)) {
            throw new TlsFailure(FailureReason.KEY_USAGE_LIMIT_REACHED,
                    "key usage limit of " + Long.toUnsignedString(limit) + " records reached; " + remedy);
        }
    }

    /** Before opening: the peer had to rekey or close before its sequence number wrapped. */
    void checkNotExhausted() {
        if (exhausted) {
            throw new TlsFailure(FailureReason.SEQUENCE_NUMBER_EXHAUSTED,
                    "peer sent more than 2^64 records under one key");
        }
    }

    void advance() {
        next++;
        if (next == 0) {
            exhausted = true;
        }
    }

    /** Test hook: jumps the counter, to reach the limits without 2^24 or 2^64 records. */
    void setForTest(long value) {
        next = value;
    }
}
