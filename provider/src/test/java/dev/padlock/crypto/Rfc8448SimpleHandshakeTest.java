package dev.padlock.crypto;

import static dev.padlock.testing.Rfc8448SimpleHandshake.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import org.junit.jupiter.api.Test;

/**
 * RFC 8448 §3, "Simple 1-RTT Handshake" (TLS_AES_128_GCM_SHA256, x25519): every secret, key,
 * IV and Finished value of the trace, computed from the trace's private keys and messages.
 * Each assertion carries the trace's step name.
 */
class Rfc8448SimpleHandshakeTest {
    static final CipherSuiteSpec SUITE = CipherSuiteSpec.TLS_AES_128_GCM_SHA256;

    static byte[] hex(String s) {
        return Bytes.fromHex(s).toByteArray();
    }

    private static Transcript transcript(Bytes... messages) {
        Transcript t = new Transcript();
        t.begin(SUITE);
        for (Bytes m : messages) {
            t.add(m);
        }
        return t;
    }

    @Test
    void ecdheSharedSecretFromBothPrivateKeys() {
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        ClientKeyShare server = XdhKeyExchange.X25519.fromPrivateKeyForTesting(SERVER_PRIVATE.toByteArray());
        assertEquals(CLIENT_PUBLIC, client.keyShare(), "{client} x25519 public key");
        assertEquals(SERVER_PUBLIC, server.keyShare(), "{server} x25519 public key");
        byte[] ikm = ECDHE_SHARED_SECRET.toByteArray();
        assertArrayEquals(ikm, client.finish(SERVER_PUBLIC), "{server} extract secret \"handshake\": IKM (client side)");
        assertArrayEquals(ikm, server.finish(CLIENT_PUBLIC), "{server} extract secret \"handshake\": IKM (server side)");
    }

    @Test
    void keyScheduleFromEarlySecretToResumption() {
        ClientKeyShare client = XdhKeyExchange.X25519.fromPrivateKeyForTesting(CLIENT_PRIVATE.toByteArray());
        byte[] ecdhe = client.finish(SERVER_PUBLIC);

        EarlySecret early = EarlySecret.withoutPsk(SUITE);
        HandshakeSecret hs = early.handshakeSecret(ecdhe);

        Transcript t = transcript(CLIENT_HELLO, SERVER_HELLO);
        byte[] helloHash = t.currentHash();
        assertArrayEquals(HELLO_HASH.toByteArray(), helloHash,
                "{server} derive secret \"tls13 c hs traffic\": hash");

        TrafficSecret cHs = hs.clientHandshakeTrafficSecret(helloHash);
        TrafficSecret sHs = hs.serverHandshakeTrafficSecret(helloHash);
        assertArrayEquals(hex("""
                b3 ed db 12 6e 06 7f 35 a7 80 b3 ab f4 5e
                2d 8f 3b 1a 95 07 38 f5 2e 96 00 74 6a 0e 27 a5 5a 21"""), cHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c hs traffic\": expanded");
        assertArrayEquals(hex("""
                b6 7b 7d 69 0c c1 6c 4e 75 e5 42 13 cb 2d
                37 b4 e9 c9 12 bc de d9 10 5d 42 be fd 59 d3 91 ad 38"""), sHs.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s hs traffic\": expanded");

        TrafficKeys sHsKeys = sHs.keys();
        assertArrayEquals(SERVER_HS_KEY.toByteArray(), sHsKeys.key(),
                "{server} derive write traffic keys for handshake data: key expanded");
        assertArrayEquals(SERVER_HS_IV.toByteArray(), sHsKeys.iv(),
                "{server} derive write traffic keys for handshake data: iv expanded");
        TrafficKeys cHsKeys = cHs.keys();
        assertArrayEquals(CLIENT_HS_KEY.toByteArray(), cHsKeys.key(),
                "{server} derive read traffic keys for handshake data: key expanded");
        assertArrayEquals(CLIENT_HS_IV.toByteArray(), cHsKeys.iv(),
                "{server} derive read traffic keys for handshake data: iv expanded");

        // {server}  calculate finished "tls13 finished"
        assertArrayEquals(hex("""
                00 8d 3b 66 f8 16 ea 55 9f 96 b5 37 e8 85
                c3 1f c0 68 bf 49 2c 65 2f 01 f2 88 a1 d8 cd c1 9f c8"""), sHs.finishedKey(),
                "{server} calculate finished \"tls13 finished\": expanded");
        t.add(ENCRYPTED_EXTENSIONS);
        t.add(CERTIFICATE);
        t.add(CERTIFICATE_VERIFY);
        byte[] serverVerifyData = sHs.verifyData(t.currentHash());
        byte[] serverFinished = SERVER_FINISHED.toByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(serverFinished, 4, serverFinished.length), serverVerifyData,
                "{server} calculate finished \"tls13 finished\": finished");
        assertTrue(sHs.verifyFinished(t.currentHash(), serverVerifyData));
        serverVerifyData[0] ^= 1;
        assertFalse(sHs.verifyFinished(t.currentHash(), serverVerifyData), "a changed verify_data is refused");

