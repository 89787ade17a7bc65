package dev.padlock.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsConnectionHandshakeTest {

    @Test
    void clientAndServerCompleteAHandshakeAndExchangeData() {
        ConnectionPair pair = new ConnectionPair(
                ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED, ConnectionPair.ALL_GROUPS,
                        ClientAuth.NONE, List.of("h2", "http/1.1")),
                ConnectionPair.make(false, TestPki.keyStore(KeyKind.EC_P256), CipherSuiteSpec.SUPPORTED,
                        ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of("http/1.1")));
        pair.handshake();
        assertTrue(pair.client.isHandshakeComplete());
        assertTrue(pair.server.isHandshakeComplete());
        assertEquals("http/1.1", pair.client.session().applicationProtocol());
        assertEquals(NamedGroup.X25519, pair.server.session().namedGroup());

        byte[] data = "hello, TLS 1.3".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer record = ByteBuffer.allocate(100);
        pair.client.seal(new ByteBuffer[] {ByteBuffer.wrap(data)}, 0, 1, record);
        record.flip();
        ByteBuffer out = ByteBuffer.allocate(100);
        assertEquals(data.length, pair.server.receive(record, new ByteBuffer[] {out}, 0, 1));
        assertArrayEquals(data, java.util.Arrays.copyOf(out.array(), out.position()));
    }

    @Test
    void serverSendsHelloRetryRequestWhenTheClientShareIsNotAcceptable() {
        ConnectionPair pair = new ConnectionPair(
                ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED, ConnectionPair.ALL_GROUPS,
                        ClientAuth.NONE, List.of()),
                ConnectionPair.make(false, TestPki.keyStore(KeyKind.RSA_2048), CipherSuiteSpec.SUPPORTED,
                        List.of(NamedGroup.SECP384R1), ClientAuth.NONE, List.of()));
        pair.handshake();
        assertTrue(pair.client.isHandshakeComplete());
        assertEquals(NamedGroup.SECP384R1, pair.client.session().namedGroup());
    }

    @Test
    void mutualAuthenticationCarriesTheClientCertificate() {
        ConnectionPair pair = new ConnectionPair(
                ConnectionPair.make(true, TestPki.keyStore(KeyKind.ED25519), CipherSuiteSpec.SUPPORTED,
                        ConnectionPair.ALL_GROUPS, ClientAuth.NONE, List.of()),
                ConnectionPair.make(false, TestPki.keyStore(KeyKind.EC_P384), CipherSuiteSpec.SUPPORTED,
                        ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED, List.of()));
        pair.handshake();
        assertTrue(pair.server.isHandshakeComplete());
        assertEquals(2, pair.server.session().peerCertificates().size());
    }

    @Test
    void requiredClientCertificateMissingIsCertificateRequired() {
        ConnectionPair pair = new ConnectionPair(
                ConnectionPair.make(true, null, CipherSuiteSpec.SUPPORTED, ConnectionPair.ALL_GROUPS,
                        ClientAuth.NONE, List.of()),
                ConnectionPair.make(false, TestPki.keyStore(KeyKind.EC_P256), CipherSuiteSpec.SUPPORTED,
                        ConnectionPair.ALL_GROUPS, ClientAuth.REQUIRED, List.of()));
        TlsFailure f = assertThrows(TlsFailure.class, pair::handshake);
        assertEquals(AlertDescription.CERTIFICATE_REQUIRED, f.alert());
        assertEquals(FailureReason.CLIENT_CERTIFICATE_REQUIRED, f.reason());
    }
}
