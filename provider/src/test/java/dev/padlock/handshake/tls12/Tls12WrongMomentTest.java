package dev.padlock.handshake.tls12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.handshake.Handshaker;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateVerify;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.ClientKeyExchange;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.Finished;
import dev.padlock.wire.HelloRequest;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.ServerHelloDone;
import dev.padlock.wire.ServerKeyExchange;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.Tls12Certificate;
import dev.padlock.wire.Tls12CertificateRequest;
import dev.padlock.wire.Tls12NewSessionTicket;
import dev.padlock.wire.TlsFailure;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrong-moment catalogue for TLS 1.2 (RFC 5246 §7.3, §7.4: a message out of order is
 * unexpected_message): every TLS 1.2 message in every state of either machine that does not
 * expect it, and the ChangeCipherSpec in every state before the one that waits for it.
 */
class Tls12WrongMomentTest {
    private static final Bytes CCS = Bytes.of((byte) 1);
    private static final Map<String, Bytes> SAMPLES = samples();

    /** One well-formed message of each TLS 1.2 type, so that decoding passes and ordering decides. */
    private static Map<String, Bytes> samples() {
        Map<String, Bytes> m = new TreeMap<>();
        m.put("HelloRequest", new HelloRequest().encode());
        m.put("ClientHello", new ClientHello(ProtocolVersion.TLSV1_2, Bytes.wrap(new byte[32]), Bytes.EMPTY,
                List.of(CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.suite()), Bytes.of((byte) 0),
                List.of(new ExtendedMasterSecretExtension(), RenegotiationInfoExtension.INITIAL)).encode());
        m.put("ServerHello", new ServerHello(ProtocolVersion.TLSV1_2, Bytes.wrap(new byte[32]), Bytes.EMPTY,
                CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.suite(), 0, List.of()).encode());
        m.put("Certificate", new Tls12Certificate(List.of(Bytes.of((byte) 0x30))).encode());
        m.put("ServerKeyExchange", new ServerKeyExchange(NamedGroup.X25519, Bytes.wrap(new byte[32]),
                SignatureScheme.ECDSA_SECP256R1_SHA256, Bytes.of((byte) 0)).encode());
        m.put("CertificateRequest", new Tls12CertificateRequest(Tls12CertificateRequest.RSA_AND_ECDSA_SIGN,
                List.of(SignatureScheme.ECDSA_SECP256R1_SHA256), List.of()).encode());
        m.put("ServerHelloDone", new ServerHelloDone().encode());
        m.put("CertificateVerify", new CertificateVerify(SignatureScheme.ECDSA_SECP256R1_SHA256,
                Bytes.of((byte) 0)).encode());
        m.put("ClientKeyExchange", new ClientKeyExchange(Bytes.wrap(new byte[32])).encode());
        m.put("Finished", new Finished(Bytes.wrap(new byte[12])).encode());
        m.put("NewSessionTicket", new Tls12NewSessionTicket(60, Bytes.of((byte) 1)).encode());
        return m;
    }

    /** A state by its expecting() text, and the messages it accepts. */
    record State(boolean client, String expecting, Set<String> accepts) {
        @Override
        public String toString() {
            return (client ? "client " : "server ") + expecting;
        }
    }

    private static final List<State> STATES = List.of(
            new State(true, "expecting ServerHello", Set.of("ServerHello")),
            new State(true, "expecting the server's Certificate", Set.of("Certificate")),
            new State(true, "expecting ServerKeyExchange", Set.of("ServerKeyExchange")),
            new State(true, "expecting CertificateRequest or ServerHelloDone",
                    Set.of("CertificateRequest", "ServerHelloDone")),
            new State(true, "expecting ServerHelloDone", Set.of("ServerHelloDone")),
            new State(true, "expecting the peer's ChangeCipherSpec", Set.of()),
            new State(true, "expecting the peer's Finished", Set.of("Finished")),
            new State(true, "connected", Set.of()),
            new State(false, "expecting ClientHello", Set.of("ClientHello")),
            new State(false, "expecting the client's Certificate", Set.of("Certificate")),
            new State(false, "expecting ClientKeyExchange", Set.of("ClientKeyExchange")),
            new State(false, "expecting the client's CertificateVerify", Set.of("CertificateVerify")),
            new State(false, "expecting the peer's ChangeCipherSpec", Set.of()),
            new State(false, "expecting the peer's Finished", Set.of("Finished")),
            // A ClientHello here is a renegotiation, refused on its own terms (Tls12HandshakerTest).
            new State(false, "connected", Set.of("ClientHello")));

