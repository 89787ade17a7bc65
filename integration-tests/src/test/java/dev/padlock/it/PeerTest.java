package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The interop suite must fail, never skip, when a peer program is missing. */
class PeerTest {
    @Test
    void aMissingPeerFailsWithTheInstallCommand() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Peer.require("padlock-no-such-peer"));
        assertTrue(e.getMessage().startsWith("peer program 'padlock-no-such-peer' is not on the PATH"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Run .ci/run, or install the peers with: "
                + "apt-get install -y openssl gnutls-bin curl"), e.getMessage());
    }
}
