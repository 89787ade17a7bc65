package dev.padlock.crypto;

import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.firstCertificate;
import static dev.padlock.crypto.Rfc8448SimpleHandshakeTest.hex;
import static dev.padlock.testing.Rfc8448ClientAuthentication.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.SignatureScheme;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §6, "Client Authentication". The trace prints the server's and client's encrypted
 * flights only as records, so this test derives the handshake keys from the trace's private
 * keys, opens those records (AES-128-GCM through JCA, RFC 8446 §5.2–§5.3), and then checks
 * both CertificateVerify signatures (the server signs with ecdsa_secp256r1_sha256, the client
 * with rsa_pss_rsae_sha256), both Finished values and the later secrets against the trace.
 */
class Rfc8448ClientAuthenticationTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    /** Opens the first protected record of an epoch (sequence number 0) and returns its handshake messages. */
    static List<byte[]> openHandshakeRecord(TrafficKeys keys, Bytes protectedRecord) throws Exception {
        byte[] record = protectedRecord.toByteArray();
        Cipher gcm = Cipher.getInstance(SUITE.cipherTransformation());
        // RFC 8446 §5.3: nonce = iv XOR padded sequence number; 0 for the first record.
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys.key(), SUITE.keyAlgorithm()),
                new GCMParameterSpec(128, keys.iv()));
        gcm.updateAAD(record, 0, 5);
        byte[] inner = gcm.doFinal(record, 5, record.length - 5);
        int end = inner.length - 1;
        while (inner[end] == 0) {
            end--;
        }
        assertEquals(22, inner[end], "TLSInnerPlaintext.type is handshake");
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < end; ) {
            int len = ((inner[i + 1] & 0xFF) << 16) | ((inner[i + 2] & 0xFF) << 8) | (inner[i + 3] & 0xFF);
            messages.add(Arrays.copyOfRange(inner, i, i + 4 + len));
            i += 4 + len;
        }
        return messages;
    }

    static byte[] signatureOf(byte[] certificateVerify, SignatureScheme expected) {
        assertEquals(expected.code(), ((certificateVerify[4] & 0xFF) << 8) | (certificateVerify[5] & 0xFF),
                "CertificateVerify.algorithm");
        return Arrays.copyOfRange(certificateVerify, 8, certificateVerify.length);
    }

    @Test
    void clientAuthenticationHandshake() throws Exception {
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        ClientKeyShare server = XdhKeyExchange.X25519.fromPrivateKeyForTesting(SERVER_PRIVATE.toByteArray());
        byte[] ecdhe = client.finish(server.keyShare());
        assertArrayEquals(ecdhe, server.finish(client.keyShare()));

        Transcript t = new Transcript();
        t.add(CLIENT_HELLO);
        t.add(SERVER_HELLO);
        t.begin(SUITE);
        byte[] helloHash = t.currentHash();
        HandshakeSecret hs = EarlySecret.withoutPsk(SUITE).handshakeSecret(ecdhe);
        TrafficSecret cHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(helloHash);
        assertArrayEquals(hex("""
                ce c7 a3 0c 68 72 07 0f 22 a7 ee b0 65 76 8d b6
                7c 45 e2 95 33 db 87 99 08 ce 6d c6 6f 59 11 de"""), cHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c hs traffic\": expanded");
        assertArrayEquals(hex("""
                8b 02 d3 c0 04 42 a2 72 2c 40 98 eb e8 67 5b 23
                e8 01 51 0f 0d 7e d7 78 d8 eb 0b 8f 42 a1 9a 5e"""), sHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s hs traffic\": expanded");
        TrafficKeys sHsKeys = sHs.keys();
        assertArrayEquals(hex("6c b6 e6 06 19 d8 c7 35 5c 5d 4c 4b c2 be 90 d5"), sHsKeys.key(),
                "{server} derive write traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("64 f2 39 53 0c 3b 88 8f de 85 e0 be"), sHsKeys.iv(),
                "{server} derive write traffic keys for handshake data: iv expanded");
        TrafficKeys cHsKeys = cHs.keys();
        assertArrayEquals(hex("91 69 48 f7 28 d9 82 3f a4 1a 00 4d 08 3f 21 7f"), cHsKeys.key(),
                "{server} derive read traffic keys for handshake data: key expanded");
        assertArrayEquals(hex("64 15 3d 79 ba c9 ea 10 ca 5a 0a 88"), cHsKeys.iv(),
                "{server} derive read traffic keys for handshake data: iv expanded");

        // EncryptedExtensions, CertificateRequest, Certificate, CertificateVerify, Finished
        List<byte[]> serverFlight = openHandshakeRecord(sHsKeys, SERVER_FLIGHT_RECORD);
        assertEquals(List.of(8, 13, 11, 15, 20), serverFlight.stream().map(m -> (int) m[0]).toList());
        for (int i = 0; i < 3; i++) {
            t.add(Bytes.wrap(serverFlight.get(i)));
        }
        PublicKey serverKey = firstCertificate(serverFlight.get(2)).getPublicKey();
        byte[] serverSig = signatureOf(serverFlight.get(3), SignatureScheme.ECDSA_SECP256R1_SHA256);
        assertTrue(SignatureSchemes.verify(SignatureScheme.ECDSA_SECP256R1_SHA256, serverKey,
                SignatureSchemes.certificateVerifyContent(true, t.currentHash()), serverSig),
                "{server} CertificateVerify");
        t.add(Bytes.wrap(serverFlight.get(3)));
        byte[] serverFinished = serverFlight.get(4);
        assertTrue(sHs.verifyFinished(t.currentHash(), Arrays.copyOfRange(serverFinished, 4, serverFinished.length)),
                "{server} Finished");
        t.add(Bytes.wrap(serverFinished));
        byte[] serverFinishedHash = t.currentHash();

        MasterSecret master = hs.masterSecret();
        assertArrayEquals(hex("""
                73 c2 e8 90 fa 8d 06 72 58 d6 d5 0f a9 2f e4 56
                b0 98 cf 00 d9 72 7e ed 91 e8 89 2e f4 e6 f8 60"""),
                master.clientApplicationTrafficSecret0(serverFinishedHash).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c ap traffic\": expanded");
        assertArrayEquals(hex("""
                c4 9a 91 fa f5 7f 8c 54 5d 50 48 a0 15 bf 84 9f
                f6 39 42 e4 a7 ed cd 31 9f 8b 43 8a 97 c5 2e 21"""),
                master.serverApplicationTrafficSecret0(serverFinishedHash).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s ap traffic\": expanded");
        assertArrayEquals(hex("""
                05 2e 39 79 5e 5f 2b e6 e4 e0 97 4c fd d8 6c 6a
                7a fe 3e 57 e5 58 98 10 a3 cc cf 64 29 58 be b2"""),
                master.exporterMasterSecret(serverFinishedHash).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 exp master\": expanded");

        // Certificate, CertificateVerify, Finished from the client
        List<byte[]> clientFlight = openHandshakeRecord(cHsKeys, CLIENT_FLIGHT_RECORD);
        assertEquals(List.of(11, 15, 20), clientFlight.stream().map(m -> (int) m[0]).toList());
        t.add(Bytes.wrap(clientFlight.get(0)));
        PublicKey clientKey = firstCertificate(clientFlight.get(0)).getPublicKey();
        byte[] clientSig = signatureOf(clientFlight.get(1), SignatureScheme.RSA_PSS_RSAE_SHA256);
        assertTrue(SignatureSchemes.verify(SignatureScheme.RSA_PSS_RSAE_SHA256, clientKey,
                SignatureSchemes.certificateVerifyContent(false, t.currentHash()), clientSig),
                "{client} CertificateVerify");
        t.add(Bytes.wrap(clientFlight.get(1)));
        byte[] clientFinished = clientFlight.get(2);
        assertTrue(cHs.verifyFinished(t.currentHash(), Arrays.copyOfRange(clientFinished, 4, clientFinished.length)),
                "{client} Finished");
        t.add(Bytes.wrap(clientFinished));
        ResumptionMasterSecret rms = master.resumptionMasterSecret(t.currentHash());
        // The resumption master secret is checked through its §4.6.1 output for nonce 00 00.
        byte[] expectedRms = hex("""
                10 06 dc cb f4 0e b4 eb 97 8b ff 03 92 a9 e4 52
                a4 fb ad 58 aa 14 78 4d 5a 24 1c 6b 49 da cc fb""");
        assertArrayEquals(new ResumptionMasterSecret(SUITE, expectedRms).psk(hex("00 00")).bytes(),
                rms.psk(hex("00 00")).bytes(),
                "{client} derive secret \"tls13 res master\": expanded");
    }
}
