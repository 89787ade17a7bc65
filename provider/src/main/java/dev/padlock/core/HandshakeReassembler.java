package dev.padlock.core;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins handshake records into whole messages (RFC 8446 §5.1: a message may span records and a
 * record may hold several). A length above the limit is refused as soon as the 4-byte header is
 * in, so a peer claiming 16 MiB never makes us buffer it.
 */
final class HandshakeReassembler {
    private static final int HEADER = 4;

    private final int maxMessageSize;
    private byte[] buf = new byte[1024];
    private int start;
    private int end;

    HandshakeReassembler(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    boolean isEmpty() {
        return start == end;
    }

    void append(ByteBuffer fragment) {
        int n = fragment.remaining();
        if (start > 0 && end + n > buf.length) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + n));
        }
        fragment.get(buf, end, n);
        end += n;
        checkPendingLength();
    }

    private void checkPendingLength() {
        if (end - start >= HEADER) {
            int length = bodyLength();
            if (length > maxMessageSize) {
                throw new TlsFailure(FailureReason.HANDSHAKE_MESSAGE_TOO_LONG, "handshake message of type "
                        + (buf[start] & 0xFF) + " claims " + length + " bytes, above the limit of "
                        + maxMessageSize);
            }
        }
    }

    private int bodyLength() {
        return ((buf[start + 1] & 0xFF) << 16) | ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF);
    }

    /** The next whole message, header included, or null while it is incomplete. */
    Bytes next() {
        if (end - start < HEADER) {
            return null;
        }
        int total = HEADER + bodyLength();
        if (end - start < total) {
            return null;
        }
        Bytes message = Bytes.of(buf, start, total);
        start += total;
        if (start == end) {
            start = 0;
            end = 0;
            if (buf.length > 64 * 1024) {
                buf = new byte[1024];
            }
        } else {
            checkPendingLength();
        }
        return message;
    }
}
