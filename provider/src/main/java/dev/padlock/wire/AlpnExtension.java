package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * application_layer_protocol_negotiation (RFC 7301 §3.1):
 * {@code ProtocolName protocol_name_list<2..2^16-1>}, {@code ProtocolName<1..2^8-1>}.
 * That a server's list holds exactly one name is the handshake's check.
 */
public record AlpnExtension(List<Bytes> protocolNames) implements Extension {

    public AlpnExtension {
        protocolNames = List.copyOf(protocolNames);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.APPLICATION_LAYER_PROTOCOL_NEGOTIATION;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16Prefixed(l -> protocolNames.forEach(l::vector8));
    }

    static AlpnExtension decode(TlsReader body) {
        TlsReader list = body.sub16("protocol_name_list", 2, 0xFFFF);
        List<Bytes> names = new ArrayList<>();
        while (list.hasRemaining()) {
            names.add(list.vector8("protocol_name", 1, 255));
        }
        body.expectEnd();
        return new AlpnExtension(names);
    }
}
