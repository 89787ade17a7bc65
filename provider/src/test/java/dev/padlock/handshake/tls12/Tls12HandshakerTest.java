package dev.padlock.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.HelloRequest;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.Tls12Certificate;
import dev.padlock.wire.TlsFailure;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Two TLS 1.2 machines wired to each other without records: what goes between them can be
 * replaced in flight, so that the checks on Finished, ChangeCipherSpec ordering, client
 * certificates and renegotiation are reached with everything else right.
 */
class Tls12HandshakerTest {
    /** A change_cipher_spec in the queue of one direction. */
    private static final Bytes CCS = Bytes.of((byte) 1);

    private static final class Queue implements HandshakeOutput {
        final Deque<Bytes> items = new ArrayDeque<>();

        @Override
        public void sendHandshake(Bytes message) {
            items.add(message);
        }

        @Override
        public void sendChangeCipherSpec() {
            items.add(CCS);
        }

        @Override
        public void installReadKeys(RecordKeys keys) {
            keys.destroy();
        }

        @Override
        public void installWriteKeys(RecordKeys keys) {
            keys.destroy();
        }
    }

    private final Queue toServer = new Queue();
    private final Queue toClient = new Queue();

    static HandshakeConfig config(boolean client, ClientAuth auth, Set<ProtocolVersion> versions) {
        KeyKind kind = KeyKind.EC_P256;
        var ks = TestPki.keyStore(kind);
        return HandshakeConfig.builder(client)
                .cipherSuites(List.of(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                        CipherSuiteSpec.TLS_AES_128_GCM_SHA256))
                .namedGroups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1))
                .signatureSchemes(List.of(SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA256))
                .credentials(client && auth == ClientAuth.NONE ? dev.padlock.handshake.Credentials.NONE
                        : TestPki.credentials(ks))
                .peerTrust(trustAll()).peer("localhost", 443).clientAuth(client ? ClientAuth.NONE : auth)
                .protocolVersions(versions).build();
    }

    private static PeerTrust trustAll() {
        return new PeerTrust() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }
        };
    }

    private static TlsSession session() {
        return new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443);
    }

    private Handshaker client(ClientAuth clientHas) {
        return Handshaker.create(config(true, clientHas, Set.of(ProtocolVersion.TLSV1_2)), toServer, session());
    }

    private Handshaker server(ClientAuth auth) {
        return Handshaker.create(config(false, auth, Set.of(ProtocolVersion.TLSV1_2, ProtocolVersion.TLSV1_3)),
                toClient, session());
    }

    /** Delivers each queued item, CCS or message, through {@code tap}, until both queues are empty. */
    private void pump(Handshaker client, Handshaker server, UnaryOperator<Bytes> toServerTap) {
        while (!toServer.items.isEmpty() || !toClient.items.isEmpty()) {
            deliver(toServer, server, toServerTap);
            deliver(toClient, client, UnaryOperator.identity());
        }
    }

    private static void deliver(Queue queue, Handshaker to, UnaryOperator<Bytes> tap) {
        while (!queue.items.isEmpty()) {
            Bytes item = tap.apply(queue.items.poll());
            if (item == CCS) {
                if (!to.acceptsChangeCipherSpec()) {
                    throw new TlsFailure(FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, "unexpected change_cipher_spec");
                }
                to.onChangeCipherSpec();
            } else if (item != null) {
                to.onMessage(item);
            }
        }
    }

    private static TlsFailure assertFails(AlertDescription alert, FailureReason reason, Runnable r) {
        TlsFailure f = assertThrows(TlsFailure.class, r::run);
        assertEquals(reason, f.reason(), f.getMessage());
        assertEquals(alert, f.alert());
        return f;
    }

    @Test
    void fullHandshakeCompletesAndBothSidesExportTheSameKeyingMaterial() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        pump(client, server, UnaryOperator.identity());
        assertTrue(client.isComplete());
        assertTrue(server.isComplete());
        assertEquals(ProtocolVersion.TLSV1_2, client.session().protocolVersion());
        assertEquals(Bytes.wrap(client.exportKeyingMaterial("EXPERIMENTAL x", null, 32)),
                Bytes.wrap(server.exportKeyingMaterial("EXPERIMENTAL x", null, 32)));
        assertFalse(client.canUpdateKeys());
    }

    @Test
    void serverRejectsClientFinishedWithWrongVerifyDataWithDecryptError() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        assertFails(AlertDescription.DECRYPT_ERROR, FailureReason.FINISHED_MISMATCH,
                () -> pump(client, server, m -> m != CCS && (m.get(0) & 0xFF) == HandshakeType.FINISHED.code()
                        ? new Finished(Bytes.wrap(new byte[12])).encode() : m));
    }

    @Test
    void serverRejectsChangeCipherSpecBeforeClientKeyExchangeWithUnexpectedMessage() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        deliver(toServer, server, UnaryOperator.identity());
        deliver(toClient, client, UnaryOperator.identity());
        // The client's flight is ClientKeyExchange, CCS, Finished: drop ClientKeyExchange.
        toServer.items.poll();
        assertFails(AlertDescription.UNEXPECTED_MESSAGE, FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC,
                () -> deliver(toServer, server, UnaryOperator.identity()));
    }

    @Test
    void serverRejectsFinishedWithoutChangeCipherSpecWithUnexpectedMessage() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        TlsFailure f = assertFails(AlertDescription.UNEXPECTED_MESSAGE, FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE,
                () -> pump(client, server, m -> m == CCS ? null : m));
        assertTrue(f.getMessage().endsWith("while expecting the peer's ChangeCipherSpec"), f.getMessage());
    }

    @Test
    void serverRequiringACertificateRejectsAnEmptyOneWithHandshakeFailure() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.REQUIRED);
        client.start();
        server.start();
        assertFails(AlertDescription.HANDSHAKE_FAILURE, FailureReason.TLS12_CLIENT_CERTIFICATE_REQUIRED,
                () -> pump(client, server, UnaryOperator.identity()));
    }

    @Test
    void clientAuthenticatesWithCertificateAndCertificateVerifyWhenAsked() {
        Handshaker client = client(ClientAuth.REQUIRED);
        Handshaker server = server(ClientAuth.REQUIRED);
        client.start();
        server.start();
        pump(client, server, UnaryOperator.identity());
        assertTrue(server.isComplete());
        assertEquals(client.session().localCertificates(), server.session().peerCertificates());
        assertFalse(server.session().peerCertificates().isEmpty());
    }

    @Test
    void serverRejectsACertificateVerifyThatDoesNotVerifyWithDecryptError() {
        Handshaker client = client(ClientAuth.REQUIRED);
        Handshaker server = server(ClientAuth.REQUIRED);
        client.start();
        server.start();
        assertFails(AlertDescription.DECRYPT_ERROR, FailureReason.CERTIFICATE_VERIFY_SIGNATURE,
                () -> pump(client, server, m -> m != CCS && (m.get(0) & 0xFF) == HandshakeType.CERTIFICATE_VERIFY.code()
                        ? m.slice(0, m.length() - 1).concat(Bytes.of((byte) (m.get(m.length() - 1) ^ 1))) : m));
    }

    @Test
    void establishedServerRefusesRenegotiationWithHandshakeFailureAndClientIgnoresHelloRequest() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        pump(client, server, UnaryOperator.identity());
        client.onMessage(new HelloRequest().encode());
        assertTrue(client.isComplete());
        Bytes hello = new ClientHello(ProtocolVersion.TLSV1_2, Bytes.wrap(new byte[32]), Bytes.EMPTY,
                List.of(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.suite()), Bytes.of((byte) 0),
                List.of(new ExtendedMasterSecretExtension(), RenegotiationInfoExtension.INITIAL)).encode();
        assertFails(AlertDescription.HANDSHAKE_FAILURE, FailureReason.RENEGOTIATION_REFUSED,
                () -> server.onMessage(hello));
    }

    @Test
    void serverRejectsAnEmptyCertificateAsServerCertificateWithDecodeError() {
        Handshaker client = client(ClientAuth.NONE);
        Handshaker server = server(ClientAuth.NONE);
        client.start();
        server.start();
        deliver(toServer, server, UnaryOperator.identity());
        assertFails(AlertDescription.DECODE_ERROR, FailureReason.SERVER_CERTIFICATE_EMPTY,
                () -> deliver(toClient, client, m -> (m.get(0) & 0xFF) == HandshakeType.CERTIFICATE.code()
                        ? new Tls12Certificate(List.of()).encode() : m));
    }
}
