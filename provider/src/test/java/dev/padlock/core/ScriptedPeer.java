package dev.padlock.core;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficKeys;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.record.RecordDecryptor;
import dev.padlock.record.RecordEncryptor;
import dev.padlock.record.RecordHeader;
import dev.padlock.record.RecordProtection;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A peer whose records the test writes: a bare {@link Handshaker} whose output is recorded
 * message by message, each with the write secret in force when it was sent. The test may
 * replace, drop or reorder messages and then protects them itself, under the same secrets a
 * real peer would use, so that hostile input reaches the victim past record protection.
 */
final class ScriptedPeer implements HandshakeOutput {

    /** One handshake message the peer sent; {@code epoch} null means in the clear. */
    record Sent(Bytes message, TrafficSecret epoch) {
    }

    /** A record opened by the peer. */
    record Opened(ContentType type, Bytes content) {
    }

    final Handshaker handshaker;
    private final List<Sent> sent = new ArrayList<>();
    private final Map<TrafficSecret, RecordEncryptor> encryptors = new IdentityHashMap<>();
    /**
     * The keys of each write epoch, taken when it was installed: the handshaker erases a traffic
     * secret once it is done with it (RFC 8446 §7.2), while a script may still use its epoch.
     */
    private final Map<TrafficSecret, Tls13RecordKeys> epochKeys = new IdentityHashMap<>();
    private TrafficSecret writeSecret;
    private RecordDecryptor reader;

    ScriptedPeer(HandshakeConfig config) {
        handshaker = Handshaker.create(config, this, Hostile.session());
    }

    /** The messages sent since the last call, in order. */
    List<Sent> take() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    TrafficSecret writeSecret() {
        return writeSecret;
    }

    /** Each message in its own record, protected under its epoch. */
    ByteBuffer[] records(List<Sent> messages) {
        ByteBuffer[] out = new ByteBuffer[messages.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = record(messages.get(i));
        }
        return out;
    }

    ByteBuffer record(Sent s) {
        return s.epoch() == null ? Hostile.handshakeRecord(s.message())
                : protect(ContentType.HANDSHAKE, s.message(), s.epoch());
    }

    /** A record of {@code type} protected under {@code epoch}, the sequence number following on. */
    ByteBuffer protect(ContentType type, Bytes content, TrafficSecret epoch) {
        RecordEncryptor encryptor = encryptors.computeIfAbsent(epoch, e -> RecordProtection.encryptor(epochKeys.get(e)));
        ByteBuffer record = ByteBuffer.allocate(encryptor.sealedLength(content.length(), 0));
        encryptor.seal(type, content.asBuffer(), 0, record);
        return record.flip();
    }

    /**
     * Seals {@code innerPlaintext} as given — content, type octet and padding all chosen by the
     * test — under the current write secret, as the next record (RFC 8446 §5.2, §5.3). For the
     * TLSInnerPlaintext forms {@link RecordEncryptor} refuses to build; the last record of its epoch.
     */
    ByteBuffer sealInnerPlaintext(byte[] innerPlaintext) throws GeneralSecurityException {
        TrafficSecret epoch = writeSecret;
        long sequence = encryptors.containsKey(epoch) ? encryptors.get(epoch).sequenceNumber() : 0;
        TrafficKeys keys = epochKeys.get(epoch).keys();
        byte[] nonce = keys.iv();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        int length = innerPlaintext.length + CipherSuiteSpec.TAG_LENGTH;
        byte[] header = {(byte) ContentType.APPLICATION_DATA.code(), 0x03, 0x03, (byte) (length >>> 8), (byte) length};
        CipherSuiteSpec suite = epoch.suite();
        Cipher cipher = Cipher.getInstance(suite.cipherTransformation());
        AlgorithmParameterSpec params = suite.cipherTransformation().startsWith("AES")
                ? new GCMParameterSpec(CipherSuiteSpec.TAG_LENGTH * 8, nonce) : new IvParameterSpec(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key(), suite.keyAlgorithm()), params);
        cipher.updateAAD(header);
        return ByteBuffer.allocate(header.length + length).put(header).put(cipher.doFinal(innerPlaintext)).flip();
    }

    /** A record of {@code type} under the current write secret. */
    ByteBuffer protect(ContentType type, Bytes content) {
        return protect(type, content, writeSecret);
    }

    /** Reads everything {@code victim} queued, feeding handshake messages to our handshaker. */
    List<Opened> receiveFrom(TlsConnection victim) {
        List<Opened> others = new ArrayList<>();
        for (ByteBuffer record : Hostile.drainRecords(victim)) {
            if ((record.get(0) & 0xFF) == ContentType.CHANGE_CIPHER_SPEC.code()) {
                continue;
            }
            Opened opened = (record.get(0) & 0xFF) == ContentType.APPLICATION_DATA.code()
                    ? open(record) : new Opened(new ContentType(record.get(0) & 0xFF), Hostile.fragment(record));
            if (opened.type().equals(ContentType.HANDSHAKE)) {
                for (Bytes message : Hostile.splitMessages(opened.content())) {
                    handshaker.onMessage(message);
                }
            } else {
                others.add(opened);
            }
        }
        return others;
    }

    Opened open(ByteBuffer record) {
        ByteBuffer content = ByteBuffer.allocate(RecordHeader.MAX_CIPHERTEXT);
        ContentType type = reader.open(record.duplicate(), content);
        return new Opened(type, Bytes.of(content.array(), 0, content.position()));
    }

    // ---- HandshakeOutput ---------------------------------------------------------------------

    @Override
    public void sendHandshake(Bytes message) {
        sent.add(new Sent(message, writeSecret));
    }

    @Override
    public void sendChangeCipherSpec() {
        // The victim drops a compatibility change_cipher_spec; the scripts send their own when needed.
    }

    @Override
    public void installReadKeys(RecordKeys keys) {
        reader = RecordProtection.decryptor(keys);
    }

    @Override
    public void installWriteKeys(RecordKeys keys) {
        Tls13RecordKeys tls13 = (Tls13RecordKeys) keys;
        writeSecret = tls13.secret();
        epochKeys.put(writeSecret, tls13);
    }
}
