package dev.padlock.record;

import java.nio.ByteBuffer;

/**
 * Where one record's AEAD reads and writes. The AEAD runs on arrays: the buffers' own when they
 * have one (no copy), otherwise (direct or read-only buffers) reused staging arrays, because
 * JCA's ByteBuffer path for direct buffers copies through temporary arrays on every call.
 *
 * <p>Mutable and reused for every record of one encryptor or decryptor, so that no record
 * allocates: {@link #input} and {@link #output} set the public-in-package fields the caller
 * hands to {@code Cipher.doFinal}, and {@link #finish} moves the result into place.
 */
final class AeadArrays {
    byte[] inArray;
    int inOffset;
    byte[] outArray;
    int outOffset;
    private boolean outInPlace;
    /** Lazily made; small until a large record needs them ({@link RecordCipher#staging}). */
    private byte[] stagingIn;
    private byte[] stagingOut;

    /**
     * Points {@link #inArray}/{@link #inOffset} at {@code length} bytes of {@code src} from
     * absolute index {@code from}, copying them to a staging array if {@code src} has no
     * accessible array or {@code copy} asks for one. Does not move {@code src}.
     */
    void input(ByteBuffer src, int from, int length, boolean copy) {
        if (src.hasArray() && !copy) {
            inArray = src.array();
            inOffset = src.arrayOffset() + from;
        } else {
            stagingIn = RecordCipher.staging(stagingIn, length, RecordHeader.MAX_CIPHERTEXT);
            src.get(from, stagingIn, 0, length);
            inArray = stagingIn;
            inOffset = 0;
        }
    }

    /**
     * Points {@link #outArray}/{@link #outOffset} at {@code skip} bytes past {@code dst}'s
     * position, in {@code dst}'s own array when it has one, otherwise at a staging array that
     * {@link #finish} copies from.
     */
    void output(ByteBuffer dst, int skip, int length) {
        outInPlace = dst.hasArray();
        if (outInPlace) {
            outArray = dst.array();
            outOffset = dst.arrayOffset() + dst.position() + skip;
        } else {
            stagingOut = RecordCipher.staging(stagingOut, length, RecordHeader.MAX_CIPHERTEXT);
            outArray = stagingOut;
            outOffset = 0;
        }
    }

    /**
     * Puts {@code prefix} (what precedes the AEAD output: the {@code skip} bytes of
     * {@link #output}) and the {@code length} bytes of AEAD output into {@code dst}, advancing
     * its position past both.
     */
    void finish(ByteBuffer dst, byte[] prefix, int length) {
        if (outInPlace) {
            System.arraycopy(prefix, 0, outArray, outOffset - prefix.length, prefix.length);
            dst.position(dst.position() + prefix.length + length);
        } else {
            dst.put(prefix).put(outArray, 0, length);
        }
    }
}
