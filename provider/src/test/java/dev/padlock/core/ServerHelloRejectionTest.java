package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.KeyShareHelloRetryRequest;
import dev.padlock.wire.KeyShareServerHello;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.PreSharedKeyServerHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.SupportedVersionsServerHello;
import dev.padlock.wire.UnknownExtension;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The client's answer to a malformed or unacceptable ServerHello or HelloRetryRequest (RFC 8446 §4.1.3, §4.1.4). */
class ServerHelloRejectionTest {

    private TlsConnection client;
    private ClientHello clientHello;
    private Bytes realServerHello;
    private ServerHello serverHello;

    ServerHelloRejectionTest() {
        startWith(clientConfig());
    }

    /** A fresh client from {@code clientConfig}, and a real server's ServerHello to its ClientHello. */
    private void startWith(HandshakeConfig clientConfig) {
        client = connection(clientConfig);
        Bytes ch = clientHelloOf(client);
        clientHello = decodeClientHello(ch);
        TlsConnection server = connection(serverConfig());
        server.start();
        deliver(server, handshakeRecord(ch));
        realServerHello = fragment(drainRecords(server).get(0));
        serverHello = decodeServerHello(realServerHello);
    }

    private void assertClientRejects(Bytes serverHelloMessage, AlertDescription alert, FailureReason reason) {
        assertRejectedInTheClear(client, alert, reason, handshakeRecord(serverHelloMessage));
    }

    private void assertClientRejects(ServerHello sh, AlertDescription alert, FailureReason reason) {
        assertClientRejects(sh.encode(), alert, reason);
    }

    private ServerHello helloRetryRequest(List<Extension> extensions) {
        return new ServerHello(ProtocolVersion.TLSV1_2, ServerHello.HELLO_RETRY_REQUEST_RANDOM,
                clientHello.legacySessionId(), CipherSuite.TLS_AES_128_GCM_SHA256, 0, extensions);
    }

    private ServerHello helloRetryRequestFor(NamedGroup group) {
        return helloRetryRequest(List.of(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                new KeyShareHelloRetryRequest(group)));
    }

    /** Delivers a valid HelloRetryRequest and takes away the client's CCS and second ClientHello. */
    private void retryFor(NamedGroup group) {
        deliver(client, handshakeRecord(helloRetryRequestFor(group).encode()));
        drainRecords(client);
    }

    private ServerHello withSuite(ServerHello sh, CipherSuite suite) {
        return new ServerHello(sh.legacyVersion(), sh.random(), sh.legacySessionIdEcho(), suite,
                sh.legacyCompressionMethod(), sh.extensions());
    }

    private int extensionsOffset() {
        return 4 + 2 + 32 + 1 + serverHello.legacySessionIdEcho().length() + 2 + 1;
    }

    // ---- decoding ----------------------------------------------------------------------------

