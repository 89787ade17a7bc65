package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Scenarios.ClientVictim;
import dev.padlock.core.Scenarios.ServerVictim;
import dev.padlock.core.ScriptedPeer.Sent;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finished, CertificateVerify and record protection that do not verify (RFC 8446 §4.4.3, §4.4.4, §5.2). */
class CryptoRejectionTest {
    /** Offset of the first verify_data byte in a Finished message. */
    private static final int VERIFY_DATA = 4;
    /** Offset of the SignatureScheme in a CertificateVerify message. */
    private static final int ALGORITHM = 4;

    private static ClientVictim clientFacingServerWith(KeyKind key) {
        return new ClientVictim(clientConfig(), serverConfig(key, ConnectionPair.ALL_GROUPS, ClientAuth.NONE));
    }

    /** A real server requiring a certificate from a scripted client holding an Ed25519 key. */
    private static ServerVictim serverRequiringClientCertificate() {
        HandshakeConfig client = ConnectionPair.make(true, TestPki.keyStore(KeyKind.ED25519), CipherSuiteSpec.SUPPORTED,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of());
        return new ServerVictim(client,
                Config.of(serverConfig(KeyKind.EC_P256, ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED)));
    }

    /** The client's flight up to {@code type}, then {@code replacement} in its place. */
    private static ByteBuffer[] clientFlightWith(ClientVictim v, HandshakeType type, Bytes replacement) {
        List<ByteBuffer> records = new ArrayList<>();
        for (Sent s : v.flight) {
            if ((s.message().get(0) & 0xFF) == type.code()) {
                records.add(v.server.record(new Sent(replacement, s.epoch())));
                break;
            }
            records.add(v.server.record(s));
        }
        return records.toArray(new ByteBuffer[0]);
    }

    private static ByteBuffer[] serverFlightWith(ServerVictim v, HandshakeType type, Bytes replacement) {
        List<ByteBuffer> records = new ArrayList<>();
        for (Sent s : v.secondFlight) {
            if ((s.message().get(0) & 0xFF) == type.code()) {
                records.add(v.client.record(new Sent(replacement, s.epoch())));
                break;
            }
            records.add(v.client.record(s));
        }
        return records.toArray(new ByteBuffer[0]);
    }

    private static Bytes lastBitFlipped(Sent s) {
        return flipBit(s.message(), s.message().length() - 1);
    }

    /** rsa_pkcs1_sha256: a real codepoint, never offered for CertificateVerify in TLS 1.3 (§4.2.3). */
    private static Bytes withPkcs1Scheme(Sent s) {
        return setByte(setByte(s.message(), ALGORITHM, 0x04), ALGORITHM + 1, 0x01);
    }

    // ---- Finished ----------------------------------------------------------------------------

    @Test
    void clientRejectsServerFinishedWithOneBitFlippedWithDecryptError() {
        ClientVictim v = new ClientVictim();
        Bytes bad = flipBit(v.message(HandshakeType.FINISHED).message(), VERIFY_DATA);
        assertRejectedProtected(v.client, v.server, AlertDescription.DECRYPT_ERROR, FailureReason.FINISHED_MISMATCH,
                clientFlightWith(v, HandshakeType.FINISHED, bad));
    }

    @Test
    void serverRejectsClientFinishedWithOneBitFlippedWithDecryptError() {
        ServerVictim v = new ServerVictim();
        Bytes bad = flipBit(v.message(HandshakeType.FINISHED).message(), VERIFY_DATA);
        assertRejectedProtected(v.server, v.client, AlertDescription.DECRYPT_ERROR, FailureReason.FINISHED_MISMATCH,
                serverFlightWith(v, HandshakeType.FINISHED, bad));
    }

    @Test
    void clientRejectsServerFinishedOfWrongLengthWithDecodeError() {
        ClientVictim v = new ClientVictim();
        Bytes finished = v.message(HandshakeType.FINISHED).message();
        Bytes shorter = message(HandshakeType.FINISHED, body(finished).slice(0, body(finished).length() - 1));
        assertRejectedProtected(v.client, v.server, AlertDescription.DECODE_ERROR, FailureReason.DECODE,
                clientFlightWith(v, HandshakeType.FINISHED, shorter));
    }

    // ---- CertificateVerify -------------------------------------------------------------------

