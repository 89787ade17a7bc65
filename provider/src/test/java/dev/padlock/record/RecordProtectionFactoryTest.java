package dev.padlock.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.crypto.TrafficKeys;
import dev.padlock.crypto.TrafficSecret;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordProtection} turns the handshake's TLS 1.3 keys into the TLS 1.3 AEAD under that
 * key and IV (RFC 8446 §5.2, §7.3): records match byte for byte those of the AEAD built from
 * the raw key and IV, whose own bytes the RFC 8448 tests pin.
 */
class RecordProtectionFactoryTest {

    @Test
    void tls13KeysBuildTheTls13AeadUnderTheirKeyAndIv() {
        for (CipherSuiteSpec suite : CipherSuiteSpec.SUPPORTED) {
            TrafficSecret secret = secret(suite);
            TrafficKeys raw = secret.keys();
            Tls13RecordKeys keys = Tls13RecordKeys.of(secret);
            RecordEncryptor encryptor = RecordProtection.encryptor(keys);
            RecordDecryptor decryptor = RecordProtection.decryptor(keys);
            assertInstanceOf(Tls13RecordEncryptor.class, encryptor);
            assertInstanceOf(Tls13RecordDecryptor.class, decryptor);
            assertFalse(keys.isDestroyed(), "the caller destroys the keys");
            Tls13RecordEncryptor reference = new Tls13RecordEncryptor(suite, raw.key(), raw.iv());
            for (int i = 0; i < 3; i++) {
                byte[] content = ("record " + i).getBytes(StandardCharsets.US_ASCII);
                ByteBuffer sealed = ByteBuffer.allocate(encryptor.sealedLength(content.length, 0));
                encryptor.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(content), 0, sealed);
                ByteBuffer expected = ByteBuffer.allocate(reference.sealedLength(content.length, 0));
                reference.seal(ContentType.APPLICATION_DATA, ByteBuffer.wrap(content), 0, expected);
                assertEquals(expected.flip(), sealed.flip(), suite.suite() + ", record " + i);
                ByteBuffer opened = ByteBuffer.allocate(decryptor.maxOpenedLength(sealed.remaining()));
                assertEquals(ContentType.APPLICATION_DATA, decryptor.open(sealed, opened));
                assertEquals(ByteBuffer.wrap(content), opened.flip());
            }
            assertEquals(3, encryptor.sequenceNumber());
            assertEquals(3, decryptor.sequenceNumber());
        }
    }

    @Test
    void sizesAreThoseOfTls13() {
        RecordDecryptor decryptor = RecordProtection.decryptor(Tls13RecordKeys.of(secret(
                CipherSuiteSpec.TLS_AES_128_GCM_SHA256)));
        // TLSInnerPlaintext = content || type || zeros, then a 16-byte tag (RFC 8446 §5.2).
        assertEquals(100 + 1, decryptor.maxOpenedLength(5 + 100 + 1 + 16));
        assertEquals(100, decryptor.maxContentLength(5 + 100 + 1 + 16));
        assertEquals(RecordHeader.MAX_PLAINTEXT, decryptor.maxContentLength(RecordHeader.MAX_RECORD),
                "padding never makes room for more than 2^14 bytes of content");
    }

    private static TrafficSecret secret(CipherSuiteSpec suite) {
        byte[] psk = new byte[suite.hashLength()];
        return EarlySecret.withPsk(suite, PreSharedKey.copyOf(psk, 0, psk.length))
                .clientEarlyTrafficSecret(new byte[suite.hashLength()]);
    }
}
