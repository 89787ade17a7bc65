package dev.padlock.handshake;

/** Whether a server asks for a client certificate (JSSE's want/need client auth). */
public enum ClientAuth {
    NONE,
    /** Send CertificateRequest; continue if the client sends no certificate. */
    WANTED,
    /** Send CertificateRequest; fail with certificate_required if the client sends none. */
    REQUIRED
}
