package dev.padlock.jsse;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Key managers around SunJSSE's that show what a handshake does with certificate_authorities:
 * one records the issuers each alias choice is asked with, one drops them.
 */
final class IssuerKeyManagers {
    private IssuerKeyManagers() {
    }

    /** Chooses as {@code managers[0]} would without any issuer list. */
    static X509ExtendedKeyManager ignoringIssuers(KeyManager[] managers) {
        return new DelegatingKeyManager(managers) {
            @Override
            Principal[] issuers(Principal[] issuers) {
                return null;
            }
        };
    }

    /** Chooses as {@code managers[0]}, recording the issuers of every choice (null: none given). */
    static Recording recording(KeyManager[] managers) {
        return new Recording(managers);
    }

    /** The issuers of every chooseXxxAlias call, in call order; a null entry is a call without issuers. */
    static final class Recording extends DelegatingKeyManager {
        final List<Principal[]> asked = Collections.synchronizedList(new ArrayList<>());

        private Recording(KeyManager[] managers) {
            super(managers);
        }

        @Override
        Principal[] issuers(Principal[] issuers) {
            asked.add(issuers == null ? null : issuers.clone());
            return issuers;
        }
    }
}
