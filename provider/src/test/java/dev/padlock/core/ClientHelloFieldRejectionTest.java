package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.PskIdentity;
import dev.padlock.wire.TlsWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ClientHello fields and the pre_shared_key rules (RFC 8446 §4.1.2, §4.2.9, §4.2.11). */
class ClientHelloFieldRejectionTest {
    private static final PreSharedKeyClientHello PSK = new PreSharedKeyClientHello(
            List.of(new PskIdentity(Bytes.of((byte) 1, (byte) 2, (byte) 3), 0)), List.of(Bytes.wrap(new byte[32])));

    private final Bytes realHello = clientHelloOf(connection(clientConfig()));
    private final ClientHello hello = decodeClientHello(realHello);

    private static void assertServerRejects(Bytes clientHello, AlertDescription alert, FailureReason reason) {
        TlsConnection server = connection(serverConfig());
        server.start();
        assertRejectedInTheClear(server, alert, reason, handshakeRecord(clientHello));
    }

    private int sessionIdOffset() {
        return 4 + 2 + 32;
    }

    @Test
    void serverRejectsClientHelloWithOddCipherSuitesLengthWithDecodeError() {
        Bytes raw = realHello;
        int at = sessionIdOffset() + 1 + hello.legacySessionId().length();
        int length = ((raw.get(at) & 0xFF) << 8) | (raw.get(at + 1) & 0xFF);
        // One byte of the last suite moves into the compression field: an odd vector and a broken tail.
        assertServerRejects(setByte(setByte(raw, at, (length - 1) >>> 8), at + 1, length - 1),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWithSessionIdLongerThan32WithDecodeError() {
        Bytes body = body(realHello);
        int sid = 2 + 32;
        Bytes longer = body.slice(0, sid).concat(Bytes.of((byte) 33))
                .concat(Bytes.wrap(new byte[33])).concat(body.slice(sid + 1 + hello.legacySessionId().length(),
                        body.length()));
        assertServerRejects(message(HandshakeType.CLIENT_HELLO, longer), AlertDescription.DECODE_ERROR,
                FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWithEmptyCompressionMethodsWithDecodeError() {
        ClientHello ch = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), Bytes.EMPTY, hello.extensions());
        assertServerRejects(ch.encode(), AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void serverRejectsClientHelloWithoutCipherSuitesWithDecodeError() {
        ClientHello ch = new ClientHello(hello.legacyVersion(), hello.random(), hello.legacySessionId(),
                List.of(), hello.legacyCompressionMethods(), hello.extensions());
        assertServerRejects(ch.encode(), AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void serverRejectsPreSharedKeyThatIsNotTheLastExtensionWithIllegalParameter() {
        List<Extension> ext = new ArrayList<>(hello.extensions());
        ext.add(0, PSK);
        assertServerRejects(withExtensions(hello, ext).encode(), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.PRE_SHARED_KEY_NOT_LAST);
    }

    @Test
    void serverRejectsPreSharedKeyWithoutPskKeyExchangeModesWithMissingExtension() {
        // RFC 8446 §4.2.9: "If clients offer pre_shared_key without a psk_key_exchange_modes extension,
        // servers MUST abort the handshake"; §9.2 names missing_extension for absent mandatory extensions.
        List<Extension> ext = plus(without(hello.extensions(), ExtensionType.PSK_KEY_EXCHANGE_MODES), PSK);
        assertServerRejects(withExtensions(hello, ext).encode(), AlertDescription.MISSING_EXTENSION,
                FailureReason.PSK_WITHOUT_KEY_EXCHANGE_MODES);
    }

    @Test
    void serverRejectsClientHelloWithSupportedGroupsButNoKeyShareWithMissingExtension() {
        // RFC 8446 §9.2: supported_groups and key_share come together, even with a PSK.
        List<Extension> ext = plus(without(hello.extensions(), ExtensionType.KEY_SHARE), PSK);
        assertServerRejects(withExtensions(hello, ext).encode(), AlertDescription.MISSING_EXTENSION,
                FailureReason.CLIENT_HELLO_MISSING_KEY_SHARE);
    }

    @Test
    void serverRejectsClientHelloWhoseExtensionBodyOverrunsItsBlockWithDecodeError() {
        Bytes raw = realHello;
        List<Extension> ext = hello.extensions();
        TlsWriter lastBody = new TlsWriter(64);
        ext.get(ext.size() - 1).encodeBody(lastBody);
        // The last extension's length field sits just before its body, at the end of the message.
        int at = raw.length() - lastBody.toBytes().length() - 2;
        int claimed = ((raw.get(at) & 0xFF) << 8) | (raw.get(at + 1) & 0xFF);
        assertServerRejects(setByte(setByte(raw, at, (claimed + 1) >>> 8), at + 1, claimed + 1),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }
}
