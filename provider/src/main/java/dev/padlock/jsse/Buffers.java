package dev.padlock.jsse;

import java.nio.ByteBuffer;
import java.util.Objects;

/** Argument checks and sums over JSSE's buffer arrays. */
final class Buffers {
    private Buffers() {
    }

    static void check(ByteBuffer[] buffers, int offset, int length) {
        Objects.requireNonNull(buffers, "buffers");
        if (offset < 0 || length < 0 || offset > buffers.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array of "
                    + buffers.length);
        }
        for (int i = offset; i < offset + length; i++) {
            if (buffers[i] == null) {
                throw new IllegalArgumentException("buffer " + i + " is null");
            }
        }
    }

    static long remaining(ByteBuffer[] buffers, int offset, int length) {
        long sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += buffers[i].remaining();
        }
        return sum;
    }
}
