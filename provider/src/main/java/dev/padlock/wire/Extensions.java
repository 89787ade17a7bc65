package dev.padlock.wire;

import static dev.padlock.wire.ExtensionType.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code Extension extensions<..>} vector of each message, and the RFC 8446 §4.2 table. */
public final class Extensions {

    /** The columns of the RFC 8446 §4.2 table; CT is a CertificateEntry. */
    private enum Where { CH, SH, HRR, EE, CT, CR, NST }

    @FunctionalInterface
    private interface BodyDecoder {
        Extension decode(TlsReader body, Where where);
    }

    private static final Map<ExtensionType, Set<Where>> TABLE = Map.ofEntries(
            Map.entry(SERVER_NAME, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(MAX_FRAGMENT_LENGTH, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(STATUS_REQUEST, EnumSet.of(Where.CH, Where.CR, Where.CT)),
            Map.entry(SUPPORTED_GROUPS, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(SIGNATURE_ALGORITHMS, EnumSet.of(Where.CH, Where.CR)),
            Map.entry(USE_SRTP, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(HEARTBEAT, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(APPLICATION_LAYER_PROTOCOL_NEGOTIATION, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(SIGNED_CERTIFICATE_TIMESTAMP, EnumSet.of(Where.CH, Where.CR, Where.CT)),
            Map.entry(CLIENT_CERTIFICATE_TYPE, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(SERVER_CERTIFICATE_TYPE, EnumSet.of(Where.CH, Where.EE)),
            Map.entry(PADDING, EnumSet.of(Where.CH)),
            Map.entry(KEY_SHARE, EnumSet.of(Where.CH, Where.SH, Where.HRR)),
            Map.entry(PRE_SHARED_KEY, EnumSet.of(Where.CH, Where.SH)),
            Map.entry(PSK_KEY_EXCHANGE_MODES, EnumSet.of(Where.CH)),
            Map.entry(EARLY_DATA, EnumSet.of(Where.CH, Where.EE, Where.NST)),
            Map.entry(COOKIE, EnumSet.of(Where.CH, Where.HRR)),
            Map.entry(SUPPORTED_VERSIONS, EnumSet.of(Where.CH, Where.SH, Where.HRR)),
            Map.entry(CERTIFICATE_AUTHORITIES, EnumSet.of(Where.CH, Where.CR)),
            Map.entry(OID_FILTERS, EnumSet.of(Where.CR)),
            Map.entry(POST_HANDSHAKE_AUTH, EnumSet.of(Where.CH)),
            Map.entry(SIGNATURE_ALGORITHMS_CERT, EnumSet.of(Where.CH, Where.CR)),
            // RFC 8449 §5 (IANA): record_size_limit is "CH, EE" in TLS 1.3.
            Map.entry(RECORD_SIZE_LIMIT, EnumSet.of(Where.CH, Where.EE)));

    private static final Map<ExtensionType, BodyDecoder> DECODERS = Map.ofEntries(
            Map.entry(SERVER_NAME, (b, w) -> w == Where.CH
                    ? ServerNameExtension.decodeClientHello(b)
                    : ServerNameExtension.decodeEncryptedExtensions(b)),
            Map.entry(SUPPORTED_GROUPS, (b, w) -> SupportedGroupsExtension.decode(b)),
            Map.entry(SIGNATURE_ALGORITHMS, (b, w) -> SignatureAlgorithmsExtension.decode(b)),
            Map.entry(SIGNATURE_ALGORITHMS_CERT, (b, w) -> SignatureAlgorithmsCertExtension.decode(b)),
            Map.entry(SUPPORTED_VERSIONS, (b, w) -> w == Where.CH
                    ? SupportedVersionsClientHello.decode(b)
                    : SupportedVersionsServerHello.decode(b)),
            Map.entry(KEY_SHARE, (b, w) -> switch (w) {
                case CH -> KeyShareClientHello.decode(b);
                case HRR -> KeyShareHelloRetryRequest.decode(b);
                default -> KeyShareServerHello.decode(b);
            }),
            Map.entry(PSK_KEY_EXCHANGE_MODES, (b, w) -> PskKeyExchangeModesExtension.decode(b)),
            Map.entry(PRE_SHARED_KEY, (b, w) -> w == Where.CH
                    ? PreSharedKeyClientHello.decode(b)
                    : PreSharedKeyServerHello.decode(b)),
            Map.entry(EARLY_DATA, (b, w) -> w == Where.NST
                    ? EarlyDataNewSessionTicket.decode(b)
                    : EarlyDataExtension.decode(b)),
            Map.entry(COOKIE, (b, w) -> CookieExtension.decode(b)),
            Map.entry(APPLICATION_LAYER_PROTOCOL_NEGOTIATION, (b, w) -> AlpnExtension.decode(b)),
            Map.entry(CERTIFICATE_AUTHORITIES, (b, w) -> CertificateAuthoritiesExtension.decode(b)),
            Map.entry(RECORD_SIZE_LIMIT, (b, w) -> RecordSizeLimitExtension.decode(b)),
            Map.entry(STATUS_REQUEST, (b, w) -> StatusRequestExtension.decode(b)),
            Map.entry(PADDING, (b, w) -> PaddingExtension.decode(b)));

    /**
     * TLS 1.2 extensions, outside the RFC 8446 §4.2 table (so {@link #allowedIn} leaves them to the
     * handshake) and parsed in the two hellos only: RFC 7627, RFC 5746, RFC 5077, RFC 8422.
     */
    private static final Map<ExtensionType, BodyDecoder> TLS12_HELLO_DECODERS = Map.ofEntries(
            Map.entry(EXTENDED_MASTER_SECRET, (b, w) -> ExtendedMasterSecretExtension.decode(b)),
            Map.entry(RENEGOTIATION_INFO, (b, w) -> RenegotiationInfoExtension.decode(b)),
            Map.entry(SESSION_TICKET, (b, w) -> SessionTicketExtension.decode(b)),
            Map.entry(EC_POINT_FORMATS, (b, w) -> EcPointFormatsExtension.decode(b)));

    private Extensions() {
    }

    /**
     * Whether RFC 8446 §4.2 (and RFC 8449 for record_size_limit) lets {@code type} appear in
     * {@code where} ({@code helloRetryRequest} selects the HRR column for a ServerHello; a
     * CertificateEntry is {@link HandshakeType#CERTIFICATE}). A recognized extension where this is
     * false calls for {@code illegal_parameter}. Types outside the table give {@code true}: whether
     * the peer may send them at all (solicited or not: {@code unsupported_extension}) is the
     * handshake's decision. Messages that carry no extensions give {@code false}.
     */
    public static boolean allowedIn(ExtensionType type, HandshakeType where, boolean helloRetryRequest) {
        Where w = where(where, helloRetryRequest);
        if (w == null) {
            return false;
        }
        Set<Where> allowed = TABLE.get(type);
        return allowed == null || allowed.contains(w);
    }

    private static Where where(HandshakeType t, boolean hrr) {
        if (t.equals(HandshakeType.CLIENT_HELLO)) {
            return Where.CH;
        } else if (t.equals(HandshakeType.SERVER_HELLO)) {
            return hrr ? Where.HRR : Where.SH;
        } else if (t.equals(HandshakeType.ENCRYPTED_EXTENSIONS)) {
            return Where.EE;
        } else if (t.equals(HandshakeType.CERTIFICATE)) {
            return Where.CT;
        } else if (t.equals(HandshakeType.CERTIFICATE_REQUEST)) {
            return Where.CR;
        } else if (t.equals(HandshakeType.NEW_SESSION_TICKET)) {
            return Where.NST;
        }
        return null;
    }

    /**
     * Reads the u16-prefixed extensions vector of the message {@code where}, with that message's
     * bounds (RFC 8446 §4.1.2, §4.1.3, §4.3.2, §4.6.1), and returns the extensions in wire order.
     * Known types in a place the table allows are parsed into their records; everything else
     * becomes {@link UnknownExtension}. A repeated type is {@code decode_error} (§4.2); in a
     * ClientHello, pre_shared_key anywhere but last is {@code illegal_parameter} (§4.2.11).
     */
    public static List<Extension> decodeList(TlsReader r, HandshakeType where, boolean helloRetryRequest) {
        Where w = where(where, helloRetryRequest);
        if (w == null) {
            throw new IllegalArgumentException(where + " carries no extensions");
        }
        TlsReader list = r.sub16("extensions", minimumLength(w), w == Where.NST ? 0xFFFE : 0xFFFF);
        List<Extension> out = new ArrayList<>();
        Set<ExtensionType> seen = new HashSet<>();
        while (list.hasRemaining()) {
            ExtensionType type = ExtensionType.read(list, "extension_type");
            TlsReader body = list.sub16(type.name(), 0, 0xFFFF);
            if (!seen.add(type)) {
                throw list.fail(type.name(), "duplicate extension");
            }
            out.add(decodeBody(type, body, w));
        }
        if (w == Where.CH) {
            checkPreSharedKeyLast(list, out);
        }
        return out;
    }

    private static int minimumLength(Where w) {
        return switch (w) {
            case CH -> 8;
            // A TLS 1.2 ServerHello may carry only extended_master_secret, 4 bytes (RFC 5246
            // §7.4.1.3); a TLS 1.3 one without supported_versions fails as a version matter.
            case SH -> 0;
            case HRR -> 6;
            case CR -> 2;
            default -> 0;
        };
    }

    private static Extension decodeBody(ExtensionType type, TlsReader body, Where w) {
        BodyDecoder tls12 = TLS12_HELLO_DECODERS.get(type);
        if (tls12 != null && (w == Where.CH || w == Where.SH)) {
            return tls12.decode(body, w);
        }
        if (w == Where.SH && type.equals(APPLICATION_LAYER_PROTOCOL_NEGOTIATION)) {
            // RFC 7301 §3.1: a TLS 1.2 server answers ALPN in its ServerHello (TLS 1.3 rejects it there).
            return AlpnExtension.decode(body);
        }
        if (w == Where.SH && type.equals(SERVER_NAME)) {
            // RFC 6066 §3: a TLS 1.2 server acknowledges SNI with an empty server_name in ServerHello.
            return ServerNameExtension.decodeEncryptedExtensions(body);
        }
        BodyDecoder d = DECODERS.get(type);
        if (d == null || !TABLE.get(type).contains(w)) {
            return new UnknownExtension(type, body.rest());
        }
        return d.decode(body, w);
    }

    private static void checkPreSharedKeyLast(TlsReader list, List<Extension> exts) {
        for (int i = 0; i < exts.size() - 1; i++) {
            if (exts.get(i).type().equals(PRE_SHARED_KEY)) {
                throw new TlsFailure(FailureReason.PRE_SHARED_KEY_NOT_LAST,
                        list.context() + ": pre_shared_key is not the last extension (RFC 8446 §4.2.11)");
            }
        }
    }

    /** Writes the u16-prefixed extensions vector. */
    public static void encodeList(TlsWriter w, List<Extension> extensions) {
        w.u16Prefixed(l -> {
            for (Extension e : extensions) {
                e.type().write(l);
                l.u16Prefixed(e::encodeBody);
            }
        });
    }

    /** The first extension of class {@code cls} in {@code extensions}. */
    public static <T extends Extension> Optional<T> find(List<Extension> extensions, Class<T> cls) {
        for (Extension e : extensions) {
            if (cls.isInstance(e)) {
                return Optional.of(cls.cast(e));
            }
        }
        return Optional.empty();
    }
}
