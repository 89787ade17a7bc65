package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * pre_shared_key in a ClientHello: {@code OfferedPsks} (RFC 8446 §4.2.11), with
 * {@code identities<7..2^16-1>} and {@code binders<33..2^16-1>} of {@code PskBinderEntry<32..255>}.
 * That there are as many binders as identities is the handshake's check (illegal_parameter).
 */
public record PreSharedKeyClientHello(List<PskIdentity> identities, List<Bytes> binders) implements Extension {

    public PreSharedKeyClientHello {
        identities = List.copyOf(identities);
        binders = List.copyOf(binders);
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PRE_SHARED_KEY;
    }

    @Override
    public void encodeBody(TlsWriter w) {
        w.u16Prefixed(l -> identities.forEach(i -> i.write(l)));
        w.u16Prefixed(l -> binders.forEach(l::vector8));
    }

    /** The bytes the binders vector takes at the end of this extension, its u16 length included. */
    public int bindersLength() {
        int n = 2;
        for (Bytes b : binders) {
            n += 1 + b.length();
        }
        return n;
    }

    static PreSharedKeyClientHello decode(TlsReader body) {
        TlsReader ids = body.sub16("identities", 7, 0xFFFF);
        List<PskIdentity> identities = new ArrayList<>();
        while (ids.hasRemaining()) {
            identities.add(PskIdentity.read(ids));
        }
        TlsReader bs = body.sub16("binders", 33, 0xFFFF);
        List<Bytes> binders = new ArrayList<>();
        while (bs.hasRemaining()) {
            binders.add(bs.vector8("binder", 32, 255));
        }
        body.expectEnd();
        return new PreSharedKeyClientHello(identities, binders);
    }
}
