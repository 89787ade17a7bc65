package dev.padlock.core;

import static dev.padlock.core.Hostile.*;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EarlyDataExtension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.RecordSizeLimitExtension;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.UnknownExtension;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SNIHostName;
import org.junit.jupiter.api.Test;

/** The server's answer to ClientHello extensions it cannot accept (RFC 8446 §4.1.2, RFC 6066, 7301, 8449). */
class ServerExtensionRejectionTest {
    private final ClientHello hello = decodeClientHello(clientHelloOf(connection(clientConfig())));

    private static void assertServerRejects(HandshakeConfig serverConfig, ClientHello ch, AlertDescription alert,
            FailureReason reason) {
        TlsConnection server = connection(serverConfig);
        server.start();
        assertRejectedInTheClear(server, alert, reason, handshakeRecord(ch.encode()));
    }

    private static HandshakeConfig serverWithAlpn(List<String> protocols) {
        return ConnectionPair.make(false, TestPki.keyStore(KeyKind.EC_P256), CipherSuiteSpec.SUPPORTED,
                ConnectionPair.ALL_GROUPS, ClientAuth.NONE, protocols);
    }

    private static HandshakeConfig serverMatching(String hostPattern) {
        HandshakeConfig b = serverConfig();
        return b.toBuilder().sniMatchers(List.of(SNIHostName.createSNIMatcher(hostPattern))).build();
    }

    @Test
    void serverWithNoApplicationProtocolInCommonFailsWithNoApplicationProtocol() {
        HandshakeConfig client = ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED, ConnectionPair.ALL_GROUPS,
                ClientAuth.NONE, List.of("http/1.1"));
        ClientHello ch = decodeClientHello(clientHelloOf(connection(client)));
        assertServerRejects(serverWithAlpn(List.of("h2")), ch, AlertDescription.NO_APPLICATION_PROTOCOL,
                FailureReason.NO_APPLICATION_PROTOCOL);
    }

    @Test
    void serverRejectsEmptyAlpnProtocolNameWithDecodeError() {
        // RFC 7301 §3.1: empty strings MUST NOT be included.
        Bytes emptyName = Bytes.fromHex("0003 02 6832 00");
        assertServerRejects(serverWithAlpn(List.of("h2")), withExtensions(hello, plus(hello.extensions(),
                new UnknownExtension(ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION, emptyName))),
                AlertDescription.DECODE_ERROR, FailureReason.DECODE);
    }

    @Test
    void serverRejectsServerNameListingTwoHostNamesWithIllegalParameter() {
        ServerNameExtension twoHosts = new ServerNameExtension(List.of(ServerName.hostName("localhost"),
                ServerName.hostName("example.com")));
        assertServerRejects(serverConfig(), withExtensions(hello, plus(hello.extensions(), twoHosts)),
                AlertDescription.ILLEGAL_PARAMETER, FailureReason.SERVER_NAME_DUPLICATE_TYPE);
    }

    @Test
    void serverWhoseMatchersRefuseTheServerNameFailsWithUnrecognizedName() {
        ServerNameExtension other = new ServerNameExtension(List.of(ServerName.hostName("other.example")));
        assertServerRejects(serverMatching("localhost"), withExtensions(hello, plus(hello.extensions(), other)),
                AlertDescription.UNRECOGNIZED_NAME, FailureReason.SERVER_NAME_UNRECOGNIZED);
    }

    @Test
    void serverRejectsRecordSizeLimitBelow64WithIllegalParameter() {
        // RFC 8449 §4: a value below 64 is illegal_parameter.
        assertServerRejects(serverConfig(), withExtensions(hello, plus(hello.extensions(),
                new RecordSizeLimitExtension(63))), AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.RECORD_SIZE_LIMIT_TOO_SMALL);
    }

    @Test
    void serverRejectsSecondClientHelloThatAddsEarlyDataWithIllegalParameter() {
        // RFC 8446 §4.1.2: "Early data is not permitted after a HelloRetryRequest."
        TlsConnection client = connection(clientConfig());
        TlsConnection server = connection(serverConfig(KeyKind.EC_P256, List.of(NamedGroup.SECP384R1),
                ClientAuth.NONE));
        server.start();
        deliver(server, handshakeRecord(clientHelloOf(client)));
        deliver(client, drainRecords(server));
        List<ByteBuffer> out = drainRecords(client);
        ClientHello second = decodeClientHello(fragment(out.get(out.size() - 1)));
        ClientHello withEarlyData = withExtensions(second, plus(second.extensions(), new EarlyDataExtension()));
        assertRejectedInTheClear(server, AlertDescription.ILLEGAL_PARAMETER,
                FailureReason.SECOND_CLIENT_HELLO_EARLY_DATA, handshakeRecord(withEarlyData.encode()));
    }
}
