package dev.padlock.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TlsFailureTest {

    @Test
    void everyReasonOfOursNamesAnAlert() {
        for (FailureReason reason : FailureReason.values()) {
            if (reason != FailureReason.PEER_ALERT) {
                assertNotNull(new TlsFailure(reason, "detail").alert(), reason::name);
            }
        }
    }

    @Test
    void peerAlertReportsTheDescriptionReceived() {
        TlsFailure f = TlsFailure.fromPeer(AlertDescription.BAD_CERTIFICATE, "Received fatal alert: bad_certificate");
        assertEquals(FailureReason.PEER_ALERT, f.reason());
        assertEquals(AlertDescription.BAD_CERTIFICATE, f.alert());
        assertEquals("Received fatal alert: bad_certificate", f.detail());
    }

    @Test
    void peerAlertIsBuiltOnlyWithTheDescriptionReceived() {
        assertThrows(IllegalArgumentException.class, () -> new TlsFailure(FailureReason.PEER_ALERT, "no description"));
    }

    @Test
    void readerFailuresAreDecodeErrors() {
        TlsFailure f = TlsReader.of(Bytes.EMPTY, "Test").fail("field", "problem");
        assertEquals(FailureReason.DECODE, f.reason());
        assertEquals(AlertDescription.DECODE_ERROR, f.alert());
        assertEquals("Test.field: problem", f.detail());
    }
}
