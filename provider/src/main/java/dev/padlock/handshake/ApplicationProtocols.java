package dev.padlock.handshake;

import dev.padlock.wire.AlpnExtension;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Server side of ALPN (RFC 7301 §3.2) with JSSE's protocol list or selector. */
public final class ApplicationProtocols {
    private ApplicationProtocols() {
    }

    /** The chosen protocol, or "" for none. */
    public static String select(HandshakeConfig config, ClientHello hello) {
        Optional<AlpnExtension> ext = hello.extension(AlpnExtension.class);
        if (ext.isEmpty()) {
            return "";
        }
        List<String> offered = new ArrayList<>();
        for (Bytes name : ext.get().protocolNames()) {
            offered.add(Negotiation.alpnString(name));
        }
        if (config.alpnSelector() != null) {
            String chosen = config.alpnSelector().apply(List.copyOf(offered));
            if (chosen == null || (!chosen.isEmpty() && !offered.contains(chosen))) {
                throw noOverlap(offered);
            }
            return chosen;
        }
        if (config.applicationProtocols().isEmpty()) {
            return "";
        }
        for (String ours : config.applicationProtocols()) {
            if (offered.contains(ours)) {
                return ours;
            }
        }
        throw noOverlap(offered);
    }

    private static TlsFailure noOverlap(List<String> offered) {
        return new TlsFailure(FailureReason.NO_APPLICATION_PROTOCOL,
                "no application protocol in common: the client offered " + offered);
    }
}
