package dev.padlock.handshake;

import dev.padlock.wire.SignatureScheme;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Chooses the local certificate chain and private key, on behalf of the handshake.
 *
 * <p>The JSSE adapter implements this over an {@code X509ExtendedKeyManager}, binding the
 * engine or socket the key manager expects; the handshake never sees either.
 */
public interface Credentials {

    /**
     * The server's credential for a ClientHello.
     *
     * @param schemes the signature schemes both sides accept, in the order to prefer them
     * @param issuers the client's certificate_authorities, empty when it sent none
     */
    Optional<Credential> chooseServerCredential(List<SignatureScheme> schemes, List<X500Principal> issuers);

    /**
     * The client's credential for a CertificateRequest; empty sends an empty Certificate.
     *
     * @param schemes the signature schemes both sides accept, in the order to prefer them
     * @param issuers the server's certificate_authorities, empty when it sent none
     */
    Optional<Credential> chooseClientCredential(List<SignatureScheme> schemes, List<X500Principal> issuers);

    /** No certificates at all: a client that never authenticates, or a server that cannot serve. */
    Credentials NONE = new Credentials() {
        @Override
        public Optional<Credential> chooseServerCredential(List<SignatureScheme> s, List<X500Principal> i) {
            return Optional.empty();
        }

        @Override
        public Optional<Credential> chooseClientCredential(List<SignatureScheme> s, List<X500Principal> i) {
            return Optional.empty();
        }
    };
}
