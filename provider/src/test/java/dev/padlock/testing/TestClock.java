package dev.padlock.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock tests move by hand: set to an instant, advanced by a duration. Always UTC.
 * Engines and session caches read it from other threads, hence the volatile field.
 */
public final class TestClock extends Clock {
    /** Where a clock starts unless told otherwise. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    public TestClock() {
        this(START);
    }

    public TestClock(Instant start) {
        this.now = start;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
