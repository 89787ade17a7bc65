package dev.padlock.handshake;

import dev.padlock.crypto.KeyExchanges;
import dev.padlock.wire.EcPointFormatsExtension;
import dev.padlock.wire.ExtendedMasterSecretExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.RenegotiationInfoExtension;
import dev.padlock.wire.SignatureScheme;
import java.util.ArrayList;
import java.util.List;

/** What a ClientHello carries so that a TLS 1.2 server can answer it, and the TLS 1.2 readings of the config. */
public final class Tls12Offer {
    /** RFC 5246 §7.4.1.4.1: TLS 1.2 may sign with PKCS#1 v1.5, which TLS 1.3 keeps to certificates. */
    private static final List<SignatureScheme> PKCS1_SHA2 = List.of(SignatureScheme.RSA_PKCS1_SHA256,
            SignatureScheme.RSA_PKCS1_SHA384, SignatureScheme.RSA_PKCS1_SHA512);

    private Tls12Offer() {
    }

    /**
     * ec_point_formats [uncompressed] (RFC 8422 §5.1.2), extended_master_secret (RFC 7627 §5.1)
     * and an empty renegotiation_info (RFC 5746 §3.4: the extension or the SCSV; Padlock sends the
     * extension, as OpenSSL does).
     */
    public static List<Extension> clientHelloExtensions() {
        return List.of(EcPointFormatsExtension.UNCOMPRESSED_ONLY, new ExtendedMasterSecretExtension(),
                RenegotiationInfoExtension.INITIAL);
    }

    /**
     * The schemes for ServerKeyExchange and CertificateVerify: the configured ones, then the
     * PKCS#1 v1.5 SHA-2 schemes among those the configuration accepts in certificates.
     */
    public static List<SignatureScheme> signatureSchemes(HandshakeConfig config) {
        List<SignatureScheme> schemes = new ArrayList<>(config.signatureSchemes());
        for (SignatureScheme s : PKCS1_SHA2) {
            if (!schemes.contains(s) && config.signatureSchemesCert().contains(s)) {
                schemes.add(s);
            }
        }
        return schemes;
    }

    /**
     * RFC 8422 §5.1.1 and RFC 8446 §4.2.7: the groups TLS 1.2 ECDHE can use are the elliptic
     * curves; finite field groups would mean DHE suites, and the hybrid KEMs are TLS 1.3 only.
     */
    public static boolean isEcdheGroup(NamedGroup group) {
        return KeyExchanges.supports(group) && group.code() < 0x0100;
    }

    /** The configured groups TLS 1.2 can use, in preference order. */
    public static List<NamedGroup> ecdheGroups(HandshakeConfig config) {
        return config.namedGroups().stream().filter(Tls12Offer::isEcdheGroup).toList();
    }
}
