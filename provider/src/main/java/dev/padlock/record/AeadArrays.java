package dev.padlock.record;

import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

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
    private static final byte[] NO_PREFIX = new byte[0];

    byte[] inArray;
    int inOffset;
    byte[] outArray;
    int outOffset;
    private boolean outInPlace;
    /**
     * Decryption never writes more than it reads, so one staging array serves input and output
     * (the AEAD is copy-safe). Encryption writes more (the tag), and JCA would copy an input
     * that overlaps its output, so it stages into a second array.
     */
    private final boolean decrypting;
    /** Lazily made; small until a large record needs them ({@link RecordCipher#staging}). */
    private byte[] stagingIn;
    private byte[] stagingOut;

    AeadArrays(boolean decrypting) {
        this.decrypting = decrypting;
    }

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
     * position; call it after {@link #input}. The output is in {@code dst}'s own array when it has one, otherwise at a staging array that
     * {@link #finish} copies from.
     */
    void output(ByteBuffer dst, int skip, int length) {
        outInPlace = dst.hasArray();
        if (outInPlace) {
            outArray = dst.array();
            outOffset = dst.arrayOffset() + dst.position() + skip;
        } else if (decrypting) {
            // A staged input already holds at least length bytes; otherwise nothing is lost.
            stagingIn = RecordCipher.staging(stagingIn, length, RecordHeader.MAX_CIPHERTEXT);
            outArray = stagingIn;
            outOffset = 0;
        } else {
            stagingOut = RecordCipher.staging(stagingOut, length, RecordHeader.MAX_CIPHERTEXT);
            outArray = stagingOut;
            outOffset = 0;
        }
    }

    /**
     * Runs the initialised {@code cipher} over {@code length} bytes from the input to the output
     * arrays, with {@code aad} as additional data. Copy-safe (Cipher#doFinal): input and output
     * may be the same array.
     *
     * @return the bytes written
     * @throws TlsFailure {@code bad_record_mac} if a record does not authenticate,
     *                    {@code internal_error} for any other JCA failure
     */
    int doFinal(Cipher cipher, byte[] aad, int length) {
        try {
            cipher.updateAAD(aad);
            return cipher.doFinal(inArray, inOffset, length, outArray, outOffset);
        } catch (AEADBadTagException e) {
            throw new TlsFailure(FailureReason.RECORD_MAC, "record authentication failed");
        } catch (GeneralSecurityException e) {
            throw new TlsFailure(FailureReason.INTERNAL, "record AEAD failed", e);
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

    /** As {@link #finish(ByteBuffer, byte[], int)} with nothing before the output: decryption. */
    void finish(ByteBuffer dst, int length) {
        finish(dst, NO_PREFIX, length);
    }
}
