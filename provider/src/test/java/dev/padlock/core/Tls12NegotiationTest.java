package dev.padlock.core;

import static dev.padlock.core.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.VersionNegotiation;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SupportedVersionsClientHello;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Version negotiation between TLS 1.3 and TLS 1.2 (RFC 8446 §4.2.1, §4.1.3, RFC 7507) and the
 * TLS 1.2 hello checks (RFC 7627, RFC 5746), on connections fed hand-made or rewritten hellos.
 */
class Tls12NegotiationTest {
    private static final Set<ProtocolVersion> BOTH = Set.of(ProtocolVersion.TLSV1_3, ProtocolVersion.TLSV1_2);
    private static final Set<ProtocolVersion> TLS12 = Set.of(ProtocolVersion.TLSV1_2);
    private static final List<CipherSuiteSpec> ALL_SUITES =
            Stream.concat(CipherSuiteSpec.SUPPORTED.stream(), CipherSuiteSpec.SUPPORTED_TLS12.stream()).toList();

    static HandshakeConfig client(Set<ProtocolVersion> versions) {
        return clientConfig().toBuilder().cipherSuites(ALL_SUITES).protocolVersions(versions).build();
    }

    static HandshakeConfig server(Set<ProtocolVersion> versions) {
        return ConnectionPair.make(false, TestPki.keyStore(KeyKind.EC_P256), ALL_SUITES, ConnectionPair.ALL_GROUPS,
                ClientAuth.NONE, List.of()).toBuilder().protocolVersions(versions).build();
    }

    private static ClientHello helloOf(HandshakeConfig config) {
        return decodeClientHello(clientHelloOf(connection(config)));
    }

    private static ClientHello withSuites(ClientHello ch, List<CipherSuite> suites) {
        return new ClientHello(ch.legacyVersion(), ch.random(), ch.legacySessionId(), suites,
                ch.legacyCompressionMethods(), ch.extensions());
    }

    /** The server's answer to {@code hello}: its ServerHello. */
    private static ServerHello answer(TlsConnection server, ClientHello hello) {
        server.start();
        deliver(server, handshakeRecord(hello.encode()));
        return decodeServerHello(splitMessages(fragment(drainRecords(server).get(0))).get(0));
    }

    @Test
    void clientOffersBothVersionsAndWhatATls12ServerNeeds() {
        ClientHello hello = helloOf(client(BOTH));
        assertEquals(List.of(ProtocolVersion.TLSV1_3, ProtocolVersion.TLSV1_2),
                hello.extension(SupportedVersionsClientHello.class).orElseThrow().versions());
        assertEquals(ProtocolVersion.TLSV1_2, hello.legacyVersion());
        List<Integer> types = hello.extensions().stream().map(e -> e.type().code()).toList();
        assertTrue(types.containsAll(List.of(ExtensionType.EXTENDED_MASTER_SECRET.code(),
                ExtensionType.RENEGOTIATION_INFO.code(), ExtensionType.EC_POINT_FORMATS.code())), types::toString);
        assertEquals(ALL_SUITES.stream().map(CipherSuiteSpec::suite).toList(), hello.cipherSuites(),
                "the TLS 1.2 suites after the TLS 1.3 ones");
    }

    @Test
    void tls13OnlyClientHelloIsUnchangedByTheTls12Support() {
        ClientHello hello = helloOf(clientConfig());
        assertEquals(List.of(ProtocolVersion.TLSV1_3),
                hello.extension(SupportedVersionsClientHello.class).orElseThrow().versions());
        assertTrue(hello.extensions().stream().noneMatch(e -> e.type().equals(ExtensionType.EXTENDED_MASTER_SECRET)));
    }

    @Test
    void serverCapableOfTls13PutsTheDowngradeSentinelInATls12Random() {
        ServerHello sh = answer(connection(server(BOTH)), helloOf(client(TLS12)));
        assertEquals(ProtocolVersion.TLSV1_2, sh.legacyVersion());
        assertEquals(VersionNegotiation.DOWNGRADE_TLS12, sh.random().slice(24, 32));
    }

    @Test
    void tls12OnlyServerLeavesTheRandomAlone() {
        ServerHello sh = answer(connection(server(TLS12)), helloOf(client(TLS12)));
        assertTrue(!sh.random().slice(24, 32).equals(VersionNegotiation.DOWNGRADE_TLS12));
    }

    @Test
    void serverPrefersTls13WhenBothCan() {
        ServerHello sh = answer(connection(server(BOTH)), helloOf(client(BOTH)));
        assertTrue(sh.extension(dev.padlock.wire.SupportedVersionsServerHello.class).isPresent());
    }