    @Test
    void clientRejectsTruncatedServerHelloWithDecodeError() {
        Bytes body = body(realServerHello);
        assertClientRejects(message(HandshakeType.SERVER_HELLO, body.slice(0, body.length() - 1)),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void clientRejectsServerHelloWhoseExtensionsLengthOverrunsTheMessageWithDecodeError() {
        assertClientRejects(setByte(setByte(realServerHello, extensionsOffset(), 0xFF), extensionsOffset() + 1, 0xFF),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void clientRejectsServerHelloWithTrailingBytesWithDecodeError() {
        assertClientRejects(message(HandshakeType.SERVER_HELLO, body(realServerHello).concat(Bytes.of((byte) 0))),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void clientRejectsServerHelloWithDuplicateExtensionWithDecodeError() {
        assertClientRejects(withExtensions(serverHello, plus(serverHello.extensions(),
                new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3))), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void clientRejectsServerHelloCarryingAnOfferedExtensionNotAllowedInServerHelloWithIllegalParameter() {
        // RFC 8446 §4.2: supported_groups belongs to ClientHello and EncryptedExtensions only.
        assertClientRejects(withExtensions(serverHello, plus(serverHello.extensions(),
                new SupportedGroupsExtension(List.of(NamedGroup.X25519)))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.EXTENSION_NOT_ALLOWED);
    }

    @Test
    void clientRejectsServerHelloWithPreSharedKeyItNeverOfferedWithUnsupportedExtension() {
        assertClientRejects(withExtensions(serverHello, plus(serverHello.extensions(), new PreSharedKeyServerHello(0))),
                AlertDescription.UNSUPPORTED_EXTENSION, FailureReason.EXTENSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsServerHelloWithUnknownExtensionWithUnsupportedExtension() {
        assertClientRejects(withExtensions(serverHello, plus(serverHello.extensions(),
                new UnknownExtension(new ExtensionType(0x7A7A), Bytes.EMPTY))), AlertDescription.UNSUPPORTED_EXTENSION,
                FailureReason.EXTENSION_NOT_OFFERED);
    }

    // ---- negotiation -------------------------------------------------------------------------

    @Test
    void clientRejectsServerHelloSelectingCipherSuiteNeverOfferedWithIllegalParameter() {
        startWith(with(clientConfig(), List.of(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), null, null));
        assertClientRejects(withSuite(serverHello, CipherSuite.TLS_AES_256_GCM_SHA384),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.SERVER_HELLO_SUITE_NOT_OFFERED);
    }

    @Test
    void clientRejectsServerHelloKeyShareForGroupItSentNoShareForWithIllegalParameter() {
        KeyShareEntry p384 = new KeyShareEntry(NamedGroup.SECP384R1, Bytes.wrap(new byte[97]));
        assertClientRejects(withExtensions(serverHello, replacing(serverHello.extensions(),
                new KeyShareServerHello(p384))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SERVER_HELLO_GROUP_NOT_SHARED);
    }

    private ServerHello withServerShare(Bytes keyExchange) {
        NamedGroup group = serverHello.extension(KeyShareServerHello.class).orElseThrow().share().group();
        return withExtensions(serverHello, replacing(serverHello.extensions(),
                new KeyShareServerHello(new KeyShareEntry(group, keyExchange))));
    }

    @Test
    void clientRejectsAllZeroX25519ServerShareWithIllegalParameter() {
        assertClientRejects(withServerShare(Bytes.wrap(new byte[32])), AlertDescription.ILLEGAL_PARAMETER,
        FailureReason.KEY_SHARE_INVALID_PUBLIC_KEY);
    }

    @Test
    void clientRejectsX25519ServerShareOfWrongLengthWithIllegalParameter() {
        Bytes share = serverHello.extension(KeyShareServerHello.class).orElseThrow().share().keyExchange();
        assertClientRejects(withServerShare(share.concat(Bytes.of((byte) 0))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_SHARE_WRONG_LENGTH);
    }

    /** RFC 8446 §4.2.8.2, RFC 7748: an empty share is a share of the wrong length, not a decoding error. */
    @Test
    void clientRejectsEmptyX25519ServerShareWithIllegalParameter() {
        assertClientRejects(withServerShare(Bytes.EMPTY), AlertDescription.ILLEGAL_PARAMETER,
        FailureReason.KEY_SHARE_WRONG_LENGTH);
    }

    @Test
    void clientRejectsOffCurveP256ServerShareWithIllegalParameter() {
        startWith(with(clientConfig(), null, List.of(NamedGroup.SECP256R1), null));
        Bytes share = serverHello.extension(KeyShareServerHello.class).orElseThrow().share().keyExchange();
        assertClientRejects(withServerShare(flipBit(share, share.length() - 1)), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.KEY_SHARE_POINT_NOT_ON_CURVE);
    }

    @Test
    void clientRejectsServerHelloWithoutKeyShareWithMissingExtension() {
        assertClientRejects(withExtensions(serverHello, without(serverHello.extensions(), ExtensionType.KEY_SHARE)),
                AlertDescription.MISSING_EXTENSION, FailureReason.SERVER_HELLO_MISSING_KEY_SHARE);
    }

    @Test
    void clientRejectsServerHelloSelectingTls12InSupportedVersionsWithIllegalParameter() {
        assertClientRejects(withExtensions(serverHello, replacing(serverHello.extensions(),
                new SupportedVersionsServerHello(ProtocolVersion.TLSV1_2))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SERVER_HELLO_VERSION_NOT_OFFERED);
    }

    @Test
    void clientRejectsTls12ServerHelloWithoutSupportedVersionsWithProtocolVersion() {
        assertClientRejects(withExtensions(serverHello, without(serverHello.extensions(),
                ExtensionType.SUPPORTED_VERSIONS)), AlertDescription.PROTOCOL_VERSION,
                FailureReason.SERVER_HELLO_NOT_TLS13);
    }

    @Test
    void clientRejectsServerHelloWithTls12DowngradeSentinelWithIllegalParameter() {
        // RFC 8446 §4.1.3: the last eight bytes 44 4F 57 4E 47 52 44 01 mark a TLS 1.2 answer.
        Bytes random = serverHello.random().slice(0, 24).concat(Bytes.fromHex("44 4F 57 4E 47 52 44 01"));
        ServerHello tls12 = new ServerHello(ProtocolVersion.TLSV1_2, random, serverHello.legacySessionIdEcho(),
                serverHello.cipherSuite(), 0, without(serverHello.extensions(), ExtensionType.SUPPORTED_VERSIONS));
        assertClientRejects(tls12, AlertDescription.ILLEGAL_PARAMETER, FailureReason.DOWNGRADE_SENTINEL);
    }

    @Test
    void clientRejectsServerHelloWithWrongSessionIdEchoWithIllegalParameter() {
        ServerHello sh = new ServerHello(serverHello.legacyVersion(), serverHello.random(),
                flipBit(serverHello.legacySessionIdEcho(), 0), serverHello.cipherSuite(), 0, serverHello.extensions());
        assertClientRejects(sh, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SERVER_HELLO_SESSION_ID_ECHO_MISMATCH);
    }

    @Test
    void clientRejectsServerHelloWithCompressionMethodOtherThanNullWithIllegalParameter() {
        ServerHello sh = new ServerHello(serverHello.legacyVersion(), serverHello.random(),
                serverHello.legacySessionIdEcho(), serverHello.cipherSuite(), 1, serverHello.extensions());
        assertClientRejects(sh, AlertDescription.ILLEGAL_PARAMETER, FailureReason.SERVER_HELLO_COMPRESSION_NOT_NULL);
    }

    // ---- HelloRetryRequest -------------------------------------------------------------------

    @Test
    void clientRejectsSecondHelloRetryRequestWithUnexpectedMessage() {
        retryFor(NamedGroup.SECP384R1);
        assertClientRejects(helloRetryRequestFor(NamedGroup.SECP256R1), AlertDescription.UNEXPECTED_MESSAGE,
                FailureReason.SECOND_HELLO_RETRY_REQUEST);
    }

    @Test
    void clientRejectsHelloRetryRequestForGroupItAlreadySharedWithIllegalParameter() {
        // RFC 8446 §4.1.4: an HRR that would not change the ClientHello is illegal_parameter.
        assertClientRejects(helloRetryRequestFor(NamedGroup.X25519), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.RETRY_GROUP_ALREADY_SHARED);
    }

    @Test
    void clientRejectsHelloRetryRequestWithoutKeyShareOrCookieWithIllegalParameter() {
        assertClientRejects(helloRetryRequest(List.of(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.RETRY_WOULD_NOT_CHANGE_CLIENT_HELLO);
    }

    @Test
    void clientRejectsHelloRetryRequestForGroupNeverOfferedWithIllegalParameter() {
        startWith(with(clientConfig(), null, List.of(NamedGroup.X25519, NamedGroup.SECP256R1), null));
        assertClientRejects(helloRetryRequestFor(NamedGroup.SECP384R1), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.RETRY_GROUP_NOT_OFFERED);
    }

    @Test
    void clientRejectsHelloRetryRequestSelectingCipherSuiteNeverOfferedWithIllegalParameter() {
        startWith(with(clientConfig(), List.of(CipherSuiteSpec.TLS_AES_256_GCM_SHA384), null, null));
        assertClientRejects(helloRetryRequestFor(NamedGroup.SECP384R1), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SERVER_HELLO_SUITE_NOT_OFFERED);
    }

    @Test
    void clientRejectsServerHelloWhoseSuiteDiffersFromTheHelloRetryRequestWithIllegalParameter() {
        retryFor(NamedGroup.SECP384R1);
        assertClientRejects(withSuite(serverHello, CipherSuite.TLS_AES_256_GCM_SHA384),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.SERVER_HELLO_SUITE_DIFFERS_FROM_RETRY);
    }

    @Test
    void clientRejectsServerHelloWhoseGroupDiffersFromTheHelloRetryRequestWithIllegalParameter() {
        retryFor(NamedGroup.SECP384R1);
        assertClientRejects(withSuite(serverHello, CipherSuite.TLS_AES_128_GCM_SHA256),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.SERVER_HELLO_GROUP_DIFFERS_FROM_RETRY);
    }

    @Test
    void clientRejectsHelloRetryRequestCarryingExtensionNotAllowedThereWithIllegalParameter() {
        // RFC 8446 §4.2: the HelloRetryRequest column holds key_share, cookie and supported_versions only.
        assertClientRejects(helloRetryRequest(List.of(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                new KeyShareHelloRetryRequest(NamedGroup.SECP384R1), new PreSharedKeyServerHello(0))),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.EXTENSION_NOT_ALLOWED);
    }
}
