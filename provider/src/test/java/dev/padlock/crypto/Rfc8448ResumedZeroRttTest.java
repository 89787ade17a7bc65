package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static dev.padlock.testing.Rfc8448ResumedHandshake.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Rfc8448SimpleHandshake;
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

    static PreSharedKey psk() {
        ResumptionMasterSecret rms = new ResumptionMasterSecret(SUITE,
                Rfc8448SimpleHandshake.RESUMPTION_MASTER_SECRET.toByteArray());
        // The NewSessionTicket of §3 carries ticket_nonce 00 00.
        return rms.psk(hex("00 00"));
    }

    @Test
    void resumptionPskFromTicketNonce() {
        assertArrayEquals(Rfc8448SimpleHandshake.RESUMPTION_PSK.toByteArray(), psk().bytes(),
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
        Bytes clientHello = CLIENT_HELLO;
        assertEquals(512, clientHello.length());
        // RFC 8446 §4.2.11.2: truncate the binders list: u16 length + (u8 length + 32-byte binder).
        Bytes truncated = clientHello.slice(0, clientHello.length() - (2 + 1 + 32));

        Transcript transcript = new Transcript();
        transcript.begin(SUITE);
        byte[] binderHash = transcript.hashOf(truncated);
        assertArrayEquals(BINDER_HASH.toByteArray(), binderHash,
                "{client} calculate PSK binder: binder hash");

        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        byte[] binder = early.computeBinder(true, binderHash);
        assertArrayEquals(BINDER.toByteArray(), binder, "{client} calculate PSK binder: finished");
        assertArrayEquals(clientHello.slice(clientHello.length() - 32, clientHello.length()).toByteArray(), binder,
                "the binder sent in the ClientHello");
        assertTrue(early.verifyBinder(true, binderHash, BINDER.toByteArray()));
        assertFalse(early.verifyBinder(false, binderHash, BINDER.toByteArray()),
                "an ext binder key gives another binder");
        binder[31] ^= 1;
        assertFalse(early.verifyBinder(true, binderHash, binder));

        // hashOf left the running transcript untouched.
        assertArrayEquals(EarlySecret.emptyHash(SUITE), transcript.currentHash());
    }

    @Test
    void earlyAndHandshakeTrafficSecrets() {
        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        Transcript transcript = new Transcript();
        transcript.add(CLIENT_HELLO);
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

        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        ClientKeyShare server = XdhKeyExchange.X25519.fromPrivateKeyForTesting(SERVER_PRIVATE.toByteArray());
        assertEquals(SERVER_PUBLIC, server.keyShare(), "{server} x25519 public key");
        byte[] ecdhe = client.finish(server.keyShare());
        assertArrayEquals(ecdhe, server.finish(client.keyShare()));

        transcript.add(SERVER_HELLO);
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

    /** Opens the server's flight with the derived keys, checks its Finished and the application secrets. */
    @Test
    void serverFinishedAndApplicationSecrets() throws Exception {
        EarlySecret early = EarlySecret.withPsk(SUITE, psk());
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        HandshakeSecret hs = early.handshakeSecret(client.finish(SERVER_PUBLIC));
        Transcript t = new Transcript();
        t.begin(SUITE);
        t.add(CLIENT_HELLO);
        t.add(SERVER_HELLO);
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
        Bytes clientHello = CLIENT_HELLO;
        assertEquals(477, clientHello.length() - 35);
        assertArrayEquals(hex("fa d6 aa cb"), Arrays.copyOfRange(clientHello.toByteArray(), 473, 477),
                "the prefix ends with the ticket's last bytes");
    }
}
