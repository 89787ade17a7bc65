package dev.padlock.crypto;

import javax.security.auth.Destroyable;

/** resumption_master_secret (RFC 8446 §7.1), from which each ticket's PSK is derived. */
public final class ResumptionMasterSecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    ResumptionMasterSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** RFC 8446 §4.6.1: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). */
    public PreSharedKey psk(byte[] ticketNonce) {
        return new PreSharedKey(secret.apply(
                s -> Hkdf.of(suite).expandLabel(s, "resumption", ticketNonce, suite.hashLength())));
    }

    /** Zeroes the secret; nothing can be derived from it afterwards. */
    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    @Override
    public String toString() {
        return "ResumptionMasterSecret(" + suite.suite() + ")";
    }
}
