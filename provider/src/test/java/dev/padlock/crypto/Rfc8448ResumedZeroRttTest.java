package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §4, "Resumed 0-RTT Handshake": the PSK from §3's resumption master secret and
 * ticket nonce, the early secret, the binder over the truncated ClientHello, the early traffic
 * secret, and the handshake traffic secrets of the resumed handshake.
 */
class Rfc8448ResumedZeroRttTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    // {client}  create an ephemeral x25519 key pair
    static final String CLIENT_PRIVATE = """
            bf f9 11 88 28 38 46 dd 6a 21 34 ef 71
            80 ca 2b 0b 14 fb 10 dc e7 07 b5 09 8c 0d dd c8 13 b2 df""";
    // {server}  create an ephemeral x25519 key pair
    static final String SERVER_PRIVATE = """
            de 5b 44 76 e7 b4 90 b2 65 2d 33 8a cb
            f2 94 80 66 f2 55 f9 44 0e 23 b9 8f c6 98 35 29 8d c1 07""";
    static final String SERVER_PUBLIC = """
            12 17 61 ee 42 c3 33 e1 b9 e7 7b 60 dd 57
            c2 05 3c d9 45 12 ab 47 f1 15 e8 6e ff 50 94 2c ea 31""";

    // {client}  send handshake record: payload (512 octets), binders included
    static final String CLIENT_HELLO = """
            01 00 01 fc 03 03 1b c3 ce b6 bb e3 9c ff
            93 83 55 b5 a5 0a db 6d b2 1b 7a 6a f6 49 d7 b4 bc 41 9d 78 76
            48 7d 95 00 00 06 13 01 13 03 13 02 01 00 01 cd 00 00 00 0b 00
            09 00 00 06 73 65 72 76 65 72 ff 01 00 01 00 00 0a 00 14 00 12
            00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 33 00
            26 00 24 00 1d 00 20 e4 ff b6 8a c0 5f 8d 96 c9 9d a2 66 98 34
            6c 6b e1 64 82 ba dd da fe 05 1a 66 b4 f1 8d 66 8f 0b 00 2a 00
            00 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02
            03 08 04 08 05 08 06 04 01 05 01 06 01 02 01 04 02 05 02 06 02
            02 02 00 2d 00 02 01 01 00 1c 00 02 40 01 00 15 00 57 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 29 00 dd 00 b8 00 b2 2c 03 5d 82 93 59 ee 5f f7 af 4e c9 00
            00 00 00 26 2a 64 94 dc 48 6d 2c 8a 34 cb 33 fa 90 bf 1b 00 70
            ad 3c 49 88 83 c9 36 7c 09 a2 be 78 5a bc 55 cd 22 60 97 a3 a9
            82 11 72 83 f8 2a 03 a1 43 ef d3 ff 5d d3 6d 64 e8 61 be 7f d6
            1d 28 27 db 27 9c ce 14 50 77 d4 54 a3 66 4d 4e 6d a4 d2 9e e0
            37 25 a6 a4 da fc d0 fc 67 d2 ae a7 05 29 51 3e 3d a2 67 7f a5
            90 6c 5b 3f 7d 8f 92 f2 28 bd a4 0d da 72 14 70 f9 fb f2 97 b5
            ae a6 17 64 6f ac 5c 03 27 2e 97 07 27 c6 21 a7 91 41 ef 5f 7d
            e6 50 5e 5b fb c3 88 e9 33 43 69 40 93 93 4a e4 d3 57 fa d6 aa
            cb 00 21 20 3a dd 4f b2 d8 fd f8 22 a0 ca 3c f7 67 8e f5 e8 8d
            ae 99 01 41 c5 92 4d 57 bb 6f a3 1b 9e 5f 9d""";

    // {server}  construct a ServerHello handshake message (from the record, header removed)
    static final String SERVER_HELLO = """
            02 00 00 5c 03 03 3c
            cf d2 de c8 90 22 27 63 47 2a e8 13 67 77 c9 d7 35 87 77 bb 66
            e9 1e a5 12 24 95 f5 59 ea 2d 00 13 01 00 00 34 00 29 00 02 00
            00 00 33 00 24 00 1d 00 20 12 17 61 ee 42 c3 33 e1 b9 e7 7b 60
            dd 57 c2 05 3c d9 45 12 ab 47 f1 15 e8 6e ff 50 94 2c ea 31 00
            2b 00 02 03 04""";

    static final String BINDER = """
            3a dd 4f b2 d8 fd f8 22 a0 ca 3c f7 67 8e
            f5 e8 8d ae 99 01 41 c5 92 4d 57 bb 6f a3 1b 9e 5f 9d""";

    static PreSharedKey psk() {
        ResumptionMasterSecret rms = new ResumptionMasterSecret(SUITE,
                hex(Rfc8448SimpleHandshakeTest.RESUMPTION_MASTER_SECRET));
        // The NewSessionTicket of §3 carries ticket_nonce 00 00.
        return rms.psk(hex("00 00"));
    }

    @Test
    void resumptionPskFromTicketNonce() {
        assertArrayEquals(hex("""
                4e cd 0e b6 ec 3b 4d 87 f5 d6 02 8f 92 2c
                a4 c5 85 1a 27 7f d4 13 11 c9 e6 2d 2c 94 92 e1 c4 f3"""), psk().bytes(),
                "{server} generate resumption secret \"tls13 resumption\": expanded");
    }

    @Test
    void earlySecretAndBinderKey() {
        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        assertArrayEquals(hex("""
                9b 21 88 e9 b2 fc 6d 64 d7 1d c3 29 90 0e 20
                bb 41 91 50 00 f6 78 aa 83 9c bb 79 7c b7 d8 33 2c"""),
                Hkdf.of(SUITE).extract(new byte[32], psk().bytes()), "{client} extract secret \"early\": secret");
        assertArrayEquals(hex("""
                69 fe 13 1a 3b ba d5 d6 3c 64 ee bc c3 0e 39 5b
                9d 81 07 72 6a 13 d0 74 e3 89 db c8 a4 e4 72 56"""), early.binderKey(true),
                "{client} calculate PSK binder: PRK");
    }

    @Test
    void binderOverTheTruncatedClientHello() {
        Bytes clientHello = Bytes.fromHex(CLIENT_HELLO);
        assertEquals(512, clientHello.length());
        // RFC 8446 §4.2.11.2: truncate the binders list: u16 length + (u8 length + 32-byte binder).
        Bytes truncated = clientHello.slice(0, clientHello.length() - (2 + 1 + 32));

        Transcript transcript = new Transcript();
        transcript.begin(SUITE);
        byte[] binderHash = transcript.hashOf(truncated);
        assertArrayEquals(hex("""
                63 22 4b 2e 45 73 f2 d3 45 4c a8 4b 9d
                00 9a 04 f6 be 9e 05 71 1a 83 96 47 3a ef a0 1e 92 4a 14"""), binderHash,
                "{client} calculate PSK binder: binder hash");

        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        byte[] binder = early.computeBinder(true, binderHash);
        assertArrayEquals(hex(BINDER), binder, "{client} calculate PSK binder: finished");
        assertArrayEquals(clientHello.slice(clientHello.length() - 32, clientHello.length()).toByteArray(), binder,
                "the binder sent in the ClientHello");
        assertTrue(early.verifyBinder(true, binderHash, hex(BINDER)));
        assertFalse(early.verifyBinder(false, binderHash, hex(BINDER)), "an ext binder key gives another binder");
        binder[31] ^= 1;
        assertFalse(early.verifyBinder(true, binderHash, binder));

        // hashOf left the running transcript untouched.
        assertArrayEquals(EarlySecret.emptyHash(SUITE), transcript.currentHash());
    }

    @Test
    void earlyAndHandshakeTrafficSecrets() {
        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        Transcript transcript = new Transcript();
        transcript.add(Bytes.fromHex(CLIENT_HELLO));
        transcript.begin(SUITE);
        byte[] clientHelloHash = transcript.currentHash();
        assertArrayEquals(hex("""
                08 ad 0f a0 5d 7c 72 33 b1 77 5b a2 ff 9f 4c 5b
                8b 59 27 6b 7f 22 7f 13 a9 76 24 5f 5d 96 09 13"""), clientHelloHash,
                "{client} derive secret \"tls13 c e traffic\": hash");

        TrafficSecret cEarly = early.clientEarlyTrafficSecret(clientHelloHash);
        assertArrayEquals(hex("""
                3f bb e6 a6 0d eb 66 c3 0a 32 79 5a ba 0e
                ff 7e aa 10 10 55 86 e7 be 5c 09 67 8d 63 b6 ca ab 62"""), cEarly.insecureExportForKeyLog(),
                "{client} derive secret \"tls13 c e traffic\": expanded");
        assertArrayEquals(hex("""
                b2 02 68 66 61 09 37 d7 42 3e 5b e9 08 62 cc f2
                4c 0e 60 91 18 6d 34 f8 12 08 9f f5 be 2e f7 df"""),
                early.earlyExporterMasterSecret(clientHelloHash).insecureExportForKeyLog(),
                "{client} derive secret \"tls13 e exp master\": expanded");
        TrafficKeys earlyKeys = cEarly.keys();
        assertArrayEquals(hex("92 02 05 a5 b7 bf 21 15 e6 fc 5c 29 42 83 4f 54"), earlyKeys.key(),
                "{client} derive write traffic keys for early application data: key expanded");
        assertArrayEquals(hex("6d 47 5f 09 93 c8 e5 64 61 0d b2 b9"), earlyKeys.iv(),
                "{client} derive write traffic keys for early application data: iv expanded");

        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(hex(CLIENT_PRIVATE));
        ClientKeyShare server = XdhKeyExchange.X25519.fromPrivateKeyForTesting(hex(SERVER_PRIVATE));
        assertEquals(Bytes.fromHex(SERVER_PUBLIC), server.keyShare(), "{server} x25519 public key");
        byte[] ecdhe = client.finish(server.keyShare());
        assertArrayEquals(ecdhe, server.finish(client.keyShare()));

        transcript.add(Bytes.fromHex(SERVER_HELLO));
        byte[] helloHash = transcript.currentHash();
        HandshakeSecret hs = early.handshakeSecret(ecdhe);
        assertArrayEquals(hex("""
                2f aa c0 8f 85 1d 35 fe a3 60 4f cb 4d e8 2d c6
                2c 9b 16 4a 70 97 4d 04 62 e2 7f 1a b2 78 70 0f"""),
                hs.clientHandshakeTrafficSecret(helloHash).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c hs traffic\": expanded");
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(helloHash);
        assertArrayEquals(hex("""
                fe 92 7a e2 71 31 2e 8b f0 27 5b 58 1c 54 ee f0
                20 45 0d c4 ec ff aa 05 a1 a3 5d 27 51 8e 78 03"""), sHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s hs traffic\": expanded");
        assertArrayEquals(hex("27 c6 bd c0 a3 dc ea 39 a4 73 26 d7 9b c9 e4 ee"), sHs.keys().key(),
                "{server} derive write traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("95 69 ec dd 4d 05 36 70 5e 9e f7 25"), sHs.keys().iv(),
                "{server} derive write traffic keys for handshake data: iv expanded");
    }

    // {server}  send handshake record: complete record (EncryptedExtensions, Finished)
    static final String SERVER_FLIGHT_RECORD = """
            17 03 03 00 61 dc 48 23 7b 4b 87 9f
            50 d0 d4 d2 62 ea 8b 47 16 eb 40 dd c1 eb 95 7e 11 12 6e 8a 71
            49 c2 d0 12 d3 7a 71 15 95 7e 64 ce 30 00 8b 9e 03 23 f2 c0 5a
            9c 1c 77 b4 f3 78 49 a6 95 ab 25 50 60 a3 3f ee 77 0c a9 5c b8
            48 6b fd 08 43 b8 70 24 86 5c a3 5c c4 1c 4e 51 5c 64 dc b1 36
            9f 98 63 5b c7 a5""";

    /** Opens the server's flight with the derived keys, checks its Finished and the application secrets. */
    @Test
    void serverFinishedAndApplicationSecrets() throws Exception {
        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(hex(CLIENT_PRIVATE));
        HandshakeSecret hs = early.handshakeSecret(client.finish(Bytes.fromHex(SERVER_PUBLIC)));
        Transcript t = new Transcript();
        t.begin(SUITE);
        t.add(Bytes.fromHex(CLIENT_HELLO));
        t.add(Bytes.fromHex(SERVER_HELLO));
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(t.currentHash());

        java.util.List<byte[]> flight = Rfc8448ClientAuthenticationTest.openHandshakeRecord(sHs.keys(),
                SERVER_FLIGHT_RECORD);
        assertEquals(java.util.List.of(8, 20), flight.stream().map(m -> (int) m[0]).toList(),
                "EncryptedExtensions, Finished: no certificate when resuming");
        t.add(Bytes.wrap(flight.get(0)));
        byte[] finished = flight.get(1);
        assertTrue(sHs.verifyFinished(t.currentHash(), Arrays.copyOfRange(finished, 4, finished.length)),
                "{server} Finished");
        t.add(Bytes.wrap(finished));
        byte[] th = t.currentHash();

        MasterSecret master = hs.masterSecret();
        assertArrayEquals(hex("""
                2a bb f2 b8 e3 81 d2 3d be be 1d d2 a7 d1 6a 8b
                f4 84 cb 49 50 d2 3f b7 fb 7f a8 54 70 62 d9 a1"""),
                master.clientApplicationTrafficSecret0(th).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c ap traffic\": expanded");
        TrafficSecret sAp = master.serverApplicationTrafficSecret0(th);
        assertArrayEquals(hex("""
                cc 21 f1 bf 8f eb 7d d5 fa 50 5b d9 c4 b4 68 a9
                98 4d 55 4a 99 3d c4 9e 6d 28 55 98 fb 67 26 91"""), sAp.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s ap traffic\": expanded");
        assertArrayEquals(hex("""
                3f d9 3d 4f fd dc 98 e6 4b 14 dd 10 7a ed f8 ee
                4a dd 23 f4 51 0f 58 a4 59 2d 0b 20 1b ee 56 b4"""),
                master.exporterMasterSecret(th).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 exp master\": expanded");
        assertArrayEquals(hex("e8 57 c6 90 a3 4c 5a 91 29 d8 33 61 96 84 f9 5e"), sAp.keys().key(),
                "{server} derive write traffic keys for application data: key expanded");
        assertArrayEquals(hex("06 85 d6 b5 61 aa b9 ef 10 13 fa f9"), sAp.keys().iv(),
                "{server} derive write traffic keys for application data: iv expanded");
    }

    @Test
    void truncationLengthMatchesTheTracePrefix() {
        // {client} calculate PSK binder: ClientHello prefix (477 octets)
        Bytes clientHello = Bytes.fromHex(CLIENT_HELLO);
        assertEquals(477, clientHello.length() - 35);
        assertArrayEquals(hex("fa d6 aa cb"), Arrays.copyOfRange(clientHello.toByteArray(), 473, 477),
                "the prefix ends with the ticket's last bytes");
    }
}
