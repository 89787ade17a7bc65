package dev.padlock.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The specific decoding rules of RFC 8446 §4 and the extension RFCs, one by one. */
class HandshakeCodecRulesTest {
    private static final String RANDOM = "00".repeat(32);
    /** supported_versions offering TLS 1.3 (7 bytes: alone it is below the §4.1.2 minimum of 8). */
    private static final String SV = "002b 0003 02 0304";
    private static final String EARLY_DATA = "002a 0000";

    private static TlsFailure fails(AlertDescription alert, FailureReason reason, Runnable r) {
        TlsFailure f = assertThrows(TlsFailure.class, r::run);
        assertEquals(alert, f.alert(), f.getMessage());
        assertEquals(reason, f.reason(), f.getMessage());
        return f;
    }

    private static ClientHello clientHello(String hex) {
        return ClientHello.decode(TlsReader.of(Bytes.fromHex(hex), "ClientHello"));
    }

    /** A ClientHello body around the given extensions block (with its length prefix). */
    private static String ch(String sessionId, String suites, String compression, String extensions) {
        return "0303" + RANDOM + sessionId + suites + compression + extensions;
    }

    private static String exts(String... items) {
        String body = String.join("", items).replaceAll("\\s+", "");
        return String.format("%04x", body.length() / 2) + body;
    }

    @Test
    void minimalClientHelloDecodes() {
        ClientHello ch = clientHello(ch("00", "0002 1301", "01 00", exts(SV, EARLY_DATA)));
        assertEquals(List.of(CipherSuite.TLS_AES_128_GCM_SHA256), ch.cipherSuites());
        assertEquals(List.of(ProtocolVersion.TLSV1_3),
                ch.extension(SupportedVersionsClientHello.class).orElseThrow().versions());
    }

    private static void failsAt(String field, Runnable r) {
        TlsFailure f = fails(AlertDescription.DECODE_ERROR, FailureReason.DECODE, r);
        assertTrue(f.getMessage().startsWith(field + ":"), f.getMessage());
    }

    @Test
    void clientHelloVectorBoundsAreDecodeErrorsNamingTheField() {
        failsAt("ClientHello.legacy_session_id",
                () -> clientHello(ch("21" + "00".repeat(33), "0002 1301", "0100", exts(SV, EARLY_DATA))));
        failsAt("ClientHello.cipher_suites", () -> clientHello(ch("00", "0000", "0100", exts(SV, EARLY_DATA))));
        failsAt("ClientHello.cipher_suites.cipher_suite",
                () -> clientHello(ch("00", "0003 130113", "0100", exts(SV, EARLY_DATA))));
        failsAt("ClientHello.legacy_compression_methods",
                () -> clientHello(ch("00", "0002 1301", "00", exts(SV, EARLY_DATA))));
        failsAt("ClientHello.extensions", () -> clientHello(ch("00", "0002 1301", "0100", exts(SV))));
        failsAt("ClientHello.random", () -> clientHello("0303" + "00".repeat(31)));
    }