        t.add(SERVER_FINISHED);
        byte[] serverFinishedHash = t.currentHash();
        assertArrayEquals(SERVER_FINISHED_HASH.toByteArray(), serverFinishedHash,
                "{server} derive secret \"tls13 c ap traffic\": hash");

        MasterSecret master = hs.masterSecret();
        TrafficSecret cAp = master.clientApplicationTrafficSecret0(serverFinishedHash);
        TrafficSecret sAp = master.serverApplicationTrafficSecret0(serverFinishedHash);
        assertArrayEquals(hex("""
                9e 40 64 6c e7 9a 7f 9d c0 5a f8 88 9b ce
                65 52 87 5a fa 0b 06 df 00 87 f7 92 eb b7 c1 75 04 a5"""), cAp.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 c ap traffic\": expanded");
        assertArrayEquals(hex("""
                a1 1a f9 f0 55 31 f8 56 ad 47 11 6b 45 a9
                50 32 82 04 b4 f4 4b fb 6b 3a 4b 4f 1f 3f cb 63 16 43"""), sAp.insecureExportForKeyLog(),
                "{server} derive secret \"tls13 s ap traffic\": expanded");
        assertArrayEquals(hex("""
                fe 22 f8 81 17 6e da 18 eb 8f 44 52 9e 67
                92 c5 0c 9a 3f 89 45 2f 68 d8 ae 31 1b 43 09 d3 cf 50"""),
                master.exporterMasterSecret(serverFinishedHash).insecureExportForKeyLog(),
                "{server} derive secret \"tls13 exp master\": expanded");

        TrafficKeys sApKeys = sAp.keys();
        assertArrayEquals(SERVER_AP_KEY.toByteArray(), sApKeys.key(),
                "{server} derive write traffic keys for application data: key expanded");
        assertArrayEquals(SERVER_AP_IV.toByteArray(), sApKeys.iv(),
                "{server} derive write traffic keys for application data: iv expanded");
        TrafficKeys cApKeys = cAp.keys();
        assertArrayEquals(CLIENT_AP_KEY.toByteArray(), cApKeys.key(),
                "{client} derive write traffic keys for application data: key expanded");
        assertArrayEquals(CLIENT_AP_IV.toByteArray(), cApKeys.iv(),
                "{client} derive write traffic keys for application data: iv expanded");

