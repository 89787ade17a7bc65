package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import javax.crypto.Cipher;

/**
 * Removes the TLS 1.3 protection of incoming records of one direction and epoch (RFC 8446
 * §5.2): one per traffic key.
 *
 * <p>The sequence number counts records opened successfully. A record that fails to open
 * leaves it where it was, so a server skipping rejected early data by trial decryption (RFC
 * 8446 §4.2.10) opens the next record as if the failed one had not come; otherwise the
 * connection closes with the failure's alert.
 */
final class Tls13RecordDecryptor implements RecordDecryptor {
    private final RecordCipher recordCipher;
    private final byte[] aad = new byte[RecordHeader.HEADER_LENGTH];
    private final AeadArrays arrays = new AeadArrays(true);
    /**
     * JDK 17's ChaCha20-Poly1305 decrypts straight from the input array only when the
     * ciphertext starts at offset 0; from any other offset it first buffers it in a growing
     * ByteArrayOutputStream (about 36 KB allocated per 16 KiB record, measured with
     * BulkBenchmark -prof gc). A record behind its 5-byte header never starts at 0, so for
     * ChaCha20 one copy into the staging array is cheaper.
     */
    private final boolean copyUnlessAtZero;
    private final SequenceNumber sequence = new SequenceNumber();

    Tls13RecordDecryptor(CipherSuiteSpec suite, byte[] key, byte[] iv) {
        this.recordCipher = new RecordCipher(suite, key, iv);
        this.copyUnlessAtZero = !suite.isGcm();
    }

    /** The TLSInnerPlaintext, before the content type and padding are removed (RFC 8446 §5.2). */
    @Override
    public int maxOpenedLength(int recordLength) {
        return Math.max(0, recordLength - RecordHeader.HEADER_LENGTH - CipherSuiteSpec.TAG_LENGTH);
    }

    /**
     * The TLSInnerPlaintext less its content type byte, and never more than 2^14 however much
     * padding the record has (RFC 8446 §5.2, §5.4).
     */
    @Override
    public int maxContentLength(int recordLength) {
        return Math.min(maxOpenedLength(recordLength) - 1, RecordHeader.MAX_PLAINTEXT);
    }

    /**
     * Opens one protected record. Consumes exactly one whole record (header and payload) from
     * {@code record} and decrypts it into {@code dst}, which may be heap or direct and may even
     * share memory with {@code record} (JCA copies overlapping input first).
     *
     * <p>On return the content is the bytes from {@code dst}'s position on entry up to its new
     * position (a relative put, ready to {@code flip}). When {@code dst} has an accessible
     * array the record is decrypted straight into it, so the inner content type and the padding
     * are written just past that position and are not part of the result. {@code dst} needs
     * {@link #maxOpenedLength} bytes of room. If this throws, {@code dst}'s position is unchanged.
     *
     * @return the real content type, from TLSInnerPlaintext (§5.4)
     * @throws TlsFailure               {@code unexpected_message} if the outer type is not
     *                                  application_data or the plaintext is all zeros (§5.4);
     *                                  {@code record_overflow} if TLSCiphertext.length exceeds
     *                                  2^14 + 256 or TLSInnerPlaintext exceeds 2^14 + 1 octets;
     *                                  {@code bad_record_mac} if authentication fails
     * @throws IllegalArgumentException if {@code record} does not hold a whole record
     * @throws BufferOverflowException  if {@code dst} has too little room; nothing is consumed
     */
    @Override
    public ContentType open(ByteBuffer record, ByteBuffer dst) {
        int total = RecordHeader.requireWholeRecord(record);
        int start = record.position();
        int ciphertextLength = total - RecordHeader.HEADER_LENGTH;
        int outerType = record.get(start) & 0xFF;
        if (outerType != ContentType.APPLICATION_DATA.code()) {
            // RFC 8446 §5.2: every protected record has opaque_type application_data; anything
            // else here (change_cipher_spec is filtered by the connection first) is unexpected.
            throw new TlsFailure(FailureReason.PROTECTED_RECORD_OUTER_TYPE,
                    "protected record with outer type " + new ContentType(outerType));
        }
        int innerLength = ciphertextLength - CipherSuiteSpec.TAG_LENGTH;
        if (innerLength < 1) {
            // Too short to hold the tag and the content type: it cannot authenticate.
            throw new TlsFailure(FailureReason.RECORD_SHORTER_THAN_TAG,
                    "protected record of " + ciphertextLength + " bytes is shorter than its tag");
        }
        if (innerLength > RecordHeader.MAX_PLAINTEXT + 1) {
            throw new TlsFailure(FailureReason.INNER_PLAINTEXT_TOO_LONG,
                    "TLSInnerPlaintext of " + innerLength + " bytes exceeds 2^14 + 1 (RFC 8446 §5.4)");
        }
        if (dst.remaining() < innerLength) {
            throw new BufferOverflowException();
        }
        sequence.checkNotExhausted();
        for (int i = 0; i < aad.length; i++) {
            aad[i] = record.get(start + i);
        }
        arrays.input(record, start + RecordHeader.HEADER_LENGTH, ciphertextLength, copyUnlessAtZero);
        arrays.output(dst, 0, innerLength);
        int opened;
        try {
            opened = arrays.doFinal(recordCipher.init(Cipher.DECRYPT_MODE, sequence.next()), aad, ciphertextLength);
        } finally {
            record.position(start + total);
        }
        sequence.advance();
        byte[] out = arrays.outArray;
        int outOffset = arrays.outOffset;
        // RFC 8446 §5.4: scan from the end for the first non-zero octet, the content type.
        int i = outOffset + opened - 1;
        while (i >= outOffset && out[i] == 0) {
            i--;
        }
        if (i < outOffset) {
            throw new TlsFailure(FailureReason.INNER_PLAINTEXT_NO_CONTENT_TYPE,
                    "TLSInnerPlaintext has no non-zero content type (RFC 8446 §5.4)");
        }
        ContentType type = innerType(out[i] & 0xFF);
        arrays.finish(dst, i - outOffset);
        return type;
    }

    /**
     * The inner content type as one of the constants. RFC 8446 §5: an unknown type is an
     * unexpected record type, and a protected change_cipher_spec is unexpected_message.
     */
    private static ContentType innerType(int code) {
        if (code == ContentType.APPLICATION_DATA.code()) {
            return ContentType.APPLICATION_DATA;
        }
        if (code == ContentType.HANDSHAKE.code()) {
            return ContentType.HANDSHAKE;
        }
        if (code == ContentType.ALERT.code()) {
            return ContentType.ALERT;
        }
        throw new TlsFailure(FailureReason.PROTECTED_RECORD_INNER_TYPE,
                "protected record of inner content type " + new ContentType(code));
    }

    @Override
    public long sequenceNumber() {
        return sequence.next();
    }

    /** Test hook: jumps the sequence number, to reach the limits without 2^64 records. */
    void setSequenceNumberForTest(long next) {
        sequence.setForTest(next);
    }
}
