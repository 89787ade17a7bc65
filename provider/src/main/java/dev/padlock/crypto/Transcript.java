package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The running transcript hash of RFC 8446 §4.4.1 over whole handshake messages (4-byte header
 * included). It may be created before the suite is known: it buffers the messages and starts
 * hashing at {@link #begin}, which the client calls once ServerHello or HelloRetryRequest
 * names the suite. Not thread-safe; a connection owns one.
 */
public final class Transcript {
    private byte[] buffer = new byte[1024];
    private int length;
    private int messages;
    private CipherSuiteSpec suite;
    private MessageDigest digest;

    /** Appends one whole handshake message. */
    public void add(Bytes fullHandshakeMessage) {
        add(fullHandshakeMessage.toByteArray(), 0, fullHandshakeMessage.length());
    }

    /** Appends one whole handshake message from {@code b[off, off+len)}. */
    public void add(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (length + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + len));
        }
        System.arraycopy(b, off, buffer, length, len);
        length += len;
        messages++;
        if (digest != null) {
            digest.update(b, off, len);
        }
    }

    /** Fixes the hash and hashes everything buffered so far. May be called once. */
    public void begin(CipherSuiteSpec suite) {
        if (this.suite != null) {
            throw new IllegalStateException("transcript already begun with " + this.suite.suite());
        }
        this.suite = Objects.requireNonNull(suite, "suite");
        this.digest = newDigest(suite);
        digest.update(buffer, 0, length);
    }

    /**
     * Every message added so far, concatenated: what a TLS 1.2 CertificateVerify signs
     * (RFC 5246 §7.4.8 signs handshake_messages, not their hash).
     */
    public byte[] messages() {
        return Arrays.copyOf(buffer, length);
    }

    public boolean isBegun() {
        return suite != null;
    }

    public CipherSuiteSpec suite() {
        requireBegun();
        return suite;
    }

    /** Transcript-Hash of everything added so far; the running hash is not disturbed. */
    public byte[] currentHash() {
        requireBegun();
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            // Some providers' digests cannot be cloned: hash the buffered messages again.
            return newDigest(suite).digest(Arrays.copyOf(buffer, length));
        }
    }

    /**
     * Transcript-Hash(messages so far || {@code suffix}) without adding {@code suffix}: for the
     * PSK binder over a truncated ClientHello (RFC 8446 §4.2.11.2).
     */
    public byte[] hashOf(Bytes suffix) {
        requireBegun();
        MessageDigest md = newDigest(suite);
        md.update(buffer, 0, length);
        md.update(suffix.toByteArray());
        return md.digest();
    }

    /**
     * RFC 8446 §4.4.1: after a HelloRetryRequest, ClientHello1 is replaced in the transcript by
     * message_hash(254) || 00 00 || Hash.length || Hash(ClientHello1). The transcript must
     * hold exactly ClientHello1 when this is called, before HelloRetryRequest is added.
     */
    public void replaceWithMessageHash() {
        requireBegun();
        if (messages != 1 || length < 4 || buffer[0] != (byte) HandshakeType.CLIENT_HELLO.code()) {
            throw new IllegalStateException("message_hash replaces exactly one ClientHello");
        }
        byte[] clientHello1Hash = newDigest(suite).digest(Arrays.copyOf(buffer, length));
        byte[] messageHash = new byte[4 + clientHello1Hash.length];
        messageHash[0] = (byte) HandshakeType.MESSAGE_HASH.code();
        messageHash[3] = (byte) clientHello1Hash.length;
        System.arraycopy(clientHello1Hash, 0, messageHash, 4, clientHello1Hash.length);
        length = 0;
        messages = 0;
        digest.reset();
        add(messageHash, 0, messageHash.length);
    }

    private void requireBegun() {
        if (suite == null) {
            throw new IllegalStateException("transcript hash used before the cipher suite is known");
        }
    }

    private static MessageDigest newDigest(CipherSuiteSpec suite) {
        try {
            return MessageDigest.getInstance(suite.hashAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JCA cannot provide " + suite.hashAlgorithm(), e);
        }
    }

    @Override
    public String toString() {
        return "Transcript(" + messages + " messages, " + length + " bytes"
                + (suite == null ? ", hash not yet chosen)" : ", " + suite.hashAlgorithm() + ")");
    }
}
