package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/** psk_key_exchange_modes: {@code PskKeyExchangeMode ke_modes<1..255>} (RFC 8446 §4.2.9). */
public record PskKeyExchangeModesExtension(List<PskKeyExchangeMode> modes) implements Extension {

    public PskKeyExchangeModesExtension {
        modes = List.copyOf(modes);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PSK_KEY_EXCHANGE_MODES;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u8Prefixed(l -> modes.forEach(m -> l.u8(m.code())));
    }

    static PskKeyExchangeModesExtension decode(TlsReader body) {
        TlsReader list = body.sub8("ke_modes", 1, 255);
        List<PskKeyExchangeMode> modes = new ArrayList<>();
        while (list.hasRemaining()) {
            modes.add(new PskKeyExchangeMode(list.u8("ke_mode")));
        }
        body.expectEnd();
        return new PskKeyExchangeModesExtension(modes);
    }
}
