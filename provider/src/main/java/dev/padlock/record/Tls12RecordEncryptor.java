package dev.padlock.record;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import javax.crypto.Cipher;

/**
 * TLS 1.2 AEAD protection of outgoing records of one direction (RFC 5246 §6.2.3.3): one per
 * key block.
 *
 * <p>Each {@link #seal} writes one TLSCiphertext whose fragment is nonce_explicit (8 bytes for
 * AES-GCM, RFC 5288 §3; none for ChaCha20-Poly1305, RFC 7905 §2) followed by the AEAD output.
 * The record keeps its own content type in the header; there is no inner type and no padding.
 * The explicit nonce is the sequence number, which never repeats under one key.
 *
 * <p>TLS 1.2 has no KeyUpdate, so {@link #needsKeyUpdate} is always false: the connection must
 * close once {@link #nearUsageLimit} says so, before the suite's record limit (as SunJSSE does
 * via {@code jdk.tls.keyLimits}), and {@link #seal} fails with {@code internal_error} once it is
 * reached.
 */
final class Tls12RecordEncryptor implements RecordEncryptor {
    private final RecordCipher recordCipher;
    private final long recordLimit;
    private final long softLimit;
    private final int explicitNonceLength;
    private final byte[] aad = new byte[Tls12Aad.LENGTH];
    /** The record header, then the explicit nonce. */
    private final byte[] prefix;
    private final AeadArrays arrays = new AeadArrays(false);
    private final SequenceNumber sequence = new SequenceNumber();

    Tls12RecordEncryptor(CipherSuiteSpec suite, byte[] key, byte[] fixedIv) {
        this.recordCipher = RecordCipher.tls12(suite, key, fixedIv);
        this.recordLimit = suite.recordLimit();
        // As in TLS 1.3, an eighth of the budget is left for the connection to close in good order.
        this.softLimit = recordLimit - (recordLimit >>> 3);
        this.explicitNonceLength = suite.explicitNonceLength();
        this.prefix = new byte[RecordHeader.HEADER_LENGTH + explicitNonceLength];
    }

    /**
     * Header, explicit nonce, content and tag (RFC 5246 §6.2.3.3).
     *
     * @throws IllegalArgumentException if {@code padding} is not 0: TLS 1.2 AEAD records have none
     */
    @Override
    public int sealedLength(int plaintextLength, int padding) {
        checkNoPadding(padding);
        return prefix.length + plaintextLength + CipherSuiteSpec.TAG_LENGTH;
    }

    /**
     * Seals all of {@code plaintext} as one record of content type {@code type} into
     * {@code dst}. Heap and direct buffers both work; {@code plaintext} and {@code dst} must
     * not share memory.
     *
     * @throws IllegalArgumentException if the content exceeds 2^14, {@code padding} is not 0,
     *                                  or the type is invalid(0)
     * @throws BufferOverflowException  if {@code dst} has less room than {@link #sealedLength}
     * @throws TlsFailure               {@code internal_error} once the key reached its limit
     */
    @Override
    public int seal(ContentType type, ByteBuffer plaintext, int padding, ByteBuffer dst) {
        int contentLength = plaintext.remaining();
        checkArguments(type, contentLength, padding);
        int total = sealedLength(contentLength, padding);
        if (dst.remaining() < total) {
            throw new BufferOverflowException();
        }
        // The suite's limit (RFC 8446 §5.5, a bound of the cipher) also keeps the sequence number
        // from wrapping (RFC 5246 §6.1).
        sequence.checkSealLimit(recordLimit, "TLS 1.2 has no KeyUpdate, the connection had to close before");
        long sequenceNumber = sequence.next();
        Tls12Aad.fill(aad, sequenceNumber, type.code(), RecordHeader.LEGACY_RECORD_VERSION, contentLength);
        RecordHeader.putHeader(prefix, type.code(), total - RecordHeader.HEADER_LENGTH);
        for (int i = 0; i < explicitNonceLength; i++) {
            prefix[RecordHeader.HEADER_LENGTH + i] = (byte) (sequenceNumber >>> (8 * (explicitNonceLength - 1 - i)));
        }
        int sealedLength = contentLength + CipherSuiteSpec.TAG_LENGTH;
        arrays.input(plaintext, plaintext.position(), contentLength, false);
        arrays.output(dst, prefix.length, sealedLength);
        // RFC 5246 §6.2.3.3: additional_data = seq_num + type + version + length.
        int written = arrays.doFinal(recordCipher.init(Cipher.ENCRYPT_MODE, sequenceNumber), aad, contentLength);
        if (written != sealedLength) {
            throw new TlsFailure(FailureReason.INTERNAL,
                    "AEAD wrote " + written + " bytes, expected " + sealedLength);
        }
        sequence.advance();
        plaintext.position(plaintext.position() + contentLength);
        arrays.finish(dst, prefix, sealedLength);
        return total;
    }

    private static void checkNoPadding(int padding) {
        if (padding != 0) {
            throw new IllegalArgumentException("TLS 1.2 AEAD records carry no padding, asked for " + padding);
        }
    }

    private static void checkArguments(ContentType type, int contentLength, int padding) {
        checkNoPadding(padding);
        // RFC 5246 §6.2.1: TLSPlaintext.length MUST NOT exceed 2^14.
        if (contentLength > RecordHeader.MAX_PLAINTEXT) {
            throw new IllegalArgumentException("content of " + contentLength + " bytes exceeds 2^14");
        }
        if (type.equals(ContentType.INVALID)) {
            throw new IllegalArgumentException("content type invalid(0) is no record type");
        }
    }

    @Override
    public long sequenceNumber() {
        return sequence.next();
    }

    /** Always false: TLS 1.2 has no KeyUpdate; the connection closes before the limit instead. */
    @Override
    public boolean needsKeyUpdate() {
        return false;
    }

    /** Seven eighths of the suite's record limit are used: time to close (there is no KeyUpdate). */
    @Override
    public boolean nearUsageLimit() {
        return sequence.reached(softLimit);
    }

    /** Test hook: jumps the sequence number, to reach the limits without sealing 2^24 records. */
    void setSequenceNumberForTest(long next) {
        sequence.setForTest(next);
    }
}
