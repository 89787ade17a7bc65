package dev.padlock.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;

/** Checks that an object's text does not show secret bytes in any usual rendering. */
public final class SecretText {
    private SecretText() {
    }

    /** Distinct, non-zero bytes, so that no innocent text contains their rendering by chance. */
    public static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + 37 * i + 11);
        }
        return b;
    }

    /**
     * Fails if {@code String.valueOf(holder)} shows {@code secret}, or its first 8 bytes, as hex
     * (lower or upper case, plain or delimited) or as a decimal array.
     */
    public static void assertHides(byte[] secret, Object holder) {
        String text = String.valueOf(holder);
        for (byte[] b : new byte[][] {secret, Arrays.copyOf(secret, 8)}) {
            String hex = HexFormat.of().formatHex(b);
            String decimal = Arrays.toString(b);
            for (String form : new String[] {hex, hex.toUpperCase(), HexFormat.ofDelimiter(" ").formatHex(b),
                    HexFormat.ofDelimiter(":").withUpperCase().formatHex(b), decimal,
                    decimal.substring(1, decimal.length() - 1)}) {
                assertFalse(text.contains(form), () -> holder.getClass().getSimpleName() + " shows its secret: "
                        + text);
            }
        }
    }
}
