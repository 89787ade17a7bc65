package dev.padlock.wire;

import java.util.Objects;

/**
 * Finished (RFC 8446 §4.4.4): {@code opaque verify_data[Hash.length]}. Compare verify_data with
 * {@code MessageDigest.isEqual}; {@code toString} does not print it.
 */
public record Finished(Bytes verifyData) implements HandshakeMessage {

    public Finished {
        Objects.requireNonNull(verifyData, "verifyData");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.FINISHED;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.bytes(verifyData);
    }

    /** Reads exactly {@code hashLength} bytes; any other body length is {@code decode_error}. */
    public static Finished decode(TlsReader body, int hashLength) {
        if (body.remaining() != hashLength) {
            throw body.fail("verify_data", "length " + body.remaining() + " is not the hash length " + hashLength);
        }
        return new Finished(body.bytes(hashLength, "verify_data"));
    }

    @Override
    public String toString() {
        return "Finished[" + verifyData.length() + " bytes]";
    }
}
