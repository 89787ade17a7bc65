package dev.padlock.wire;

import java.util.Map;

/** A key exchange group (RFC 8446 §4.2.7). Open: unknown codes decode and re-encode unchanged. */
public record NamedGroup(int code) {
    public static final NamedGroup SECP256R1 = new NamedGroup(0x0017);
    public static final NamedGroup SECP384R1 = new NamedGroup(0x0018);
    public static final NamedGroup SECP521R1 = new NamedGroup(0x0019);
    public static final NamedGroup X25519 = new NamedGroup(0x001D);
    public static final NamedGroup X448 = new NamedGroup(0x001E);
    public static final NamedGroup FFDHE2048 = new NamedGroup(0x0100);
    public static final NamedGroup FFDHE3072 = new NamedGroup(0x0101);
    public static final NamedGroup FFDHE4096 = new NamedGroup(0x0102);
    public static final NamedGroup FFDHE6144 = new NamedGroup(0x0103);
    public static final NamedGroup FFDHE8192 = new NamedGroup(0x0104);
    /** ML-KEM-768 alone (draft-ietf-tls-mlkem); Padlock uses it only inside the hybrids. */
    public static final NamedGroup MLKEM768 = new NamedGroup(0x0201);
    public static final NamedGroup X25519MLKEM768 = new NamedGroup(0x11EC);
    public static final NamedGroup SECP256R1MLKEM768 = new NamedGroup(0x11EB);
    public static final NamedGroup SECP384R1MLKEM1024 = new NamedGroup(0x11ED);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0017, "secp256r1"),
            Map.entry(0x0018, "secp384r1"),
            Map.entry(0x0019, "secp521r1"),
            Map.entry(0x001D, "x25519"),
            Map.entry(0x001E, "x448"),
            Map.entry(0x0100, "ffdhe2048"),
            Map.entry(0x0101, "ffdhe3072"),
            Map.entry(0x0102, "ffdhe4096"),
            Map.entry(0x0103, "ffdhe6144"),
            Map.entry(0x0104, "ffdhe8192"),
            Map.entry(0x0201, "MLKEM768"),
            Map.entry(0x11EC, "X25519MLKEM768"),
            Map.entry(0x11EB, "SecP256r1MLKEM768"),
            Map.entry(0x11ED, "SecP384r1MLKEM1024"));

    public NamedGroup {
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("NamedGroup code out of range: " + code);
        }
    }

    /** The registry name, or {@code unknown(0x..)} for a code we do not know. */
    public String name() {
        String n = NAMES.get(code);
        return n != null ? n : String.format("unknown(0x%04x)", code);
    }

    public boolean isKnown() {
        return NAMES.containsKey(code);
    }

    public static NamedGroup read(TlsReader r, String field) {
        return new NamedGroup(r.u16(field));
    }

    public void write(TlsWriter w) {
        w.u16(code);
    }

    @Override
    public String toString() {
        return name();
    }
}
