package dev.padlock.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateAuthoritiesExtension;
import dev.padlock.wire.Extension;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** {@link Negotiation#certificateAuthorities}: what certificate_authorities carries, and when it is left out. */
class CertificateAuthoritiesTest {
    private static final X500Principal CA = new X500Principal("CN=Padlock Test CA");
    private static final X500Principal OTHER = new X500Principal("CN=localhost, O=Elsewhere");

    @Test
    void namesEachIssuerInDerAndReadsBackTheSame() {
        CertificateAuthoritiesExtension ext = Negotiation.certificateAuthorities(List.of(CA, OTHER)).orElseThrow();
        assertEquals(List.of(Bytes.wrap(CA.getEncoded()), Bytes.wrap(OTHER.getEncoded())), ext.authorities());
        assertEquals(List.of(CA, OTHER), Negotiation.authorities(List.<Extension>of(ext)));
    }

    @Test
    void noIssuersNoExtension() {
        assertTrue(Negotiation.certificateAuthorities(List.of()).isEmpty());
    }

    /** As SunJSSE: a list that does not fit is left out whole, never cut. */
    @Test
    void tooManyIssuersNoExtension() {
        List<X500Principal> fits = new ArrayList<>();
        int size = 0;
        for (int i = 0; ; i++) {
            X500Principal next = new X500Principal("CN=" + i + "a".repeat(900));
            int more = 2 + next.getEncoded().length;
            if (size + more > Negotiation.MAX_AUTHORITIES_BYTES) {
                break;
            }
            fits.add(next);
            size += more;
        }
        assertEquals(fits.size(), Negotiation.certificateAuthorities(fits).orElseThrow().authorities().size());
        List<X500Principal> over = new ArrayList<>(fits);
        over.add(new X500Principal("CN=" + "c".repeat(Negotiation.MAX_AUTHORITIES_BYTES - size)));
        assertTrue(Negotiation.certificateAuthorities(over).isEmpty());
    }
}
