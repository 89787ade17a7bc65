package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.Config;
import dev.padlock.core.ConnectionObserver;
import dev.padlock.core.TlsConnection;
import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Credentials;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.handshake.PeerTrust;
import dev.padlock.record.Deframer;
import dev.padlock.record.RecordHeader;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Deterministic connections for the connection fuzz targets. With a seeded random, a fixed
 * clock and a fixed Ed25519 certificate (checked in beside the corpus) every handshake between
 * these two configurations is the same byte for byte, so a captured flight replays: the seeds
 * lead the fuzzer past the ClientHello into the encrypted messages and application data.
 */
final class FuzzPeers {
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    /** The server does not enable X448, so a client that offers an X448 key share first gets a HelloRetryRequest. */
    private static final List<NamedGroup> SERVER_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1, NamedGroup.SECP521R1);
    private static final List<NamedGroup> CLIENT_GROUPS = List.of(NamedGroup.X25519, NamedGroup.SECP256R1,
            NamedGroup.SECP384R1, NamedGroup.X448, NamedGroup.SECP521R1);
    private static final List<NamedGroup> CLIENT_GROUPS_X448_FIRST = List.of(NamedGroup.X448, NamedGroup.X25519,
            NamedGroup.SECP256R1, NamedGroup.SECP384R1, NamedGroup.SECP521R1);
    private static final List<SignatureScheme> SCHEMES = List.of(SignatureScheme.ED25519,
            SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.ECDSA_SECP384R1_SHA384,
            SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PSS_RSAE_SHA384);
    private static final Credential SERVER_CREDENTIAL = loadCredential();

    /**
     * The fuzzed client trusts any chain: certificate path validation is the JDK's, and a
     * fuzzer that stopped at it would never reach CertificateVerify, Finished or the records
     * after them. The signature over the transcript is still checked.
     */
    private static final PeerTrust TRUST_ANY = new PeerTrust() {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }
    };

    private FuzzPeers() {
    }

    static TlsConnection server(ConnectionObserver observer) {
        return new TlsConnection(Config.of(config(false, SERVER_GROUPS, 0x5E4E_4E4EL), observer), session());
    }

    static TlsConnection client(ConnectionObserver observer) {
        return client(observer, false);
    }

    /** {@code x448First}: a client whose one key share the server cannot use (HelloRetryRequest). */
    static TlsConnection client(ConnectionObserver observer, boolean x448First) {
        HandshakeConfig config = config(true, x448First ? CLIENT_GROUPS_X448_FIRST : CLIENT_GROUPS, 0xC11E_4E7L);
        return new TlsConnection(Config.of(config, observer), session());
    }

    private static HandshakeConfig config(boolean client, List<NamedGroup> groups, long seed) {
        Credentials credentials = client ? Credentials.NONE : new Credentials() {
            @Override
            public Optional<Credential> chooseServerCredential(List<SignatureScheme> s, List<X500Principal> i) {
                return Optional.of(SERVER_CREDENTIAL);
            }

            @Override
            public Optional<Credential> chooseClientCredential(List<SignatureScheme> s, List<X500Principal> i) {
                return Optional.empty();
            }
        };
        return HandshakeConfig.builder(client).namedGroups(groups).signatureSchemes(SCHEMES).credentials(credentials)
                .peerTrust(TRUST_ANY).random(seededRandom(seed)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .peer("fuzz.padlock.test", 443).honorServerOrder(true).middleboxCompatibility(true).build();
    }

    /** SHA1PRNG seeded before its first use never mixes in system entropy: the same bytes every run. */
    private static SecureRandom seededRandom(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TlsSession session() {
        return new TlsSession(new byte[32], NOW, "fuzz.padlock.test", 443);
    }

    private static Credential loadCredential() {
        try (InputStream in = FuzzPeers.class.getResourceAsStream("server-ed25519.p12")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "fuzzpass".toCharArray());
            PrivateKey key = (PrivateKey) ks.getKey("fuzz", "fuzzpass".toCharArray());
            return new Credential(List.of((X509Certificate) ks.getCertificate("fuzz")), key);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("fuzz server key store", e);
        }
    }

    /** Counts what the connection sends, so a target can hold it to exactly one fatal alert. */
    static final class AlertCounter implements ConnectionObserver {
        final List<AlertDescription> sent = new ArrayList<>();

        @Override
        public void alert(boolean outbound, AlertDescription description) {
            if (outbound) {
                sent.add(description);
            }
        }
    }

    /**
     * Cuts {@code wire} into records as the socket adapter does and hands each to {@code victim},
     * as long as it stays healthy. Only a {@link TlsFailure} may come out of this; the caller
     * checks what followed it with {@link #assertOneFatalAlert}.
     *
     * @return the application bytes delivered
     */
    static byte[] feed(TlsConnection victim, byte[] wire) {
        Deframer deframer = new Deframer();
        ByteBuffer in = ByteBuffer.wrap(wire);
        ByteBuffer app = ByteBuffer.allocate(RecordHeader.MAX_CIPHERTEXT);
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        try {
            while (in.hasRemaining() || deframer.hasRecord()) {
                deframer.offer(in);
                while (deframer.hasRecord()) {
                    app.clear();
                    victim.receive(deframer.nextRecord(), new ByteBuffer[] {app}, 0, 1);
                    delivered.write(app.array(), 0, app.position());
                }
            }
        } catch (TlsFailure f) {
            if (victim.failure() == null) {
                // The deframer refused a header: the adapters fail the connection with it.
                victim.fail(f);
            }
            throw f;
        }
        return delivered.toByteArray();
    }

    /**
     * After {@code f}: the connection holds it, sends nothing more and rethrows it, and the last
     * record it queued is its one fatal alert (none if the peer's alert ended it).
     */
    static void assertOneFatalAlert(TlsConnection victim, AlertCounter alerts, TlsFailure f) {
        assertSame(f, victim.failure(), "the failure the connection holds");
        assertTrue(victim.isOutboundClosed(), "no more output after a failure");
        assertTrue(victim.isInboundClosed(), "no more input after a failure");
        List<ByteBuffer> queued = drain(victim);
        if (victim.failureFromPeer()) {
            assertEquals(List.of(), alerts.sent, "no alert answers the peer's fatal alert");
        } else {
            assertEquals(List.of(f.alert()), alerts.sent, "exactly one alert, the failure's");
            assertFalse(queued.isEmpty(), "the alert is queued");
            assertAlertRecord(queued.get(queued.size() - 1), f.alert());
        }
        ByteBuffer again = ByteBuffer.wrap(new byte[] {23, 3, 3, 0, 1, 0});
        assertSame(f, assertThrows(TlsFailure.class,
                () -> victim.receive(again, new ByteBuffer[] {ByteBuffer.allocate(64)}, 0, 1)));
        assertFalse(victim.hasOutbound(), "nothing queued after the failure");
    }

    /** A fatal alert in the clear, or a protected record the size of one (2 + type octet + tag). */
    private static void assertAlertRecord(ByteBuffer record, AlertDescription alert) {
        int type = record.get(0) & 0xFF;
        if (type == ContentType.ALERT.code()) {
            byte[] expected = {21, 3, 3, 0, 2, 2, (byte) alert.code()};
            assertEquals(ByteBuffer.wrap(expected), record, "fatal " + alert.name() + " in the clear");
        } else {
            assertEquals(ContentType.APPLICATION_DATA.code(), type, "a protected alert");
            assertEquals(RecordHeader.HEADER_LENGTH + 2 + 1 + CipherSuiteSpec.TAG_LENGTH, record.remaining(),
                    "a protected record of one alert");
        }
    }

    /** Every record {@code c} has queued, one buffer each. */
    static List<ByteBuffer> drain(TlsConnection c) {
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        c.drainOutbound(wire);
        wire.flip();
        List<ByteBuffer> records = new ArrayList<>();
        while (wire.hasRemaining()) {
            int length = RecordHeader.peekRecordLength(wire);
            ByteBuffer record = wire.slice();
            record.limit(length);
            records.add(record);
            wire.position(wire.position() + length);
        }
        return records;
    }

    /** All records {@code c} has queued, concatenated. */
    static byte[] drainBytes(TlsConnection c) {
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        c.drainOutbound(wire);
        byte[] out = new byte[wire.position()];
        wire.flip().get(out);
        return out;
    }
}
