package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.handshake.Credential;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;

/** TLS 1.2 signatures: which schemes a suite and key allow, and picking one (RFC 5246 §7.4.1.4.1, RFC 8422 §5.3). */
final class Signing {
    private Signing() {
    }

    /** RFC 8422 §5.3: ECDHE_ECDSA needs an ECDSA key, ECDHE_RSA an RSA one. */
    static boolean fitsSuite(CipherSuiteSpec suite, Key key) {
        return switch (suite.authentication()) {
            case ECDSA -> key instanceof ECKey;
            case RSA -> key instanceof RSAKey;
            case ANY -> true;
        };
    }

    /** RFC 8422 §5.3, RFC 5246 §7.4.2: an ECDHE_ECDSA suite signs with ECDSA, an ECDHE_RSA one with RSA. */
    static boolean schemeFitsSuite(SignatureScheme scheme, CipherSuiteSpec suite) {
        return SignatureSchemes.jca(scheme).map(j -> switch (suite.authentication()) {
            case ECDSA -> j.keyKind() == SignatureSchemes.KeyKind.EC;
            case RSA -> j.keyKind() == SignatureSchemes.KeyKind.RSA || j.keyKind() == SignatureSchemes.KeyKind.RSASSA_PSS;
            case ANY -> true;
        }).orElse(false);
    }

    /** The schemes in {@code ours} order that the peer accepts and TLS 1.2 allows. */
    static List<SignatureScheme> common(List<SignatureScheme> ours, List<SignatureScheme> peer) {
        List<SignatureScheme> common = new ArrayList<>();
        for (SignatureScheme s : ours) {
            if (peer.contains(s) && SignatureSchemes.isAllowedInTls12(s)) {
                common.add(s);
            }
        }
        return common;
    }

    /** The first of {@code schemes} our key can make. */
    static SignatureScheme choose(Credential credential, List<SignatureScheme> schemes) {
        return schemes.stream().filter(s -> SignatureSchemes.canSignTls12(s, credential.privateKey())).findFirst()
                .orElseThrow(() -> new TlsFailure(FailureReason.NO_SIGNATURE_SCHEME_FOR_KEY,
                        "our " + credential.privateKey().getAlgorithm() + " key can make none of the signature "
                        + "schemes the peer accepts: " + schemes));
    }
}
