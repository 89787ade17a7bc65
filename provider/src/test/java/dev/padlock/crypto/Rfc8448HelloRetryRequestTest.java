package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static dev.padlock.testing.Rfc8448HelloRetryRequest.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.testing.Rfc8448SimpleHandshake;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §5, "HelloRetryRequest": ClientHello1 is replaced in the transcript by a
 * message_hash message (RFC 8446 §4.4.1); the handshake secrets derived over
 * message_hash, HelloRetryRequest, ClientHello2, ServerHello match the trace. The key
 * exchange is secp256r1.
 */
class Rfc8448HelloRetryRequestTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    @Test
    void messageHashReplacesClientHello1() throws Exception {
        Transcript t = new Transcript();
        t.add(CLIENT_HELLO_1);
        // The client learns the suite from the HelloRetryRequest.
        t.begin(SUITE);
        t.replaceWithMessageHash();

        byte[] ch1Hash = MessageDigest.getInstance("SHA-256").digest(CLIENT_HELLO_1.toByteArray());
        byte[] messageHash = new byte[4 + 32];
        messageHash[0] = (byte) 254;
        messageHash[3] = 32;
        System.arraycopy(ch1Hash, 0, messageHash, 4, 32);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(messageHash), t.currentHash(),
                "RFC 8446 §4.4.1: message_hash || 00 00 || Hash.length || Hash(ClientHello1)");
    }

    @Test
    void handshakeSecretsOverTheRestartedTranscript() {
        ClientKeyShare client = EcdhKeyExchange.SECP256R1.fromPrivateKeyForTesting(
                CLIENT_P256_PRIVATE.toByteArray(), CLIENT_P256_PUBLIC);
        ClientKeyShare server = EcdhKeyExchange.SECP256R1.fromPrivateKeyForTesting(
                SERVER_P256_PRIVATE.toByteArray(), SERVER_P256_PUBLIC);
        byte[] ecdhe = client.finish(SERVER_P256_PUBLIC);
        assertArrayEquals(ecdhe, server.finish(CLIENT_P256_PUBLIC), "both sides agree");

        Transcript t = new Transcript();
        t.add(CLIENT_HELLO_1);
        t.begin(SUITE);
        t.replaceWithMessageHash();
        t.add(HELLO_RETRY_REQUEST);
        t.add(CLIENT_HELLO_2);
        t.add(SERVER_HELLO);
        byte[] helloHash = t.currentHash();
        assertArrayEquals(hex("""
                8a a8 e8 28 ec 2f 8a 88 4f ec 95 a3 13 9d e0 1c
                15 a3 da a7 ff 5b fc 3f 4b fc c2 1b 43 8d 7b f8"""), helloHash,
                "{server} derive secret \"tls13 c hs traffic\": hash");

        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE).handshakeSecret(ecdhe);
        TrafficSecret cHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(helloHash);
        assertArrayEquals(hex("""
                15 8a a7 ab 88 55 07 35 82 b4 1d 67 4b 40 55 ca
                bc c5 34 72 8f 65 93 14 86 1b 4e 08 e2 01 15 66"""), cHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c hs traffic\": expanded");
        assertArrayEquals(hex("""
                34 03 e7 81 e2 af 7b 65 08 da 28 57 4f 6e 95 a1
                ab f1 62 de 83 a9 79 27 c3 76 72 a4 a0 ce f8 a1"""), sHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s hs traffic\": expanded");
        assertArrayEquals(hex("46 46 bf ac 17 12 c4 26 cd 78 d8 a2 4a 8a 6f 6b"), sHs.keys().key(),
                "{server} derive write traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("c7 d3 95 c0 8d 62 f2 97 d1 37 68 ea"), sHs.keys().iv(),
                "{server} derive write traffic keys for handshake data: iv expanded");
        assertArrayEquals(hex("2f 1f 91 86 63 d5 90 e7 42 11 49 a2 9d 94 b0 b6"), cHs.keys().key(),
                "{server} derive read traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("41 4d 54 85 23 5e 1a 68 87 93 bd 74"), cHs.keys().iv(),
                "{server} derive read traffic keys for handshake data: iv expanded");
    }

    @Test
    void handshakeSecretFromTheP256SharedSecret() {
        ClientKeyShare client = EcdhKeyExchange.SECP256R1.fromPrivateKeyForTesting(
                CLIENT_P256_PRIVATE.toByteArray(), CLIENT_P256_PUBLIC);
        byte[] ecdhe = client.finish(SERVER_P256_PUBLIC);
        assertEquals(32, ecdhe.length);
        assertArrayEquals(hex("""
                ce 02 2e 5e 6e 81 e5 07 36 d7 73 f2 d3 ad fc e8
                22 0d 04 9b f5 10 f0 db fa c9 27 ef 42 43 b1 48"""),
                // §5 derives the same "tls13 derived" secret as §3: no PSK, SHA-256 both times.
                Hkdf.of(SUITE).extract(Rfc8448SimpleHandshake.DERIVED_FOR_HANDSHAKE.toByteArray(), ecdhe),
                "{server} extract secret \"handshake\": secret");
    }

    @Test
    void messageHashNeedsExactlyClientHello1() {
        Transcript t = new Transcript();
        t.add(CLIENT_HELLO_1);
        t.add(HELLO_RETRY_REQUEST);
        t.begin(SUITE);
        assertThrows(IllegalStateException.class, t::replaceWithMessageHash);
        Transcript notBegun = new Transcript();
        notBegun.add(CLIENT_HELLO_1);
        assertThrows(IllegalStateException.class, notBegun::replaceWithMessageHash);
    }
}
