package dev.padlock.crypto;

import java.security.Security;
import java.util.Locale;

/**
 * Whether Padlock uses its own constant-time primitives where it has them (X25519, Ed25519,
 * P-256, ML-KEM-768), or the JCA for everything it can.
 *
 * <p>{@code padlock.crypto=jca}, as a system property or a security property (the system property
 * wins), switches the own primitives off; any other value, or none, leaves them on. It is read
 * once, when this class is first used, so it must be set before the first handshake. What the
 * JCA lacks (ML-KEM before JDK 24) stays Padlock's own even then, since the alternative is not
 * to have it at all; each primitive's class says what it does in that case.
 */
public final class OwnCrypto {
    /** The property's name, as README documents it. */
    public static final String PROPERTY = "padlock.crypto";

    private static final boolean ENABLED = !"jca".equals(read());

    private OwnCrypto() {
    }

    /** True unless {@code padlock.crypto=jca}. */
    public static boolean enabled() {
        return ENABLED;
    }

    private static String read() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            value = Security.getProperty(PROPERTY);
        }
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
