package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import javax.crypto.Cipher;

/**
 * Removes the TLS 1.2 AEAD protection of incoming records of one direction (RFC 5246
 * §6.2.3.3): one per key block.
 *
 * <p>For AES-GCM the nonce is the salt and the record's own nonce_explicit (RFC 5288 §3),
 * whatever the peer chose; for ChaCha20-Poly1305 it is the fixed IV XORed with the sequence
 * number (RFC 7905 §2). Either way the additional data carries the sequence number, so a
 * replayed, dropped or reordered record fails as {@code bad_record_mac}. A record that fails
 * to open leaves the sequence number where it was.
 */
final class Tls12RecordDecryptor implements RecordDecryptor {
    private static final ContentType[] TYPES = {
        ContentType.CHANGE_CIPHER_SPEC, ContentType.ALERT, ContentType.HANDSHAKE, ContentType.APPLICATION_DATA};

    private final RecordCipher recordCipher;
    private final int explicitNonceLength;
    private final byte[] aad = new byte[Tls12Aad.LENGTH];
    private final AeadArrays arrays = new AeadArrays(true);
    /** As in {@link Tls13RecordDecryptor}: JDK 17's ChaCha20 decrypts from offset 0 only without a copy. */
    private final boolean copyUnlessAtZero;
    private final SequenceNumber sequence = new SequenceNumber();

    Tls12RecordDecryptor(CipherSuiteSpec suite, byte[] key, byte[] fixedIv) {
        this.recordCipher = RecordCipher.tls12(suite, key, fixedIv);
        this.explicitNonceLength = suite.explicitNonceLength();
        this.copyUnlessAtZero = !suite.isGcm();
    }

    /** The plaintext: the fragment less the explicit nonce and the tag. */
    @Override
    public int maxOpenedLength(int recordLength) {
        return Math.max(0, recordLength - RecordHeader.HEADER_LENGTH - explicitNonceLength
                - CipherSuiteSpec.TAG_LENGTH);
    }

    /** The plaintext, never more than 2^14 (RFC 5246 §6.2.1). */
    @Override
    public int maxContentLength(int recordLength) {
        return Math.min(maxOpenedLength(recordLength), RecordHeader.MAX_PLAINTEXT);
    }

    /**
     * Opens one protected record: consumes exactly one whole record and decrypts its content into
     * {@code dst} (a relative put), which may be heap or direct.
     *
     * @return the record's content type, from its header (TLS 1.2 has no inner type)
     * @throws TlsFailure               {@code bad_record_mac} if the record is too short for its
     *                                  explicit nonce and tag or does not authenticate (RFC 5246
     *                                  §7.2.2); {@code record_overflow} if its content would
     *                                  exceed 2^14 (§6.2.3)
     * @throws IllegalArgumentException if {@code record} does not hold a whole record
     * @throws BufferOverflowException  if {@code dst} has too little room; nothing is consumed
     */
    @Override
    public ContentType open(ByteBuffer record, ByteBuffer dst) {
        int total = RecordHeader.requireWholeRecord(record);
        int start = record.position();
        int plaintextLength = total - RecordHeader.HEADER_LENGTH - explicitNonceLength - CipherSuiteSpec.TAG_LENGTH;
        if (plaintextLength < 0) {
            // RFC 5246 §7.2.2: a TLSCiphertext that cannot be decrypted is bad_record_mac.
            throw new TlsFailure(FailureReason.RECORD_SHORTER_THAN_TAG, "protected record of "
                    + (total - RecordHeader.HEADER_LENGTH) + " bytes is shorter than its explicit nonce and tag");
        }
        if (plaintextLength > RecordHeader.MAX_PLAINTEXT) {
            throw new TlsFailure(FailureReason.PROTECTED_PLAINTEXT_TOO_LONG,
                    "protected record would decrypt to " + plaintextLength + " bytes, over 2^14 (RFC 5246 §6.2.3)");
        }
        if (dst.remaining() < plaintextLength) {
            throw new BufferOverflowException();
        }
        sequence.checkNotExhausted();
        long sequenceNumber = sequence.next();
        // The header passed RecordHeader's check, so the type is one of 20..23.
        ContentType type = TYPES[(record.get(start) & 0xFF) - ContentType.CHANGE_CIPHER_SPEC.code()];
        // RFC 5246 §6.2.3.3: TLSCompressed.version is the record's own.
        Tls12Aad.fill(aad, sequenceNumber, type.code(), record.getShort(start + 1) & 0xFFFF, plaintextLength);
        int fragmentStart = start + RecordHeader.HEADER_LENGTH;
        int sealedLength = plaintextLength + CipherSuiteSpec.TAG_LENGTH;
        arrays.input(record, fragmentStart + explicitNonceLength, sealedLength, copyUnlessAtZero);
        arrays.output(dst, 0, plaintextLength);
        long nonce = explicitNonceLength == 0 ? sequenceNumber : record.getLong(fragmentStart);
        int opened;
        try {
            opened = arrays.doFinal(recordCipher.init(Cipher.DECRYPT_MODE, nonce), aad, sealedLength);
        } finally {
            record.position(start + total);
        }
        if (opened != plaintextLength) {
            throw new TlsFailure(FailureReason.INTERNAL, "AEAD opened " + opened + " bytes, expected " + plaintextLength);
        }
        sequence.advance();
        arrays.finish(dst, plaintextLength);
        return type;
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
