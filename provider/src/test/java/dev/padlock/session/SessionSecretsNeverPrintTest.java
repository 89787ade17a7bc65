package dev.padlock.session;

import static dev.padlock.testing.SecretText.assertHides;
import static dev.padlock.testing.SecretText.pattern;

import dev.padlock.crypto.PreSharedKey;
import dev.padlock.testing.TestPki;
import dev.padlock.testing.TestPki.KeyKind;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PSK of a session ticket (RFC 8446 §4.6.1), which the client keeps in its {@link ClientTicket}
 * and the server seals into a {@link ResumptionState}, shows in neither's text nor in its own.
 */
class SessionSecretsNeverPrintTest {
    private static final byte[] PSK = pattern(32, 21);

    private static PreSharedKey psk() {
        return PreSharedKey.copyOf(PSK, 0, PSK.length);
    }

    @Test
    void clientTicketHidesItsPsk() {
        ClientTicket ticket = new ClientTicket(Bytes.of((byte) 1, (byte) 2), CipherSuite.TLS_AES_128_GCM_SHA256,
                psk(), "h2", "example.com", List.of(), List.of(), 7, 3600, 1000);
        assertHides(PSK, ticket);
        assertHides(PSK, ticket.psk());
    }

    @Test
    void resumptionStateHidesItsPskBeforeSealingAndAfterOpening() throws Exception {
        X509Certificate cert = (X509Certificate) TestPki.keyStore(KeyKind.EC_P256).getCertificate(TestPki.ALIAS);
        ResumptionState state = new ResumptionState(CipherSuite.TLS_AES_128_GCM_SHA256, psk(), "h2",
                "example.com", List.of(cert), List.of(), 1_700_000_000_000L, 5, 3600);
        assertHides(PSK, state);
        assertHides(PSK, state.psk());
        ResumptionState opened = ResumptionState.decode(state.encode()).orElseThrow();
        assertHides(PSK, opened);
        assertHides(PSK, opened.psk());
    }
}
