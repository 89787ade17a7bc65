package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.KeyShareClientHello;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.SupportedVersionsClientHello;
import dev.padlock.wire.TlsFailure;
import dev.padlock.wire.UnknownExtension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's answer to a malformed or unacceptable ClientHello (RFC 8446 §4.1.2, §4.2, §9.2). */
class ClientHelloRejectionTest {

    private final Bytes realHello = clientHelloOf(connection(clientConfig()));
    private final ClientHello hello = decodeClientHello(realHello);

    private static void assertServerRejects(ClientHello ch, AlertDescription alert, FailureReason reason) {
        assertServerRejects(connection(serverConfig()), handshakeRecord(ch.encode()), alert, reason);
    }

    private static TlsFailure assertServerRejects(TlsConnection server, ByteBuffer record, AlertDescription alert,
            FailureReason reason) {
        server.start();
        return assertRejectedInTheClear(server, alert, reason, record);
    }

    private int cipherSuitesOffset() {
        return 4 + 2 + 32 + 1 + hello.legacySessionId().length();
    }

    // ---- decoding ----------------------------------------------------------------------------

    @Test
    void serverRejectsTruncatedClientHelloWithDecodeError() {
        Bytes body = body(realHello);
        Bytes truncated = message(dev.padlock.wire.HandshakeType.CLIENT_HELLO, body.slice(0, body.length() - 1));
        assertServerRejects(connection(serverConfig()), handshakeRecord(truncated), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWhoseCipherSuitesLengthOverrunsTheMessageWithDecodeError() {
        Bytes overlong = setByte(setByte(realHello, cipherSuitesOffset(), 0xFF), cipherSuitesOffset() + 1, 0xFE);
        assertServerRejects(connection(serverConfig()), handshakeRecord(overlong), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWithTrailingBytesWithDecodeError() {
        Bytes trailing = message(dev.padlock.wire.HandshakeType.CLIENT_HELLO, body(realHello).concat(Bytes.of((byte) 0)));
        assertServerRejects(connection(serverConfig()), handshakeRecord(trailing), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWithDuplicateExtensionWithDecodeError() {
        assertServerRejects(withExtensions(hello, plus(hello.extensions(),
                new SupportedGroupsExtension(List.of(NamedGroup.X25519)))), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloCarryingAnExtensionNotAllowedInClientHelloWithIllegalParameter() {
        // RFC 8446 §4.2: oid_filters is a CertificateRequest extension only.
        assertServerRejects(withExtensions(hello, plus(hello.extensions(),
                new UnknownExtension(ExtensionType.OID_FILTERS, Bytes.of((byte) 0, (byte) 0)))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.EXTENSION_NOT_ALLOWED);
    }

    // ---- negotiation -------------------------------------------------------------------------

    @Test
    void serverRejectsClientHelloWithoutSupportedVersionsWithProtocolVersion() {
        assertServerRejects(withExtensions(hello, without(hello.extensions(), ExtensionType.SUPPORTED_VERSIONS)),
                AlertDescription.PROTOCOL_VERSION, FailureReason.CLIENT_HELLO_NO_SUPPORTED_VERSIONS);
    }

    @Test
    void serverRejectsClientHelloOfferingOnlyTls12InSupportedVersionsWithProtocolVersion() {
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new SupportedVersionsClientHello(List.of(ProtocolVersion.TLSV1_2)))), AlertDescription.PROTOCOL_VERSION,
                FailureReason.CLIENT_HELLO_TLS13_NOT_OFFERED);
    }

    @Test
    void serverRejectsClientHelloWithoutKeyShareWithMissingExtension() {
        assertServerRejects(withExtensions(hello, without(hello.extensions(), ExtensionType.KEY_SHARE)),
                AlertDescription.MISSING_EXTENSION, FailureReason.CLIENT_HELLO_MISSING_KEY_SHARE);
    }

    @Test
    void serverRejectsClientHelloWithoutSupportedGroupsWithMissingExtension() {
        assertServerRejects(withExtensions(hello, without(hello.extensions(), ExtensionType.SUPPORTED_GROUPS)),
                AlertDescription.MISSING_EXTENSION, FailureReason.CLIENT_HELLO_MISSING_SUPPORTED_GROUPS);
    }

    @Test
    void serverRejectsClientHelloWithoutSignatureAlgorithmsWithMissingExtension() {
        assertServerRejects(withExtensions(hello, without(hello.extensions(), ExtensionType.SIGNATURE_ALGORITHMS)),
                AlertDescription.MISSING_EXTENSION, FailureReason.CLIENT_HELLO_MISSING_SIGNATURE_ALGORITHMS);
    }

    @Test
    void serverRejectsKeyShareForGroupNotInSupportedGroupsWithIllegalParameter() {
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new SupportedGroupsExtension(List.of(NamedGroup.SECP256R1)))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_SHARE_GROUP_NOT_IN_SUPPORTED_GROUPS);
    }

    @Test
    void serverRejectsTwoKeySharesForOneGroupWithIllegalParameter() {
        KeyShareEntry share = hello.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new KeyShareClientHello(List.of(share, share)))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_SHARE_DUPLICATE_GROUP);
    }

    @Test
    void serverRejectsOffCurveP256KeyShareWithIllegalParameter() {
        HandshakeConfig p256 = with(clientConfig(), null, List.of(NamedGroup.SECP256R1), null);
        ClientHello ch = decodeClientHello(clientHelloOf(connection(p256)));
        KeyShareEntry share = ch.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        Bytes offCurve = flipBit(share.keyExchange(), share.keyExchange().length() - 1);
        assertServerRejects(withExtensions(ch, replacing(ch.extensions(),
                new KeyShareClientHello(List.of(new KeyShareEntry(NamedGroup.SECP256R1, offCurve))))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE);
    }

    @Test
    void serverRejectsX25519KeyShareOfWrongLengthWithIllegalParameter() {
        KeyShareEntry share = hello.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertEquals(NamedGroup.X25519, share.group());
        Bytes shortShare = share.keyExchange().slice(0, 31);
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new KeyShareClientHello(List.of(new KeyShareEntry(NamedGroup.X25519, shortShare))))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.KEY_SHARE_WRONG_LENGTH);
    }

    /** RFC 8446 §4.2.8.2, RFC 7748: an empty share is a share of the wrong length, not a decoding error. */
    @Test
    void serverRejectsEmptyX25519KeyShareWithIllegalParameter() {
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new KeyShareClientHello(List.of(new KeyShareEntry(NamedGroup.X25519, Bytes.EMPTY))))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.KEY_SHARE_WRONG_LENGTH);
    }

    @Test
    void serverRejectsX448KeyShareOfWrongLengthWithIllegalParameter() {
        HandshakeConfig x448 = with(clientConfig(), null, List.of(NamedGroup.X448), null);
        ClientHello ch = decodeClientHello(clientHelloOf(connection(x448)));
        KeyShareEntry share = ch.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertEquals(NamedGroup.X448, share.group());
        assertServerRejects(withExtensions(ch, replacing(ch.extensions(), new KeyShareClientHello(List.of(
                new KeyShareEntry(NamedGroup.X448, share.keyExchange().concat(Bytes.of((byte) 0))))))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.KEY_SHARE_WRONG_LENGTH);
    }

    @Test
    void serverRejectsAllZeroX25519KeyShareWithIllegalParameter() {
        assertServerRejects(withExtensions(hello, replacing(hello.extensions(),
                new KeyShareClientHello(List.of(new KeyShareEntry(NamedGroup.X25519, Bytes.wrap(new byte[32])))))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY);
    }

    @Test
    void serverRejectsLegacyCompressionMethodsOtherThanNullWithIllegalParameter() {
        ClientHello ch = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), Bytes.of((byte) 1, (byte) 0), hello.extensions());
        assertServerRejects(ch, AlertDescription.ILLEGAL_PARAMETER, FailureReason.CLIENT_HELLO_COMPRESSION_NOT_NULL);
    }

    /** The second ClientHello a real client sends after the HelloRetryRequest of {@code server}. */
    private static ClientHello secondClientHello(TlsConnection client, TlsConnection server) {
        server.start();
        deliver(server, handshakeRecord(clientHelloOf(client)));
        deliver(client, drainRecords(server));
        List<ByteBuffer> out = drainRecords(client);
        return decodeClientHello(fragment(out.get(out.size() - 1)));
    }

    private static TlsConnection retryingServer() {
        return connection(serverConfig(KeyKind.EC_P256, List.of(NamedGroup.SECP384R1), ClientAuth.NONE));
    }

    @Test
    void serverRejectsSecondClientHelloWithChangedCipherSuitesWithIllegalParameter() {
        TlsConnection server = retryingServer();
        ClientHello second = secondClientHello(connection(clientConfig()), server);
        List<CipherSuite> fewer = new ArrayList<>(second.cipherSuites().subList(1, second.cipherSuites().size()));
        ClientHello changed = new ClientHello(second.legacyVersion(), second.random(), second.legacySessionId(),
                fewer, second.legacyCompressionMethods(), second.extensions());
        assertRejectedInTheClear(server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SECOND_CLIENT_HELLO_CHANGED, handshakeRecord(changed.encode()));
    }

    @Test
    void serverRejectsSecondClientHelloWithChangedSupportedGroupsWithIllegalParameter() {
        TlsConnection server = retryingServer();
        ClientHello second = secondClientHello(connection(clientConfig()), server);
        ClientHello changed = withExtensions(second, replacing(second.extensions(),
                new SupportedGroupsExtension(List.of(NamedGroup.SECP384R1))));
        assertRejectedInTheClear(server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SECOND_CLIENT_HELLO_CHANGED, handshakeRecord(changed.encode()));
    }

    @Test
    void serverRejectsSecondClientHelloWithoutTheRequestedKeyShareWithIllegalParameter() {
        TlsConnection server = retryingServer();
        ClientHello first = decodeClientHello(clientHelloOf(connection(clientConfig())));
        ClientHello second = secondClientHello(connection(clientConfig()), server);
        KeyShareEntry x25519 = first.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        ClientHello changed = withExtensions(second, replacing(second.extensions(),
                new KeyShareClientHello(List.of(x25519))));
        assertRejectedInTheClear(server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SECOND_CLIENT_HELLO_KEY_SHARE_NOT_RETRY_GROUP, handshakeRecord(changed.encode()));
    }

    @Test
    void serverWithNoCipherSuiteInCommonFailsWithHandshakeFailureNamingBothLists() {
        TlsConnection client = connection(with(clientConfig(), List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256),
                null, null));
        TlsConnection server = connection(with(serverConfig(), List.of(CipherSuiteSpec.TLS_AES_256_GCM_SHA384),
                null, null));
        TlsFailure f = assertServerRejects(server, handshakeRecord(clientHelloOf(client)),
                AlertDescription.HANDSHAKE_FAILURE, FailureReason.NO_COMMON_CIPHER_SUITE);
        assertTrue(f.getMessage().contains(List.of(CipherSuite.TLS_AES_128_GCM_SHA256).toString()), f.getMessage());
        assertTrue(f.getMessage().contains(List.of(CipherSuite.TLS_AES_256_GCM_SHA384).toString()), f.getMessage());
    }

    @Test
    void serverWithNoGroupInCommonFailsWithHandshakeFailureNamingBothLists() {
        TlsConnection client = connection(with(clientConfig(), null, List.of(NamedGroup.X25519), null));
        TlsConnection server = connection(with(serverConfig(), null, List.of(NamedGroup.SECP384R1), null));
        TlsFailure f = assertServerRejects(server, handshakeRecord(clientHelloOf(client)),
                AlertDescription.HANDSHAKE_FAILURE, FailureReason.NO_COMMON_GROUP);
        assertTrue(f.getMessage().contains(List.of(NamedGroup.X25519).toString()), f.getMessage());
        assertTrue(f.getMessage().contains(List.of(NamedGroup.SECP384R1).toString()), f.getMessage());
    }

    @Test
    void serverWithNoSignatureSchemeInCommonFailsWithHandshakeFailureNamingBothLists() {
        TlsConnection client = connection(with(clientConfig(), null, null, List.of(SignatureScheme.ED25519)));
        TlsConnection server = connection(with(serverConfig(), null, null,
                List.of(SignatureScheme.ECDSA_SECP256R1_SHA256)));
        TlsFailure f = assertServerRejects(server, handshakeRecord(clientHelloOf(client)),
                AlertDescription.HANDSHAKE_FAILURE, FailureReason.NO_COMMON_SIGNATURE_SCHEME);
        assertTrue(f.getMessage().contains(List.of(SignatureScheme.ED25519).toString()), f.getMessage());
        assertTrue(f.getMessage().contains(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256).toString()),
                f.getMessage());
    }
}
