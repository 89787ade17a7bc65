package dev.padlock.crypto;

/** resumption_master_secret (RFC 8446 §7.1), from which each ticket's PSK is derived. */
public final class ResumptionMasterSecret {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    ResumptionMasterSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** RFC 8446 §4.6.1: HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length). */
    public byte[] psk(byte[] ticketNonce) {
        return Hkdf.of(suite).expandLabel(secret.bytes(), "resumption", ticketNonce, suite.hashLength());
    }

    public void destroy() {
        secret.destroy();
    }

    @Override
    public String toString() {
        return "ResumptionMasterSecret(" + suite.suite() + ")";
    }
}
