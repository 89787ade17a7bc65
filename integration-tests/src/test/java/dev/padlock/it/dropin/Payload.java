package dev.padlock.it.dropin;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Child-JVM side: the body servers send for {@code /big}, large enough to span hundreds of
 * TLS records (and many HTTP/2 DATA frames and flow-control windows), made independently by
 * server and client from the same seed.
 */
final class Payload {
    static final String PATH = "/big";
    static final int SIZE = 4 << 20;

    private Payload() {}

    static byte[] big() {
        byte[] bytes = new byte[SIZE];
        new SplittableRandom(8448).nextBytes(bytes);
        return bytes;
    }

    /** Prints what the client got for {@code /big}: its length, and whether it is the payload. */
    static void check(byte[] received) {
        Facts.print("client.big.bytes", received.length);
        Facts.print("client.big.matches", Arrays.equals(big(), received));
    }
}
