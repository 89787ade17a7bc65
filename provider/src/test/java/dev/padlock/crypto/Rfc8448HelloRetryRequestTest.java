package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.wire.Bytes;
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

    // {client}  construct a ClientHello handshake message (the first, 180 octets)
    static final String CLIENT_HELLO_1 = """
            01 00 00 b0 03 03 b0
            b1 c5 a5 aa 37 c5 91 9f 2e d1 d5 c6 ff f7 fc b7 84 97 16 94 5a
            2b 8c ee 92 58 a3 46 67 7b 6f 00 00 06 13 01 13 03 13 02 01 00
            00 81 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01 00 01
            00 00 0a 00 08 00 06 00 1d 00 17 00 18 00 33 00 26 00 24 00 1d
            00 20 e8 e8 e3 f3 b9 3a 25 ed 97 a1 4a 7d ca cb 8a 27 2c 62 88
            e5 85 c6 48 4d 05 26 2f ca d0 62 ad 1f 00 2b 00 03 02 03 04 00
            0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06 04 01
            05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00
            1c 00 02 40 01""";
    // {server}  construct a HelloRetryRequest handshake message (176 octets)
    static final String HELLO_RETRY_REQUEST = """
            02 00 00 ac 03 03 cf
            21 ad 74 e5 9a 61 11 be 1d 8c 02 1e 65 b8 91 c2 a2 11 16 7a bb
            8c 5e 07 9e 09 e2 c8 a8 33 9c 00 13 01 00 00 84 00 33 00 02 00
            17 00 2c 00 74 00 72 71 dc d0 4b b8 8b c3 18 91 19 39 8a 00 00
            00 00 ee fa fc 76 c1 46 b8 23 b0 96 f8 aa ca d3 65 dd 00 30 95
            3f 4e df 62 56 36 e5 f2 1b b2 e2 3f cc 65 4b 1b 5b 40 31 8d 10
            d1 37 ab cb b8 75 74 e3 6e 8a 1f 02 5f 7d fa 5d 6e 50 78 1b 5e
            da 4a a1 5b 0c 8b e7 78 25 7d 16 aa 30 30 e9 e7 84 1d d9 e4 c0
            34 22 67 e8 ca 0c af 57 1f b2 b7 cf f0 f9 34 b0 00 2b 00 02 03
            04""";
    // {client}  construct a ClientHello handshake message (the second, 512 octets)
    static final String CLIENT_HELLO_2 = """
            01 00 01 fc 03 03 b0
            b1 c5 a5 aa 37 c5 91 9f 2e d1 d5 c6 ff f7 fc b7 84 97 16 94 5a
            2b 8c ee 92 58 a3 46 67 7b 6f 00 00 06 13 01 13 03 13 02 01 00
            01 cd 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01 00 01
            00 00 0a 00 08 00 06 00 1d 00 17 00 18 00 33 00 47 00 45 00 17
            00 41 04 a6 da 73 92 ec 59 1e 17 ab fd 53 59 64 b9 98 94 d1 3b
            ef b2 21 b3 de f2 eb e3 83 0e ac 8f 01 51 81 26 77 c4 d6 d2 23
            7e 85 cf 01 d6 91 0c fb 83 95 4e 76 ba 73 52 83 05 34 15 98 97
            e8 06 57 80 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03
            06 03 02 03 08 04 08 05 08 06 04 01 05 01 06 01 02 01 04 02 05
            02 06 02 02 02 00 2c 00 74 00 72 71 dc d0 4b b8 8b c3 18 91 19
            39 8a 00 00 00 00 ee fa fc 76 c1 46 b8 23 b0 96 f8 aa ca d3 65
            dd 00 30 95 3f 4e df 62 56 36 e5 f2 1b b2 e2 3f cc 65 4b 1b 5b
            40 31 8d 10 d1 37 ab cb b8 75 74 e3 6e 8a 1f 02 5f 7d fa 5d 6e
            50 78 1b 5e da 4a a1 5b 0c 8b e7 78 25 7d 16 aa 30 30 e9 e7 84
            1d d9 e4 c0 34 22 67 e8 ca 0c af 57 1f b2 b7 cf f0 f9 34 b0 00
            2d 00 02 01 01 00 1c 00 02 40 01 00 15 00 af 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00""";
    // {server}  construct a ServerHello handshake message
    static final String SERVER_HELLO = """
            02 00 00 77 03 03 bb
            34 1d 84 7f d7 89 c4 7c 38 71 72 dc 0c 9b f1 47 fc ca cb 50 43
            d8 6c a4 c5 98 d3 ff 57 1b 98 00 13 01 00 00 4f 00 33 00 45 00
            17 00 41 04 58 3e 05 4b 7a 66 67 2a e0 20 ad 9d 26 86 fc c8 5b
            5a d4 1a 13 4a 0f 03 ee 72 b8 93 05 2b d8 5b 4c 8d e6 77 6f 5b
            04 ac 07 d8 35 40 ea b3 e3 d9 c5 47 bc 65 28 c4 31 7d 29 46 86
            09 3a 6c ad 7d 00 2b 00 02 03 04""";

    // {client}  create an ephemeral P-256 key pair
    static final String CLIENT_P256_PRIVATE = """
            ab 54 73 46 7e 19 34 6c eb 0a 04 14 e4
            1d a2 1d 4d 24 45 bc 30 25 af e9 7c 4e 8d c8 d5 13 da 39""";
    static final String CLIENT_P256_PUBLIC = """
            04 a6 da 73 92 ec 59 1e 17 ab fd 53 59 64
            b9 98 94 d1 3b ef b2 21 b3 de f2 eb e3 83 0e ac 8f 01 51 81 26
            77 c4 d6 d2 23 7e 85 cf 01 d6 91 0c fb 83 95 4e 76 ba 73 52 83
            05 34 15 98 97 e8 06 57 80""";
    // {server}  create an ephemeral P-256 key pair
    static final String SERVER_P256_PRIVATE = """
            8c 51 06 01 f9 76 5b fb 8e d6 93 44 9a
            48 98 98 59 b5 cf a8 79 cb 9f 54 43 c4 1c 5f f1 06 34 ed""";
    static final String SERVER_P256_PUBLIC = """
            04 58 3e 05 4b 7a 66 67 2a e0 20 ad 9d 26
            86 fc c8 5b 5a d4 1a 13 4a 0f 03 ee 72 b8 93 05 2b d8 5b 4c 8d
            e6 77 6f 5b 04 ac 07 d8 35 40 ea b3 e3 d9 c5 47 bc 65 28 c4 31
            7d 29 46 86 09 3a 6c ad 7d""";

    @Test
    void messageHashReplacesClientHello1() throws Exception {
        Transcript t = new Transcript();
        t.add(Bytes.fromHex(CLIENT_HELLO_1));
        // The client learns the suite from the HelloRetryRequest.
        t.begin(SUITE);
        t.replaceWithMessageHash();

        byte[] ch1Hash = MessageDigest.getInstance("SHA-256").digest(hex(CLIENT_HELLO_1));
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
                hex(CLIENT_P256_PRIVATE), Bytes.fromHex(CLIENT_P256_PUBLIC));
        ClientKeyShare server = EcdhKeyExchange.SECP256R1.fromPrivateKeyForTesting(
                hex(SERVER_P256_PRIVATE), Bytes.fromHex(SERVER_P256_PUBLIC));
        byte[] ecdhe = client.finish(Bytes.fromHex(SERVER_P256_PUBLIC));
        assertArrayEquals(ecdhe, server.finish(Bytes.fromHex(CLIENT_P256_PUBLIC)), "both sides agree");

        Transcript t = new Transcript();
        t.add(Bytes.fromHex(CLIENT_HELLO_1));
        t.begin(SUITE);
        t.replaceWithMessageHash();
        t.add(Bytes.fromHex(HELLO_RETRY_REQUEST));
        t.add(Bytes.fromHex(CLIENT_HELLO_2));
        t.add(Bytes.fromHex(SERVER_HELLO));
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
                hex(CLIENT_P256_PRIVATE), Bytes.fromHex(CLIENT_P256_PUBLIC));
        byte[] ecdhe = client.finish(Bytes.fromHex(SERVER_P256_PUBLIC));
        assertEquals(32, ecdhe.length);
        assertArrayEquals(hex("""
                ce 02 2e 5e 6e 81 e5 07 36 d7 73 f2 d3 ad fc e8
                22 0d 04 9b f5 10 f0 db fa c9 27 ef 42 43 b1 48"""),
                Hkdf.of(SUITE).extract(hex("""
                        6f 26 15 a1 08 c7 02 c5 67 8f 54 fc 9d ba
                        b6 97 16 c0 76 18 9c 48 25 0c eb ea c3 57 6c 36 11 ba"""), ecdhe),
                "{server} extract secret \"handshake\": secret");
    }

    @Test
    void messageHashNeedsExactlyClientHello1() {
        Transcript t = new Transcript();
        t.add(Bytes.fromHex(CLIENT_HELLO_1));
        t.add(Bytes.fromHex(HELLO_RETRY_REQUEST));
        t.begin(SUITE);
        assertThrows(IllegalStateException.class, t::replaceWithMessageHash);
        Transcript notBegun = new Transcript();
        notBegun.add(Bytes.fromHex(CLIENT_HELLO_1));
        assertThrows(IllegalStateException.class, notBegun::replaceWithMessageHash);
    }
}