    @Test
    void clientRejectsEd25519CertificateVerifyWithBadSignatureWithDecryptError() {
        ClientVictim v = clientFacingServerWith(KeyKind.ED25519);
        Bytes bad = lastBitFlipped(v.message(HandshakeType.CERTIFICATE_VERIFY));
        assertRejectedProtected(v.client, v.server, AlertDescription.DECRYPT_ERROR,
                FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                clientFlightWith(v, HandshakeType.CERTIFICATE_VERIFY, bad));
    }

    @Test
    void clientRejectsEcdsaCertificateVerifyWithBadSignatureWithDecryptError() {
        ClientVictim v = clientFacingServerWith(KeyKind.EC_P256);
        Bytes bad = lastBitFlipped(v.message(HandshakeType.CERTIFICATE_VERIFY));
        assertRejectedProtected(v.client, v.server, AlertDescription.DECRYPT_ERROR,
                FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                clientFlightWith(v, HandshakeType.CERTIFICATE_VERIFY, bad));
    }

    @Test
    void clientRejectsRsaPssCertificateVerifyWithBadSignatureWithDecryptError() {
        ClientVictim v = clientFacingServerWith(KeyKind.RSA_2048);
        Bytes bad = lastBitFlipped(v.message(HandshakeType.CERTIFICATE_VERIFY));
        assertRejectedProtected(v.client, v.server, AlertDescription.DECRYPT_ERROR,
                FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                clientFlightWith(v, HandshakeType.CERTIFICATE_VERIFY, bad));
    }

    @Test
    void serverRejectsClientCertificateVerifyWithBadSignatureWithDecryptError() {
        ServerVictim v = serverRequiringClientCertificate();
        Bytes bad = lastBitFlipped(v.message(HandshakeType.CERTIFICATE_VERIFY));
        assertRejectedProtected(v.server, v.client, AlertDescription.DECRYPT_ERROR,
                FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                serverFlightWith(v, HandshakeType.CERTIFICATE_VERIFY, bad));
    }

    @Test
    void clientRejectsCertificateVerifyWithSchemeItNeverOfferedWithIllegalParameter() {
        ClientVictim v = new ClientVictim();
        assertRejectedProtected(v.client, v.server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED, clientFlightWith(v,
                HandshakeType.CERTIFICATE_VERIFY, withPkcs1Scheme(v.message(HandshakeType.CERTIFICATE_VERIFY))));
    }

    @Test
    void serverRejectsClientCertificateVerifyWithSchemeItNeverOfferedWithIllegalParameter() {
        ServerVictim v = serverRequiringClientCertificate();
        assertRejectedProtected(v.server, v.client, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED, serverFlightWith(v,
                HandshakeType.CERTIFICATE_VERIFY, withPkcs1Scheme(v.message(HandshakeType.CERTIFICATE_VERIFY))));
    }

    private static Bytes withScheme(Sent s, SignatureScheme scheme) {
        return setByte(setByte(s.message(), ALGORITHM, scheme.code() >>> 8), ALGORITHM + 1, scheme.code() & 0xFF);
    }

    @Test
    void clientRejectsCertificateVerifySchemeOfAnotherKeyTypeWithIllegalParameter() {
        ClientVictim v = clientFacingServerWith(KeyKind.EC_P256);
        assertRejectedProtected(v.client, v.server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH, clientFlightWith(v,
                HandshakeType.CERTIFICATE_VERIFY, withScheme(v.message(HandshakeType.CERTIFICATE_VERIFY),
                        SignatureScheme.ED25519)));
    }

    @Test
    void clientRejectsRsaPssPssSchemeForAnRsaEncryptionKeyWithIllegalParameter() {
        // RFC 8446 §4.2.3: rsa_pss_pss_* needs a key with the RSASSA-PSS OID; ours is rsaEncryption.
        ClientVictim v = clientFacingServerWith(KeyKind.RSA_2048);
        assertRejectedProtected(v.client, v.server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH, clientFlightWith(v,
                HandshakeType.CERTIFICATE_VERIFY, withScheme(v.message(HandshakeType.CERTIFICATE_VERIFY),
                        SignatureScheme.RSA_PSS_PSS_SHA256)));
    }