        // {client}  calculate finished "tls13 finished"
        assertArrayEquals(hex("""
                b8 0a d0 10 15 fb 2f 0b d6 5f f7 d4 da 5d
                6b f8 3f 84 82 1d 1f 87 fd c7 d3 c7 5b 5a 7b 42 d9 c4"""), cHs.finishedKey(),
                "{client} calculate finished \"tls13 finished\": expanded");
        byte[] clientFinished = CLIENT_FINISHED.toByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(clientFinished, 4, clientFinished.length),
                cHs.verifyData(serverFinishedHash), "{client} calculate finished \"tls13 finished\": finished");

        t.add(CLIENT_FINISHED);
        byte[] clientFinishedHash = t.currentHash();
        assertArrayEquals(CLIENT_FINISHED_HASH.toByteArray(), clientFinishedHash,
                "{client} derive secret \"tls13 res master\": hash");
        ResumptionMasterSecret rms = master.resumptionMasterSecret(clientFinishedHash);
        // {server} generate resumption secret "tls13 resumption", ticket_nonce 00 00 (RFC 8448 §3)
        assertArrayEquals(RESUMPTION_PSK.toByteArray(), rms.psk(hex("00 00")).bytes(),
                "{server} generate resumption secret \"tls13 resumption\": expanded");
    }

    /** The DER of the first CertificateEntry of a TLS 1.3 Certificate message (RFC 8446 §4.4.2). */
    static java.security.cert.X509Certificate firstCertificate(byte[] certificateMessage) throws Exception {
        int contextLength = certificateMessage[4] & 0xFF;
        int entry = 4 + 1 + contextLength + 3;
        int certLength = ((certificateMessage[entry] & 0xFF) << 16) | ((certificateMessage[entry + 1] & 0xFF) << 8)
                | (certificateMessage[entry + 2] & 0xFF);
        byte[] der = java.util.Arrays.copyOfRange(certificateMessage, entry + 3, entry + 3 + certLength);
        return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    /** The trace's server CertificateVerify (rsa_pss_rsae_sha256) verifies with its certificate's key. */
    @Test
    void serverCertificateVerifySignatureVerifies() throws Exception {
        java.security.PublicKey key = firstCertificate(CERTIFICATE.toByteArray()).getPublicKey();
        byte[] cv = CERTIFICATE_VERIFY.toByteArray();
        assertEquals(0x0804, ((cv[4] & 0xFF) << 8) | (cv[5] & 0xFF), "rsa_pss_rsae_sha256");
        byte[] signature = java.util.Arrays.copyOfRange(cv, 8, cv.length);
        assertEquals(((cv[6] & 0xFF) << 8) | (cv[7] & 0xFF), signature.length);

        byte[] th = transcript(CLIENT_HELLO, SERVER_HELLO, ENCRYPTED_EXTENSIONS, CERTIFICATE).currentHash();
        byte[] content = SignatureSchemes.certificateVerifyContent(true, th);
        dev.padlock.wire.SignatureScheme scheme = dev.padlock.wire.SignatureScheme.RSA_PSS_RSAE_SHA256;
        assertTrue(SignatureSchemes.canVerify(scheme, key));
        assertTrue(SignatureSchemes.verify(scheme, key, content, signature), "{server} CertificateVerify");
        assertFalse(SignatureSchemes.verify(scheme, key, SignatureSchemes.certificateVerifyContent(false, th), signature),
                "the same signature is not a client CertificateVerify");
    }

    @Test
    void intermediateSecretsOfTheSchedule() {
        // Checked through Hkdf directly, since the chain types do not expose their bytes.
        Hkdf hkdf = Hkdf.of(SUITE);
        byte[] early = hkdf.extract(new byte[32], new byte[32]);
        assertArrayEquals(hex("""
                33 ad 0a 1c 60 7e c0 3b 09 e6 cd 98 93 68 0c
                e2 10 ad f3 00 aa 1f 26 60 e1 b2 2e 10 f1 70 f9 2a"""), early,
                "{server} extract secret \"early\": secret");
        byte[] derived = hkdf.deriveSecret(early, "derived", EarlySecret.emptyHash(SUITE));
        assertArrayEquals(DERIVED_FOR_HANDSHAKE.toByteArray(), derived,
                "{server} derive secret for handshake \"tls13 derived\": expanded");
        byte[] handshake = hkdf.extract(derived, ECDHE_SHARED_SECRET.toByteArray());
        assertArrayEquals(hex("""
                1d c8 26 e9 36 06 aa 6f dc 0a ad c1 2f 74 1b
                01 04 6a a6 b9 9f 69 1e d2 21 a9 f0 ca 04 3f be ac"""), handshake,
                "{server} extract secret \"handshake\": secret");
        byte[] derived2 = hkdf.deriveSecret(handshake, "derived", EarlySecret.emptyHash(SUITE));
        assertArrayEquals(hex("""
                43 de 77 e0 c7 77 13 85 9a 94 4d b9 db 25
                90 b5 31 90 a6 5b 3e e2 e4 f1 2d d7 a0 bb 7c e2 54 b4"""), derived2,
                "{server} derive secret for master \"tls13 derived\": expanded");
        assertArrayEquals(hex("""
                18 df 06 84 3d 13 a0 8b f2 a4 49 84 4c 5f 8a
                47 80 01 bc 4d 4c 62 79 84 d5 a4 1d a8 d0 40 29 19"""), hkdf.extract(derived2, new byte[32]),
                "{server} extract secret \"master\": secret");
    }
}
