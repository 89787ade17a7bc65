package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.regex.Matcher;
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

    /** The first group of {@code regex}'s first match in the peer's stdout. */
    static String find(Peer peer, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(peer.stdout());
        if (!m.find()) {
            fail("expected the peer's stdout to match /" + regex + "/\n" + peer.transcript());
        }
        return m.group(1);
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