    @Test
    void tls13CapableClientRejectsTls12ServerHelloWithTheSentinelWithIllegalParameter() {
        TlsConnection client = connection(client(BOTH));
        client.start();
        ClientHello sent = decodeClientHello(splitMessages(fragment(drainRecords(client).get(0))).get(0));
        // What a downgrading attacker gets from a 1.3-capable server that it forced to 1.2.
        ClientHello stripped = new ClientHello(sent.legacyVersion(), sent.random(), sent.legacySessionId(),
                sent.cipherSuites(), sent.legacyCompressionMethods(), without(sent.extensions(),
                        ExtensionType.SUPPORTED_VERSIONS));
        TlsConnection server = connection(server(BOTH));
        server.start();
        deliver(server, handshakeRecord(stripped.encode()));
        List<ByteBuffer> flight = drainRecords(server);
        assertRejectedInTheClear(client, AlertDescription.ILLEGAL_PARAMETER, FailureReason.DOWNGRADE_SENTINEL,
                flight.toArray(new ByteBuffer[0]));
    }

    @Test
    void serverAnswersFallbackScsvFromATls12ClientWithInappropriateFallback() {
        ClientHello hello = helloOf(client(TLS12));
        List<CipherSuite> suites = new ArrayList<>(hello.cipherSuites());
        suites.add(CipherSuite.TLS_FALLBACK_SCSV);
        TlsConnection server = connection(server(BOTH));
        server.start();
        assertRejectedInTheClear(server, AlertDescription.INAPPROPRIATE_FALLBACK, FailureReason.INAPPROPRIATE_FALLBACK,
                handshakeRecord(withSuites(hello, suites).encode()));
    }

    @Test
    void tls12OnlyServerAcceptsFallbackScsvAtItsHighestVersion() {
        ClientHello hello = helloOf(client(TLS12));
        List<CipherSuite> suites = new ArrayList<>(hello.cipherSuites());
        suites.add(CipherSuite.TLS_FALLBACK_SCSV);
        assertEquals(ProtocolVersion.TLSV1_2, answer(connection(server(TLS12)), withSuites(hello, suites))
                .legacyVersion());
    }

    @Test
    void serverRejectsATls11ClientHelloWithProtocolVersion() {
        ClientHello hello = helloOf(client(TLS12));
        ClientHello old = new ClientHello(ProtocolVersion.TLSV1_1, hello.random(), hello.legacySessionId(),
                hello.cipherSuites(), hello.legacyCompressionMethods(), hello.extensions());
        TlsConnection server = connection(server(BOTH));
        server.start();
        assertRejectedInTheClear(server, AlertDescription.PROTOCOL_VERSION, FailureReason.NO_COMMON_PROTOCOL_VERSION,
                handshakeRecord(old.encode()));
    }

    @Test
    void tls12OnlyServerRejectsATls13OnlyClientWithProtocolVersion() {
        TlsConnection server = connection(server(TLS12));
        server.start();
        assertRejectedInTheClear(server, AlertDescription.PROTOCOL_VERSION, FailureReason.NO_COMMON_PROTOCOL_VERSION,
                handshakeRecord(clientHelloOf(connection(clientConfig()))));
    }

    @Test
    void serverRejectsATls12ClientHelloWithoutExtendedMasterSecretWithHandshakeFailure() {
        ClientHello hello = helloOf(client(TLS12));
        TlsConnection server = connection(server(BOTH));
        server.start();
        assertRejectedInTheClear(server, AlertDescription.HANDSHAKE_FAILURE,
                FailureReason.EXTENDED_MASTER_SECRET_MISSING, handshakeRecord(withExtensions(hello,
                        without(hello.extensions(), ExtensionType.EXTENDED_MASTER_SECRET)).encode()));
    }

    @Test
    void clientRejectsATls12ServerHelloWithoutExtendedMasterSecretWithHandshakeFailure() {
        TlsConnection client = connection(client(BOTH));
        client.start();
        TlsConnection server = connection(server(TLS12));
        server.start();
        deliver(server, drainRecords(client));
        List<Bytes> messages = new ArrayList<>();
        drainRecords(server).forEach(r -> messages.addAll(splitMessages(fragment(r))));
        ServerHello sh = decodeServerHello(messages.get(0));
        messages.set(0, withExtensions(sh, without(sh.extensions(), ExtensionType.EXTENDED_MASTER_SECRET)).encode());
        assertRejectedInTheClear(client, AlertDescription.HANDSHAKE_FAILURE,
                FailureReason.EXTENDED_MASTER_SECRET_MISSING, handshakeRecord(messages.get(0)));
    }

    @Test
    void serverRejectsNonEmptyRenegotiationInfoWithHandshakeFailure() {
        ClientHello hello = helloOf(client(TLS12));
        TlsConnection server = connection(server(BOTH));
        server.start();
        assertRejectedInTheClear(server, AlertDescription.HANDSHAKE_FAILURE, FailureReason.RENEGOTIATION_INFO_NOT_EMPTY,
                handshakeRecord(withExtensions(hello, replacing(hello.extensions(),
                        new dev.padlock.wire.RenegotiationInfoExtension(Bytes.of((byte) 1)))).encode()));
    }
}
