package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * server_name (RFC 6066 §3). A client sends {@code ServerNameList server_name_list<1..2^16-1>};
 * a server that used the name answers in EncryptedExtensions with an empty body, which is
 * {@link #EMPTY} (no names). An empty list is never encoded as {@code 00 00}.
 */
public record ServerNameExtension(List<ServerName> names) implements Extension {
    public static final ServerNameExtension EMPTY = new ServerNameExtension(List.of());

    public ServerNameExtension {
        names = List.copyOf(names);
    }

    public static ServerNameExtension hostName(String host) {
        return new ServerNameExtension(List.of(ServerName.hostName(host)));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SERVER_NAME;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        if (!names.isEmpty()) {
            w.u16Prefixed(l -> names.forEach(n -> n.write(l)));
        }
    }

    static ServerNameExtension decodeClientHello(TlsReader body) {
        TlsReader list = body.sub16("server_name_list", 1, 0xFFFF);
        List<ServerName> names = new ArrayList<>();
        while (list.hasRemaining()) {
            names.add(ServerName.read(list));
        }
        body.expectEnd();
        return new ServerNameExtension(names);
    }

    static ServerNameExtension decodeEncryptedExtensions(TlsReader body) {
        body.expectEnd();
        return EMPTY;
    }
}
