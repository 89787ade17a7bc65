package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/** supported_groups: {@code NamedGroup named_group_list<2..2^16-1>} (RFC 8446 §4.2.7). */
public record SupportedGroupsExtension(List<NamedGroup> groups) implements Extension {

    public SupportedGroupsExtension {
        groups = List.copyOf(groups);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SUPPORTED_GROUPS;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16Prefixed(l -> groups.forEach(g -> g.write(l)));
    }

    static SupportedGroupsExtension decode(TlsReader body) {
        TlsReader list = body.sub16("named_group_list", 2, 0xFFFF);
        List<NamedGroup> groups = new ArrayList<>();
        while (list.hasRemaining()) {
            groups.add(NamedGroup.read(list, "named_group"));
        }
        body.expectEnd();
        return new SupportedGroupsExtension(groups);
    }
}