    static Stream<Arguments> wrongMoments() {
        List<Arguments> out = new ArrayList<>();
        for (State state : STATES) {
            for (String message : SAMPLES.keySet()) {
                // RFC 5246 §7.4.1.1: a client ignores HelloRequest in any state.
                boolean ignored = state.client() && message.equals("HelloRequest");
                if (!state.accepts().contains(message) && !ignored) {
                    out.add(Arguments.of(state, message));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> changeCipherSpecTooEarly() {
        return STATES.stream().filter(s -> !s.expecting().equals("expecting the peer's ChangeCipherSpec"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("wrongMoments")
    void everyMessageAStateDoesNotExpectIsUnexpectedMessage(State state, String message) {
        Handshaker victim = reach(state);
        TlsFailure f = assertThrows(TlsFailure.class, () -> victim.onMessage(SAMPLES.get(message)));
        assertEquals(FailureReason.UNEXPECTED_HANDSHAKE_MESSAGE, f.reason(), f.getMessage());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
        assertTrue(f.getMessage().endsWith(" while " + state.expecting()), f.getMessage());
    }

    @ParameterizedTest(name = "{0} refuses ChangeCipherSpec")
    @MethodSource("changeCipherSpecTooEarly")
    void changeCipherSpecOutsideItsMomentIsRefused(State state) {
        Handshaker victim = reach(state);
        // The core asks first and fails with unexpected_message (UNEXPECTED_CHANGE_CIPHER_SPEC).
        assertTrue(!victim.acceptsChangeCipherSpec(), state + " accepts ChangeCipherSpec");
        TlsFailure f = assertThrows(TlsFailure.class, victim::onChangeCipherSpec);
        assertEquals(FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, f.reason());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
    }

    // ---- two machines, driven one item at a time until the victim is in the state -----------------

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

    private static Handshaker reach(State state) {
        boolean clientAuth = state.expecting().contains("client's Certificate")
                || state.expecting().contains("CertificateVerify") || state.expecting().equals("expecting ServerHelloDone");
        ClientAuth auth = clientAuth ? ClientAuth.REQUIRED : ClientAuth.NONE;
        Queue toServer = new Queue();
        Queue toClient = new Queue();
        Handshaker client = Handshaker.create(Tls12HandshakerTest.config(true, auth, Set.of(ProtocolVersion.TLSV1_2)),
                toServer, session());
        Handshaker server = Handshaker.create(Tls12HandshakerTest.config(false, auth,
                Set.of(ProtocolVersion.TLSV1_2, ProtocolVersion.TLSV1_3)), toClient, session());
        client.start();
        server.start();
        Handshaker victim = state.client() ? client : server;
        for (int i = 0; i < 40 && !victim.expecting().equals(state.expecting()); i++) {
            if (!toServer.items.isEmpty()) {
                deliverOne(toServer, server);
            } else if (!toClient.items.isEmpty()) {
                deliverOne(toClient, client);
            }
        }
        assertEquals(state.expecting(), victim.expecting(), "reached the state");
        return victim;
    }

    private static void deliverOne(Queue queue, Handshaker to) {
        Bytes item = queue.items.poll();
        if (item == CCS) {
            to.onChangeCipherSpec();
        } else {
            to.onMessage(item);
        }
    }

    private static TlsSession session() {
        return new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443);
    }
}