    @Test
    void clientRejectsEcdsaSchemeForAnotherCurveWithIllegalParameter() {
        // RFC 8446 §4.2.3: in TLS 1.3 each ECDSA scheme names its curve; a P-256 key cannot sign secp384r1_sha384.
        ClientVictim v = clientFacingServerWith(KeyKind.EC_P256);
        assertRejectedProtected(v.client, v.server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH, clientFlightWith(v,
                HandshakeType.CERTIFICATE_VERIFY, withScheme(v.message(HandshakeType.CERTIFICATE_VERIFY),
                        SignatureScheme.ECDSA_SECP384R1_SHA384)));
    }

    // ---- record protection ------------------------------------------------------------------

    @Test
    void clientRejectsTamperedEncryptedExtensionsRecordWithBadRecordMac() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.ENCRYPTED_EXTENSIONS);
        ByteBuffer record = v.server.record(v.message(HandshakeType.ENCRYPTED_EXTENSIONS));
        record.put(8, (byte) (record.get(8) ^ 0x01));
        assertRejectedProtected(v.client, v.server, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC, record);
    }

    @Test
    void serverRejectsTamperedApplicationDataRecordWithBadRecordMac() {
        ServerVictim v = new ServerVictim();
        v.complete();
        ByteBuffer record = v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'x'));
        int tagByte = record.limit() - 1;
        record.put(tagByte, (byte) (record.get(tagByte) ^ 0x80));
        assertRejectedProtected(v.server, v.client, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC, record);
    }

    @Test
    void serverRejectsRecordProtectedUnderTheHandshakeKeyAfterTheHandshakeWithBadRecordMac() {
        ServerVictim v = new ServerVictim();
        v.complete();
        ByteBuffer record = v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'x'),
                v.message(HandshakeType.FINISHED).epoch());
        assertRejectedProtected(v.server, v.client, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC, record);
    }

    @Test
    void realPeerReadsTheBadRecordMacAlertOfATamperedRecord() {
        ConnectionPair pair = new ConnectionPair(clientConfig(), serverConfig());
        pair.handshake();
        ByteBuffer record = ByteBuffer.allocate(64);
        pair.client.seal(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {'x'})}, 0, 1, record);
        record.flip();
        record.put(6, (byte) (record.get(6) ^ 0x01));
        assertRejects(pair.server, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC, record);
        List<ByteBuffer> alert = drainRecords(pair.server);
        assertEquals(1, alert.size());
        TlsFailure received = assertThrows(TlsFailure.class, () -> deliver(pair.client, alert));
        assertEquals("Received fatal alert: bad_record_mac", received.getMessage());
        assertEquals(AlertDescription.BAD_RECORD_MAC, received.alert());
        assertEquals(FailureReason.PEER_ALERT, received.reason());
        assertTrue(pair.client.failureFromPeer());
    }

    @Test
    void serverRejectsProtectedRecordShorterThanItsTagWithBadRecordMac() {
        ServerVictim v = new ServerVictim();
        v.complete();
        assertRejectedProtected(v.server, v.client, AlertDescription.BAD_RECORD_MAC,
                FailureReason.RECORD_SHORTER_THAN_TAG,
                rawRecord(ContentType.APPLICATION_DATA.code(), 16, new byte[16]));
    }

    @Test
    void serverRejectsRecordAfterADroppedOneWithBadRecordMac() {
        ServerVictim v = new ServerVictim();
        v.complete();
        v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'x'));
        assertRejectedProtected(v.server, v.client, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC,
                v.client.protect(ContentType.APPLICATION_DATA, Bytes.of((byte) 'y')));
    }

    @Test
    void clientRejectsReplayedServerFlightRecordWithBadRecordMac() {
        ClientVictim v = new ClientVictim();
        v.deliverUpTo(HandshakeType.CERTIFICATE);
        ByteBuffer replay = v.server.protect(ContentType.HANDSHAKE, v.message(HandshakeType.CERTIFICATE).message(),
                v.message(HandshakeType.CERTIFICATE).epoch());
        ByteBuffer copy = ByteBuffer.allocate(replay.remaining()).put(replay.duplicate()).flip();
        deliver(v.client, replay);
        assertRejectedProtected(v.client, v.server, AlertDescription.BAD_RECORD_MAC, FailureReason.RECORD_MAC, copy);
    }
}
