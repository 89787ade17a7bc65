package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * TLS 1.3 record protection of outgoing records of one direction and epoch (RFC 8446 §5.2):
 * one per traffic key.
 *
 * <p>Each {@link #seal} writes one whole TLSCiphertext whose encrypted_record is the AEAD of
 * TLSInnerPlaintext = content || type || zeros, under the nonce of §5.3, with the five header
 * bytes as additional_data. The sequence number counts sealed records; sealing stops at the
 * suite's §5.5 limit, which also keeps the 64-bit sequence number from wrapping (§5.3).
 */
final class Tls13RecordEncryptor implements RecordEncryptor {
    private static final ContentType OUTER_TYPE = ContentType.APPLICATION_DATA;
    /** Padding zeros go to the cipher in chunks of at most this many bytes. */
    private static final int TRAILER_CHUNK = 256;

    private final RecordCipher recordCipher;
    private final long recordLimit;
    private final long softLimit;
    private final byte[] aad = new byte[RecordHeader.HEADER_LENGTH];
    /** The content type of TLSInnerPlaintext at index 0, then zeros for padding (§5.2). */
    private final byte[] trailer = new byte[1 + TRAILER_CHUNK];
    private final AeadArrays arrays = new AeadArrays(false);
    private final SequenceNumber sequence = new SequenceNumber();

    Tls13RecordEncryptor(CipherSuiteSpec suite, byte[] key, byte[] iv) {
        this.recordCipher = new RecordCipher(suite, key, iv);
        this.recordLimit = suite.recordLimit();
        // Leave an eighth of the key's budget so the connection can send KeyUpdate (§4.6.3)
        // under the old key long before the hard stop.
        this.softLimit = recordLimit - (recordLimit >>> 3);
    }

    /** Header, content, the inner content type byte, padding and the tag (RFC 8446 §5.2). */
    @Override
    public int sealedLength(int plaintextLength, int padding) {
        return RecordHeader.HEADER_LENGTH + plaintextLength + 1 + padding + CipherSuiteSpec.TAG_LENGTH;
    }

    /**
     * Seals all of {@code plaintext} as one record of content type {@code type}, padded with
     * {@code padding} zeros (§5.4), into {@code dst}. Heap and direct buffers both work;
     * {@code plaintext} and {@code dst} must not share memory. Nothing is allocated per record
     * beyond what JCA's {@code Cipher.init} allocates.
     *
     * @return bytes written to {@code dst}, {@link #sealedLength}
     * @throws IllegalArgumentException if content plus padding exceeds 2^14, the padding is
     *                                  negative, or the type is invalid(0)
     * @throws BufferOverflowException  if {@code dst} has less room than {@link #sealedLength};
     *                                  nothing is consumed or written then
     * @throws TlsFailure               {@code internal_error} once the key may protect no
     *                                  more records (§5.5); that limit also keeps the sequence
     *                                  number from wrapping (§5.3)
     */
    @Override
    public int seal(ContentType type, ByteBuffer plaintext, int padding, ByteBuffer dst) {
        int contentLength = plaintext.remaining();
        checkArguments(type, contentLength, padding);
        int total = sealedLength(contentLength, padding);
        if (dst.remaining() < total) {
            throw new BufferOverflowException();
        }
        // RFC 8446 §5.5. The limit is at most 2^64 - 1 records (unsigned), so the last sequence
        // number ever used is 2^64 - 2 and the counter never wraps (§5.3).
        sequence.checkSealLimit(recordLimit, "a KeyUpdate was due (RFC 8446 §5.5)");
        int ciphertextLength = total - RecordHeader.HEADER_LENGTH;
        RecordHeader.putHeader(aad, OUTER_TYPE.code(), ciphertextLength);
        arrays.input(plaintext, plaintext.position(), contentLength, false);
        arrays.output(dst, RecordHeader.HEADER_LENGTH, ciphertextLength);
        byte[] out = arrays.outArray;
        int outOffset = arrays.outOffset;
        Cipher cipher = recordCipher.init(Cipher.ENCRYPT_MODE, sequence.next());
        int written;
        try {
            // RFC 8446 §5.2: additional_data = TLSCiphertext.opaque_type || legacy_record_version || length.
            cipher.updateAAD(aad);
            written = cipher.update(arrays.inArray, arrays.inOffset, contentLength, out, outOffset);
            trailer[0] = (byte) type.code();
            int trailerLength = 1 + Math.min(padding, TRAILER_CHUNK);
            int remainingPadding = padding - (trailerLength - 1);
            int trailerOffset = 0;
            while (remainingPadding > 0) {
                written += cipher.update(trailer, trailerOffset, trailerLength, out, outOffset + written);
                int chunk = Math.min(remainingPadding, TRAILER_CHUNK);
                trailerOffset = 1;
                trailerLength = chunk;
                remainingPadding -= chunk;
            }
            written += cipher.doFinal(trailer, trailerOffset, trailerLength, out, outOffset + written);
        } catch (GeneralSecurityException e) {
            throw new TlsFailure(FailureReason.INTERNAL, "record encryption failed", e);
        }
        if (written != ciphertextLength) {
            throw new TlsFailure(FailureReason.INTERNAL,
                    "AEAD wrote " + written + " bytes, expected " + ciphertextLength);
        }
        sequence.advance();
        plaintext.position(plaintext.position() + contentLength);
        arrays.finish(dst, aad, ciphertextLength);
        return total;
    }

    private static void checkArguments(ContentType type, int contentLength, int padding) {
        if (padding < 0) {
            throw new IllegalArgumentException("negative padding");
        }
        // RFC 8446 §5.4: content plus padding fits the 2^14 + 1 byte TLSInnerPlaintext.
        if ((long) contentLength + padding > RecordHeader.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("content of " + contentLength + " bytes and padding of "
                    + padding + " exceed 2^14");
        }
        if (type.equals(ContentType.INVALID)) {
            throw new IllegalArgumentException("content type invalid(0) would be read as padding");
        }
    }

    @Override
    public long sequenceNumber() {
        return sequence.next();
    }

    /** Most of the §5.5 budget is used: seven eighths of the suite's record limit. */
    @Override
    public boolean needsKeyUpdate() {
        return sequence.reached(softLimit);
    }

    /** Test hook: jumps the sequence number, to reach the limits without sealing 2^24 records. */
    void setSequenceNumberForTest(long next) {
        sequence.setForTest(next);
    }
}
