package dev.padlock.handshake;

import dev.padlock.crypto.SignatureSchemes;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CertificateAuthoritiesExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.Extensions;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.TlsFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/** Small negotiation rules shared by client and server. */
public final class Negotiation {
    private Negotiation() {
    }

    /**
     * JSSE hands ALPN names around as Strings; SunJSSE maps them to bytes with ISO-8859-1 (its
     * default jdk.tls.alpnCharset), so any byte string survives the round trip.
     */
    public static Bytes alpnBytes(String protocol) {
        return Bytes.wrap(protocol.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static String alpnString(Bytes protocol) {
        return new String(protocol.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /** The schemes in {@code preferred} order that the peer also offered and we can use in CertificateVerify. */
    public static List<SignatureScheme> commonSchemes(List<SignatureScheme> preferred, List<SignatureScheme> other) {
        List<SignatureScheme> common = new ArrayList<>();
        for (SignatureScheme s : preferred) {
            if (other.contains(s) && SignatureSchemes.isAllowedInCertificateVerify(s)) {
                common.add(s);
            }
        }
        return common;
    }

    /** Both lists, in order, without repeats: what we accept anywhere (CertificateVerify or chain). */
    public static List<SignatureScheme> union(List<SignatureScheme> first, List<SignatureScheme> second) {
        List<SignatureScheme> all = new ArrayList<>(first);
        for (SignatureScheme s : second) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return all;
    }

    /**
     * RFC 8446 §4.2: a recognised extension in a message that may not carry it is
     * illegal_parameter; a response to an extension we never sent is unsupported_extension.
     */
    public static void checkResponseExtensions(List<Extension> extensions, HandshakeType where, boolean hrr,
            Set<Integer> offered) {
        for (Extension e : extensions) {
            int code = e.type().code();
            if (!Extensions.allowedIn(e.type(), where, hrr)) {
                throw new TlsFailure(e.type().isKnown() ? FailureReason.EXTENSION_NOT_ALLOWED
                        : FailureReason.UNKNOWN_EXTENSION_IN_RESPONSE,
                        e.type() + " is not allowed in " + (hrr ? "HelloRetryRequest" : where.name()));
            }
            if (!offered.contains(code) && !(hrr && code == ExtensionType.COOKIE.code())) {
                throw new TlsFailure(FailureReason.EXTENSION_NOT_OFFERED,
                        "the peer answered " + e.type() + ", which was not offered");
            }
        }
    }

    /**
     * RFC 8446 §4.2: a recognised extension in a message the table does not list it for is
     * illegal_parameter. For messages whose unrecognised extensions are ignored (§4.3.2, §4.6.1).
     */
    public static void checkAllowed(List<Extension> extensions, HandshakeType where) {
        for (Extension e : extensions) {
            if (!Extensions.allowedIn(e.type(), where, false)) {
                throw new TlsFailure(FailureReason.EXTENSION_NOT_ALLOWED,
                        e.type() + " is not allowed in " + where.name());
            }
        }
    }

    public static Set<Integer> typesOf(List<Extension> extensions) {
        Set<Integer> types = new HashSet<>();
        for (Extension e : extensions) {
            types.add(e.type().code());
        }
        return types;
    }

    /**
     * The most bytes of names certificate_authorities may carry. SunJSSE leaves the extension
     * out when its trust manager's names pass 2^16-1 bytes (it counts the names alone); the
     * vector is {@code DistinguishedName authorities<3..2^16-1>} (RFC 8446 §4.2.4) and shares
     * the u16 extensions block with the rest of the message, so Padlock counts each name's
     * length prefix and keeps room for the other extensions. A cacerts of 144 CAs takes 15 KB.
     */
    static final int MAX_AUTHORITIES_BYTES = 0xFFFF - 4096;

    /**
     * certificate_authorities naming {@code issuers} in their order, for a CertificateRequest or
     * a ClientHello; empty when there are none or too many to fit, as in SunJSSE: a partial list
     * would steer the peer's certificate choice wrongly. A name held twice (cacerts has such
     * CAs) is sent twice, as SunJSSE does.
     */
    public static Optional<CertificateAuthoritiesExtension> certificateAuthorities(List<X500Principal> issuers) {
        List<Bytes> names = new ArrayList<>();
        int size = 0;
        for (X500Principal issuer : issuers) {
            byte[] der = issuer.getEncoded();
            size += 2 + der.length;
            if (size > MAX_AUTHORITIES_BYTES) {
                return Optional.empty();
            }
            names.add(Bytes.wrap(der));
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(new CertificateAuthoritiesExtension(names));
    }

    public static List<X500Principal> authorities(List<Extension> extensions) {
        List<X500Principal> issuers = new ArrayList<>();
        for (Extension e : extensions) {
            if (e instanceof CertificateAuthoritiesExtension ca) {
                for (Bytes dn : ca.authorities()) {
                    try {
                        issuers.add(new X500Principal(dn.toByteArray()));
                    } catch (IllegalArgumentException bad) {
                        throw new TlsFailure(FailureReason.CERTIFICATE_AUTHORITIES_MALFORMED_NAME,
                                "certificate_authorities holds a malformed distinguished name", bad);
                    }
                }
            }
        }
        return issuers;
    }
}