    @Test
    void duplicateExtensionIsDecodeError() {
        fails(AlertDescription.DECODE_ERROR, FailureReason.DECODE,
                () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "000a 0004 0002 001d", "000a 0004 0002 0017"))));
    }

    @Test
    void preSharedKeyNotLastInClientHelloIsIllegalParameter() {
        String psk = "0029 002f 000a 0004 01020304 00000000 0021 20" + "11".repeat(32);
        clientHello(ch("00", "0002 1301", "0100", exts(SV, psk)));
        fails(AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.PRE_SHARED_KEY_NOT_LAST, () -> clientHello(ch("00", "0002 1301", "0100", exts(psk, SV))));
    }

    @Test
    void preSharedKeyBoundsAreDecodeErrors() {
        String shortBinder = "0029 002e 000a 0004 01020304 00000000 0020 1f" + "11".repeat(31);
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, shortBinder))));
        String emptyIdentity = "0029 002b 0006 0000 00000000 0021 20" + "11".repeat(32);
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, emptyIdentity))));
    }

    @Test
    void unknownExtensionSurvivesByteForByte() {
        String hex = ch("00", "0002 1301", "0100", exts(SV, "abcd 0005 0102030405", "fe0d 0000"));
        ClientHello ch = clientHello(hex);
        assertEquals(new UnknownExtension(new ExtensionType(0xabcd), Bytes.fromHex("0102030405")), ch.extensions().get(1));
        assertEquals(new UnknownExtension(new ExtensionType(0xfe0d), Bytes.EMPTY), ch.extensions().get(2));
        assertEquals(Bytes.fromHex(hex), HandshakeCodecPropertyTest.body(ch));
    }

    @Test
    void knownExtensionOutOfPlaceIsKeptUnparsed() {
        EncryptedExtensions ee = EncryptedExtensions.decode(
                TlsReader.of(Bytes.fromHex("0008 0033 0004 001d 0001"), "EncryptedExtensions"));
        assertEquals(List.of(new UnknownExtension(ExtensionType.KEY_SHARE, Bytes.fromHex("001d0001"))), ee.extensions());
    }

    @Test
    void serverNameForms() {
        ClientHello ch = clientHello(ch("00", "0002 1301", "0100", exts(SV, "0000 000b 0009 00 0006 736572766572")));
        assertEquals(ServerNameExtension.hostName("server"), ch.extension(ServerNameExtension.class).orElseThrow());
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "0000 0002 0000"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "0000 0000"))));
        EncryptedExtensions ee = EncryptedExtensions.decode(TlsReader.of(Bytes.fromHex("0004 0000 0000"), "EncryptedExtensions"));
        assertEquals(List.of(ServerNameExtension.EMPTY), ee.extensions());
        fails(AlertDescription.DECODE_ERROR, FailureReason.DECODE, () -> EncryptedExtensions.decode(
                TlsReader.of(Bytes.fromHex("0006 0000 0002 0000"), "EncryptedExtensions")));
    }

    @Test
    void extensionBodyBounds() {
        // supported_groups<2..2^16-1>, ALPN list<2..> of names<1..>, cookie<1..>, versions<2..254>
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "000a 0002 0000"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE,
                () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "0010 0004 0002 00 00"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "002c 0002 0000"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE,
                () -> clientHello(ch("00", "0002 1301", "0100", exts("002b 0001 00", "002a 0000"))));
        // An empty key_exchange decodes: it is a share of the wrong length, which the group's
        // own check answers with illegal_parameter (ClientHelloRejectionTest).
        assertEquals(Bytes.EMPTY, clientHello(ch("00", "0002 1301", "0100", exts(SV, "0033 0006 0004 001d 0000")))
                .extension(KeyShareClientHello.class).orElseThrow().shares().get(0).keyExchange());
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE,
                () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "002f 0004 0002 0000"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "002d 0001 00"))));
    }

    @Test
    void recordSizeLimitBelow64IsIllegalParameter() {
        clientHello(ch("00", "0002 1301", "0100", exts(SV, "001c 0002 0040")));
        fails(AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.RECORD_SIZE_LIMIT_TOO_SMALL,
                () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "001c 0002 003f"))));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "001c 0003 004000"))));
    }

    @Test
    void paddingMustBeZeros() {
        ClientHello ch = clientHello(ch("00", "0002 1301", "0100", exts(SV, "0015 0003 000000")));
        assertEquals(new PaddingExtension(3), ch.extension(PaddingExtension.class).orElseThrow());
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> clientHello(ch("00", "0002 1301", "0100", exts(SV, "0015 0003 000100"))));
    }

    @Test
    void serverHelloFormsDependOnTheRandom() {
        String tail = "00 1301 00 000c 002b 0002 0304 0033 0002 0017";
        ServerHello hrr = ServerHello.decode(TlsReader.of(
                Bytes.fromHex("0303" + ServerHello.HELLO_RETRY_REQUEST_RANDOM.toHex() + tail), "ServerHello"));
        assertTrue(hrr.isHelloRetryRequest());
        assertEquals(new KeyShareHelloRetryRequest(NamedGroup.SECP256R1), hrr.extension(KeyShareHelloRetryRequest.class).orElseThrow());
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE,
                () -> ServerHello.decode(TlsReader.of(Bytes.fromHex("0303" + RANDOM + tail), "ServerHello")));
        fails(AlertDescription.DECODE_ERROR, FailureReason.DECODE, () -> ServerHello.decode(TlsReader.of(
                Bytes.fromHex("0303" + RANDOM + "00 1301 00 0004 002a 00"), "ServerHello")));
    }

    @Test
    void tls12ServerHelloMayOmitExtensionsOrCarryOnlyExtendedMasterSecret() {
        ServerHello bare = ServerHello.decode(TlsReader.of(Bytes.fromHex("0303" + RANDOM + "00 c02f 00"), "ServerHello"));
        assertEquals(List.of(), bare.extensions());
        ServerHello ems = ServerHello.decode(TlsReader.of(
                Bytes.fromHex("0303" + RANDOM + "00 c02f 00 0004 0017 0000"), "ServerHello"));
        assertEquals(List.of(new ExtendedMasterSecretExtension()), ems.extensions());
    }

    @Test
    void helloRetryRequestRandomIsSha256OfItsName() throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                .digest("HelloRetryRequest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(Bytes.of(h), ServerHello.HELLO_RETRY_REQUEST_RANDOM);
    }

    @Test
    void keyUpdateOtherThanZeroOrOneIsIllegalParameter() {
        assertEquals(new KeyUpdate(true), HandshakeCodec.decode(HandshakeType.KEY_UPDATE, Bytes.fromHex("01"), 32));
        assertEquals(new KeyUpdate(false), HandshakeCodec.decode(HandshakeType.KEY_UPDATE, Bytes.fromHex("00"), 32));
        fails(AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_UPDATE_REQUEST_INVALID,
                () -> HandshakeCodec.decode(HandshakeType.KEY_UPDATE, Bytes.fromHex("02"), 32));
    }

    @Test
    void finishedMustHaveTheHashLength() {
        fails(AlertDescription.DECODE_ERROR,
        FailureReason.DECODE, () -> HandshakeCodec.decode(HandshakeType.FINISHED, Bytes.of(new byte[31]), 32));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> HandshakeCodec.decode(HandshakeType.FINISHED, Bytes.of(new byte[32]), 48));
        assertEquals(new Finished(Bytes.of(new byte[48])), HandshakeCodec.decode(HandshakeType.FINISHED, Bytes.of(new byte[48]), 48));
        assertFalse(new Finished(Bytes.fromHex("aa".repeat(32))).toString().contains("aa"));
    }

    @Test
    void certificateEntryNeedsCertData() {
        fails(AlertDescription.DECODE_ERROR,
        FailureReason.DECODE, () -> HandshakeCodec.decode(HandshakeType.CERTIFICATE,
                Bytes.fromHex("00 000005 000000 0000"), 32));
        Certificate empty = (Certificate) HandshakeCodec.decode(HandshakeType.CERTIFICATE, Bytes.fromHex("00 000000"), 32);
        assertEquals(new Certificate(Bytes.EMPTY, List.of()), empty);
    }

    @Test
    void certificateRequestNeedsExtensions() {
        fails(AlertDescription.DECODE_ERROR,
        FailureReason.DECODE,
                () -> HandshakeCodec.decode(HandshakeType.CERTIFICATE_REQUEST, Bytes.fromHex("00 0000"), 32));
    }

    @Test
    void newSessionTicketNeedsATicket() {
        fails(AlertDescription.DECODE_ERROR,
        FailureReason.DECODE, () -> HandshakeCodec.decode(HandshakeType.NEW_SESSION_TICKET,
                Bytes.fromHex("00000000 00000000 00 0000 0000"), 32));
    }

    @Test
    void unknownOrNonTls13MessageTypeIsUnexpectedMessage() {
        fails(AlertDescription.UNEXPECTED_MESSAGE,
        FailureReason.UNKNOWN_HANDSHAKE_TYPE,
                () -> HandshakeCodec.decode(new HandshakeType(0x03), Bytes.EMPTY, 32));
        fails(AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.UNKNOWN_HANDSHAKE_TYPE,
                () -> HandshakeCodec.decode(HandshakeType.MESSAGE_HASH, Bytes.EMPTY, 32));
    }

    @Test
    void alertDecodesLevelAndDescription() {
        assertEquals(new Alert(AlertLevel.FATAL, AlertDescription.HANDSHAKE_FAILURE),
                Alert.decode(TlsReader.of(Bytes.fromHex("0228"), "Alert")));
        assertEquals(Bytes.fromHex("0100"), new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).encode());
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> Alert.decode(TlsReader.of(Bytes.fromHex("0328"), "Alert")));
        fails(AlertDescription.DECODE_ERROR,
                FailureReason.DECODE, () -> Alert.decode(TlsReader.of(Bytes.fromHex("0028"), "Alert")));
    }

    @Test
    void allowedInFollowsTheRfc8446Table() {
        HandshakeType ch = HandshakeType.CLIENT_HELLO;
        HandshakeType sh = HandshakeType.SERVER_HELLO;
        HandshakeType ee = HandshakeType.ENCRYPTED_EXTENSIONS;
        assertTrue(Extensions.allowedIn(ExtensionType.KEY_SHARE, sh, true));
        assertTrue(Extensions.allowedIn(ExtensionType.COOKIE, sh, true));
        assertFalse(Extensions.allowedIn(ExtensionType.COOKIE, sh, false));
        assertFalse(Extensions.allowedIn(ExtensionType.PRE_SHARED_KEY, sh, true));
        assertTrue(Extensions.allowedIn(ExtensionType.PRE_SHARED_KEY, sh, false));
        assertFalse(Extensions.allowedIn(ExtensionType.KEY_SHARE, ee, false));
        assertTrue(Extensions.allowedIn(ExtensionType.SERVER_NAME, ee, false));
        assertTrue(Extensions.allowedIn(ExtensionType.EARLY_DATA, HandshakeType.NEW_SESSION_TICKET, false));
        assertFalse(Extensions.allowedIn(ExtensionType.SERVER_NAME, HandshakeType.NEW_SESSION_TICKET, false));
        assertTrue(Extensions.allowedIn(ExtensionType.STATUS_REQUEST, HandshakeType.CERTIFICATE, false));
        assertFalse(Extensions.allowedIn(ExtensionType.SUPPORTED_GROUPS, HandshakeType.CERTIFICATE, false));
        assertTrue(Extensions.allowedIn(ExtensionType.OID_FILTERS, HandshakeType.CERTIFICATE_REQUEST, false));
        assertFalse(Extensions.allowedIn(ExtensionType.OID_FILTERS, ch, false));
        assertFalse(Extensions.allowedIn(ExtensionType.PADDING, ee, false));
        assertTrue(Extensions.allowedIn(ExtensionType.RECORD_SIZE_LIMIT, ee, false));
        assertFalse(Extensions.allowedIn(ExtensionType.SUPPORTED_VERSIONS, ee, false));
        assertTrue(Extensions.allowedIn(new ExtensionType(0x7a7a), ch, false));
        assertFalse(Extensions.allowedIn(ExtensionType.KEY_SHARE, HandshakeType.KEY_UPDATE, false));
    }

    @Test
    void extensionsAreImmutableCopies() {
        List<Extension> src = new java.util.ArrayList<>(List.of(new EarlyDataExtension()));
        EncryptedExtensions ee = new EncryptedExtensions(src);
        src.clear();
        assertEquals(1, ee.extensions().size());
        assertInstanceOf(EarlyDataExtension.class, ee.extensions().get(0));
        assertThrows(UnsupportedOperationException.class, () -> ee.extensions().add(new EarlyDataExtension()));
    }
}
