package dev.padlock.core;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.record.RecordHeader;
import dev.padlock.session.TlsSession;
import dev.padlock.testing.TestPki;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.X509TrustManager;

/** Two sans-IO connections joined in memory, for core-level tests without any JSSE adapter. */
final class ConnectionPair {
    static final List<NamedGroup> ALL_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1, NamedGroup.X448, NamedGroup.SECP521R1);
    static final List<SignatureScheme> ALL_SCHEMES = List.of(SignatureScheme.ECDSA_SECP256R1_SHA256,
            SignatureScheme.ECDSA_SECP384R1_SHA384, SignatureScheme.ECDSA_SECP521R1_SHA512,
            SignatureScheme.ED25519, SignatureScheme.ED448, SignatureScheme.RSA_PSS_RSAE_SHA256,
            SignatureScheme.RSA_PSS_RSAE_SHA384, SignatureScheme.RSA_PSS_RSAE_SHA512,
            SignatureScheme.RSA_PSS_PSS_SHA256, SignatureScheme.RSA_PSS_PSS_SHA384, SignatureScheme.RSA_PSS_PSS_SHA512);

    final TlsConnection client;
    final TlsConnection server;
    UnaryOperator<ByteBuffer> clientToServer = UnaryOperator.identity();
    UnaryOperator<ByteBuffer> serverToClient = UnaryOperator.identity();

    ConnectionPair(HandshakeConfig clientConfig, HandshakeConfig serverConfig) {
        client = new TlsConnection(Config.of(clientConfig), session());
        server = new TlsConnection(Config.of(serverConfig), session());
    }

    private static TlsSession session() {
        return new TlsSession(new byte[32], Instant.EPOCH, "localhost", 443);
    }

    /** Runs until both sides finished the handshake and nothing is in flight. */
    void handshake() {
        client.start();
        server.start();
        for (int round = 0; round < 20; round++) {
            boolean moved = transfer(client, server, clientToServer) | transfer(server, client, serverToClient);
            if (!moved) {
                break;
            }
        }
    }

    /** Moves every queued record from {@code from} into {@code to}; true if anything moved. */
    static boolean transfer(TlsConnection from, TlsConnection to, UnaryOperator<ByteBuffer> tap) {
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        from.drainOutbound(wire);
        wire.flip();
        if (!wire.hasRemaining()) {
            return false;
        }
        wire = tap.apply(wire);
        ByteBuffer sink = ByteBuffer.allocate(1 << 20);
        while (wire.hasRemaining()) {
            int length = RecordHeader.peekRecordLength(wire);
            ByteBuffer record = wire.duplicate();
            record.limit(wire.position() + length);
            wire.position(wire.position() + length);
            to.receive(record, new ByteBuffer[] {sink}, 0, 1);
        }
        return true;
    }

    static PeerTrust pkixTrust() {
        X509TrustManager tm = (X509TrustManager) TestPki.trustManagers()[0];
        return new PeerTrust() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                tm.checkServerTrusted(chain, authType);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                tm.checkClientTrusted(chain, authType);
            }
        };
    }

    static List<CipherSuiteSpec> suites(CipherSuiteSpec... specs) {
        return specs.length == 0 ? CipherSuiteSpec.SUPPORTED : Arrays.asList(specs);
    }

    static HandshakeConfig make(boolean client, KeyStore ks, List<CipherSuiteSpec> suites, List<NamedGroup> groups,
            ClientAuth auth, List<String> alpn) {
        return HandshakeConfig.builder(client).cipherSuites(suites).namedGroups(groups).signatureSchemes(ALL_SCHEMES)
                .credentials(ks == null ? Credentials.NONE : TestPki.credentials(ks)).peerTrust(pkixTrust())
                .peer("localhost", 443).applicationProtocols(alpn).clientAuth(auth).honorServerOrder(true)
                .middleboxCompatibility(true).build();
    }
}
