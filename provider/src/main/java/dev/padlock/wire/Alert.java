package dev.padlock.wire;

import java.util.Objects;

/** An alert message (RFC 8446 §6): a level and a description. */
public record Alert(AlertLevel level, AlertDescription description) {

    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads one alert and requires the reader to end there: alerts are neither fragmented nor
     * coalesced (RFC 8446 §5.1).
     */
    public static Alert decode(TlsReader r) {
        AlertLevel level = AlertLevel.read(r, "level");
        AlertDescription description = AlertDescription.read(r, "description");
        r.expectEnd();
        return new Alert(level, description);
    }

    public Bytes encode() {
        TlsWriter w = new TlsWriter(2);
        w.u8(level.code());
        description.write(w);
        return w.toBytes();
    }
}
