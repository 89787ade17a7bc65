package dev.padlock.record;

/**
 * The TLS 1.2 AEAD additional_data (RFC 5246 §6.2.3.3):
 * seq_num(8) || TLSCompressed.type(1) || TLSCompressed.version(2) || TLSCompressed.length(2).
 * Unlike TLS 1.3's, it binds the sequence number and the real content type.
 */
final class Tls12Aad {
    static final int LENGTH = 13;
    static final int VERSION_OFFSET = 9;

    private Tls12Aad() {
    }

    static void fill(byte[] aad, long sequenceNumber, int type, int plaintextLength) {
        for (int i = 0; i < Long.BYTES; i++) {
            aad[i] = (byte) (sequenceNumber >>> (8 * (Long.BYTES - 1 - i)));
        }
        aad[8] = (byte) type;
        aad[VERSION_OFFSET] = (byte) (RecordHeader.LEGACY_RECORD_VERSION >>> 8);
        aad[VERSION_OFFSET + 1] = (byte) RecordHeader.LEGACY_RECORD_VERSION;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }
}
