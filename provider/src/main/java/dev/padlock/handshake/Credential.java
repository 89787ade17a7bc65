package dev.padlock.handshake;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A certificate chain (end entity first) and the private key of its end entity certificate. */
public record Credential(List<X509Certificate> chain, PrivateKey privateKey) {
    public Credential {
        chain = List.copyOf(chain);
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least one certificate");
        }
    }

    public X509Certificate endEntity() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "Credential(" + endEntity().getSubjectX500Principal() + ", " + privateKey.getAlgorithm() + ")";
    }
}
