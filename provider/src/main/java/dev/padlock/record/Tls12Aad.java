package dev.padlock.record;

/**
 * The TLS 1.2 AEAD additional_data (RFC 5246 §6.2.3.3):
 * seq_num(8) || TLSCompressed.type(1) || TLSCompressed.version(2) || TLSCompressed.length(2).
 * Unlike TLS 1.3's, it binds the sequence number and the real content type.
 */
final class Tls12Aad {
    static final int LENGTH = 13;

    private Tls12Aad() {
    }

    /**
     * @param version the record's version field: 0x0303 on what we send; on what we receive,
     *                whatever the header says, so that a changed version fails authentication
     */
    static void fill(byte[] aad, long sequenceNumber, int type, int version, int plaintextLength) {
        for (int i = 0; i < Long.BYTES; i++) {
            aad[i] = (byte) (sequenceNumber >>> (8 * (Long.BYTES - 1 - i)));
        }
        aad[8] = (byte) type;
        aad[9] = (byte) (version >>> 8);
        aad[10] = (byte) version;
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }
}
