package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448ClientAuthenticationTest.openHandshakeRecord;
import static dev.padlock.crypto.Rfc8448ClientAuthenticationTest.signatureOf;
import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.firstCertificate;
import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static dev.padlock.testing.Rfc8448CompatibilityMode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.SignatureScheme;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §7, "Compatibility Mode" (RFC 8446 §D.4): a legacy_session_id and
 * change_cipher_spec records. change_cipher_spec is a record, not a handshake message, so it
 * never enters the transcript; the secrets differ from §3 only through the messages and keys.
 */
class Rfc8448CompatibilityModeTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    @Test
    void compatibilityModeHandshake() throws Exception {
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        ClientKeyShare server = XdhKeyExchange.X25519.fromPrivateKeyForTesting(SERVER_PRIVATE.toByteArray());
        byte[] ecdhe = client.finish(server.keyShare());
        assertArrayEquals(ecdhe, server.finish(client.keyShare()));

        Transcript t = new Transcript();
        t.add(CLIENT_HELLO);
        t.add(SERVER_HELLO);
        t.begin(SUITE);
        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE).handshakeSecret(ecdhe);
        TrafficSecret cHs = hs.clientHandshakeTrafficSecret(t.currentHash());
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(t.currentHash());
        assertArrayEquals(hex("""
                2c 3c b2 4a 10 81 ed b5 95 18 ee 68 61 e8 9a 6b
                72 b3 80 1a fe 77 13 e4 cb bc 21 c0 79 5b f8 31"""), cHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c hs traffic\": expanded");
        assertArrayEquals(hex("""
                ca ce 3d 55 5c c1 c5 77 cf 97 0c ff 28 cf 97 8d
                6a 98 00 08 54 42 e1 8d 69 5b 50 f3 15 1d 18 c8"""), sHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s hs traffic\": expanded");
        TrafficKeys sHsKeys = sHs.keys();
        assertArrayEquals(hex("04 10 91 fd ab 29 f2 c8 ab fb 15 6d c5 fc 8d 54"), sHsKeys.key(),
                "{server} derive write traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("74 64 d7 91 68 5d e0 59 98 fc ba db"), sHsKeys.iv(),
                "{server} derive write traffic keys for handshake data: iv expanded");
        TrafficKeys cHsKeys = cHs.keys();
        assertArrayEquals(hex("62 d1 3c 13 ff d7 40 2f c1 c0 9e 3d 16 36 65 cb"), cHsKeys.key(),
                "{server} derive read traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("71 66 f2 00 28 bf 14 6d cf bd 5a 40"), cHsKeys.iv(),
                "{server} derive read traffic keys for handshake data: iv expanded");

        List<byte[]> flight = openHandshakeRecord(sHsKeys, SERVER_FLIGHT_RECORD);
        assertEquals(List.of(8, 11, 15, 20), flight.stream().map(m -> (int) m[0]).toList());
        t.add(Bytes.wrap(flight.get(0)));
        t.add(Bytes.wrap(flight.get(1)));
        assertTrue(SignatureSchemes.verify(SignatureScheme.RSA_PSS_RSAE_SHA256,
                firstCertificate(flight.get(1)).getPublicKey(),
                SignatureSchemes.certificateVerifyContent(true, t.currentHash()),
                signatureOf(flight.get(2), SignatureScheme.RSA_PSS_RSAE_SHA256)), "{server} CertificateVerify");
        t.add(Bytes.wrap(flight.get(2)));
        byte[] sFin = flight.get(3);
        assertTrue(sHs.verifyFinished(t.currentHash(), Arrays.copyOfRange(sFin, 4, sFin.length)), "{server} Finished");
        t.add(Bytes.wrap(sFin));
        byte[] th = t.currentHash();

        MasterSecret master = hs.masterSecret();
        TrafficSecret cAp = master.clientApplicationTrafficSecret0(th);
        TrafficSecret sAp = master.serverApplicationTrafficSecret0(th);
        assertArrayEquals(hex("""
                74 3e 4c 6b 56 cf 39 09 d1 b0 6d 01 95 6c cd 2c
                4b 37 75 84 49 ae c4 1d 98 da e4 49 24 ea a2 99"""), cAp.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c ap traffic\": expanded");
        assertArrayEquals(hex("""
                b6 b8 14 4a a3 35 ed 30 59 c0 c9 c8 f0 ec ab f7
                af c9 4a f6 64 3b de cd fd 92 10 18 8f ab 74 51"""), sAp.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s ap traffic\": expanded");
        assertArrayEquals(hex("""
                fb 69 12 1c ea 33 4d b4 59 e1 22 72 d1 79 ba ca
                23 69 b6 43 d1 1a 6a c7 2b 8b 27 a5 c9 64 fe b1"""),
                master.exporterMasterSecret(th).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 exp master\": expanded");
        assertArrayEquals(hex("ed c4 cb d0 04 1c 28 cc 71 67 44 1d 7c a5 3e 6a"), sAp.keys().key(),
                "{server} derive write traffic keys for application data: key expanded");
        assertArrayEquals(hex("bf 6c 7d 8e 0a 95 45 b4 27 dc f1 39"), sAp.keys().iv(),
                "{server} derive write traffic keys for application data: iv expanded");
        assertArrayEquals(hex("33 d7 f9 70 97 56 c9 66 48 8a d4 43 84 37 e6 73"), cAp.keys().key(),
                "{client} derive write traffic keys for application data: key expanded");
        assertArrayEquals(hex("c5 f3 0d 34 b0 e9 1b 7d 6c 8e ea 65"), cAp.keys().iv(),
                "{client} derive write traffic keys for application data: iv expanded");

        List<byte[]> clientFlight = openHandshakeRecord(cHsKeys, CLIENT_FINISHED_RECORD);
        byte[] cFin = clientFlight.get(0);
        assertEquals(20, cFin[0]);
        assertTrue(cHs.verifyFinished(th, Arrays.copyOfRange(cFin, 4, cFin.length)), "{client} Finished");
        t.add(Bytes.wrap(cFin));
        byte[] expectedRms = hex("""
                0b 5d 44 07 ce a0 a4 2a 3a 81 dd 47 76 47 b7 fe
                91 80 db 29 7e 51 14 f1 ad 87 96 b4 dc 47 50 04""");
        assertArrayEquals(new ResumptionMasterSecret(SUITE, expectedRms).psk(new byte[0]).bytes(),
                master.resumptionMasterSecret(t.currentHash()).psk(new byte[0]).bytes(),
                "{client} derive secret \"tls13 res master\": expanded (compared through a §4.6.1 PSK)");
    }
}
