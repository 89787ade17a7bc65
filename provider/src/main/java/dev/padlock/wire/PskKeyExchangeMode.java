package dev.padlock.wire;

/** A {@code PskKeyExchangeMode} (RFC 8446 §4.2.9). Open: unknown codes decode and re-encode unchanged. */
public record PskKeyExchangeMode(int code) {
    public static final PskKeyExchangeMode PSK_KE = new PskKeyExchangeMode(0);
    public static final PskKeyExchangeMode PSK_DHE_KE = new PskKeyExchangeMode(1);

    public PskKeyExchangeMode {
        if (code < 0 || code > 0xFF) {
            throw new IllegalArgumentException("PskKeyExchangeMode code out of range: " + code);
        }
    }

    @Override
    public String toString() {
        return switch (code) {
            case 0 -> "psk_ke";
            case 1 -> "psk_dhe_ke";
            default -> "unknown(" + code + ")";
        };
    }
}
