package dev.padlock.handshake;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.SupportedVersionsClientHello;
import dev.padlock.wire.TlsFailure;
import java.util.List;
import java.util.Optional;

/** Which protocol version a server answers a ClientHello with (RFC 8446 §4.2.1, RFC 5246 §E.1, RFC 7507). */
public final class VersionNegotiation {
    /** RFC 8446 §4.1.3: the last 8 bytes of the server random of a 1.3-capable server negotiating TLS 1.2. */
    public static final Bytes DOWNGRADE_TLS12 = Bytes.fromHex("444f574e47524401");
    /** RFC 8446 §4.1.3: the same, negotiating TLS 1.1 or below. */
    public static final Bytes DOWNGRADE_TLS11 = Bytes.fromHex("444f574e47524400");

    private VersionNegotiation() {
    }

    /**
     * TLS 1.3 when both sides enable it and share a TLS 1.3 suite; otherwise TLS 1.2 when both
     * enable it; otherwise {@code protocol_version}. A TLS_FALLBACK_SCSV from a client whose
     * highest version is below ours is {@code inappropriate_fallback} (RFC 7507 §3).
     */
    public static ProtocolVersion choose(HandshakeConfig config, ClientHello hello) {
        List<ProtocolVersion> offered = offered(hello);
        boolean tls13 = config.enables(ProtocolVersion.TLSV1_3) && offered.contains(ProtocolVersion.TLSV1_3);
        boolean tls12 = config.enables(ProtocolVersion.TLSV1_2) && offered.contains(ProtocolVersion.TLSV1_2);
        ProtocolVersion clientHighest = offered.stream().max((a, b) -> Integer.compare(a.code(), b.code()))
                .orElse(hello.legacyVersion());
        if (hello.cipherSuites().contains(CipherSuite.TLS_FALLBACK_SCSV)
                && config.highestVersion().code() > clientHighest.code()) {
            throw new TlsFailure(FailureReason.INAPPROPRIATE_FALLBACK, "the client's TLS_FALLBACK_SCSV says it fell "
                    + "back to " + clientHighest + " while this server supports " + config.highestVersion()
                    + " (RFC 7507)");
        }
        if (tls13 && (!tls12 || sharesSuite(config, hello, ProtocolVersion.TLSV1_3)
                || !sharesSuite(config, hello, ProtocolVersion.TLSV1_2))) {
            return ProtocolVersion.TLSV1_3;
        }
        if (tls12) {
            return ProtocolVersion.TLSV1_2;
        }
        throw new TlsFailure(FailureReason.NO_COMMON_PROTOCOL_VERSION, "no protocol version in common: the client "
                + "offered " + (offered.isEmpty() ? List.of(hello.legacyVersion()) : offered)
                + ", the server enables " + config.protocolVersions()
                + " (TLS 1.1 and older are not supported)");
    }

    /**
     * RFC 8446 §4.2.1: supported_versions when present, legacy_version otherwise; a legacy_version
     * above TLS 1.2 offers TLS 1.2 (RFC 5246 §E.1: the server answers with the highest it has).
     */
    static List<ProtocolVersion> offered(ClientHello hello) {
        Optional<SupportedVersionsClientHello> sv = hello.extension(SupportedVersionsClientHello.class);
        if (sv.isPresent()) {
            return sv.get().versions();
        }
        return hello.legacyVersion().code() >= ProtocolVersion.TLSV1_2.code()
                ? List.of(ProtocolVersion.TLSV1_2) : List.of();
    }

    private static boolean sharesSuite(HandshakeConfig config, ClientHello hello, ProtocolVersion version) {
        for (CipherSuiteSpec spec : config.suitesFor(version)) {
            if (hello.cipherSuites().contains(spec.suite())) {
                return true;
            }
        }
        return false;
    }
}
