package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Pattern;

/** Assertions on what a peer printed; a failure shows the peer's whole transcript. */
final class Transcripts {
    private Transcripts() {}

    static void assertPrinted(Peer peer, String expected) {
        if (!(peer.stdout().contains(expected) || peer.stderr().contains(expected))) {
            fail("expected the peer to print \"" + expected + "\"\n" + peer.transcript());
        }
    }

    static void assertContains(String haystack, String expected, Peer context) {
        if (!haystack.contains(expected)) {
            fail("expected \"" + expected + "\" in:\n" + haystack + "\n" + context.transcript());
        }
    }

    /** How many lines of the peer's stdout match {@code regex}. */
    static long count(Peer peer, String regex) {
        Pattern p = Pattern.compile(regex);
        return peer.stdout().lines().filter(l -> p.matcher(l).find()).count();
    }

    /** Polls the peer's stdout and stderr until {@code text} appears; fails after the peer timeout. */
    static void awaitPrinted(Peer peer, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Peer.TIMEOUT_SECONDS * 1_000_000_000L;
        while (!(peer.stdout().contains(text) || peer.stderr().contains(text))) {
            if (!peer.isAlive() || System.nanoTime() > deadline) {
                assertPrinted(peer, text);
                return;
            }
            Thread.sleep(20);
        }
    }
}
