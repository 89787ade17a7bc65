package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.KeyExchanges;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.Negotiation;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.EarlyDataExtension;
import dev.padlock.wire.Extension;
import dev.padlock.wire.ExtensionType;
import dev.padlock.wire.Extensions;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.KeyShareClientHello;
import dev.padlock.wire.KeyShareEntry;
import dev.padlock.wire.KeyShareHelloRetryRequest;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.ProtocolVersion;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.ServerHello;
import dev.padlock.wire.SignatureAlgorithmsExtension;
import dev.padlock.wire.SignatureScheme;
import dev.padlock.wire.SupportedGroupsExtension;
import dev.padlock.wire.SupportedVersionsClientHello;
import dev.padlock.wire.SupportedVersionsServerHello;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Server: a ClientHello (RFC 8446 §4.1.2), or the second one after our HelloRetryRequest.
 * Reads top-down: check the offer, choose suite and group, retry or answer.
 */
final class ExpectClientHello implements State {
    /** What we asked for in a HelloRetryRequest, to hold the second ClientHello to it. */
    record Retry(ClientHello first, CipherSuiteSpec suite, NamedGroup group) {
    }

    private static final Set<Integer> MAY_CHANGE_AFTER_RETRY = Set.of(
            ExtensionType.KEY_SHARE.code(), ExtensionType.COOKIE.code(), ExtensionType.EARLY_DATA.code(),
            ExtensionType.PRE_SHARED_KEY.code(), ExtensionType.PADDING.code());

    private final ServerHandshaker hs;
    private final Retry retry;

    ExpectClientHello(ServerHandshaker hs, Retry retry) {
        this.hs = hs;
        this.retry = retry;
    }

    @Override
    public String expecting() {
        return retry == null ? "expecting ClientHello" : "expecting the second ClientHello";
    }

    @Override
    public CipherSuiteSpec suite() {
        return retry == null ? null : retry.suite();
    }

    @Override
    public boolean acceptsChangeCipherSpec() {
        return retry != null;
    }

    @Override
    public State handle(HandshakeMessage message, Bytes raw) {
        if (!(message instanceof ClientHello hello)) {
            throw Handshaker.unexpected(this, message);
        }
        // RFC 8446 §4.2.10: early data is never accepted (no early_data in EncryptedExtensions);
        // the connection skips the 0-RTT records. A second ClientHello offering it is refused below.
        hs.earlyDataOffered(hello.extension(EarlyDataExtension.class).isPresent());
        checkVersions(hello);
        checkExtensionsAllowed(hello);
        if (!hello.legacyCompressionMethods().equals(Bytes.of((byte) 0))) {
            throw new TlsFailure(FailureReason.CLIENT_HELLO_COMPRESSION_NOT_NULL,
                    "ClientHello.legacy_compression_methods must be exactly [0] in TLS 1.3");
        }
        // RFC 8446 §4.2.9: pre_shared_key without psk_key_exchange_modes aborts the handshake.
        if (hello.extension(PreSharedKeyClientHello.class).isPresent()
                && hello.extension(PskKeyExchangeModesExtension.class).isEmpty()) {
            throw new TlsFailure(FailureReason.PSK_WITHOUT_KEY_EXCHANGE_MODES,
                    "ClientHello offers pre_shared_key without psk_key_exchange_modes");
        }
        if (retry != null) {
            checkSecondHello(retry, hello);
        }
        CipherSuiteSpec suite = retry != null ? retry.suite() : chooseCipherSuite(hello);
        List<NamedGroup> groups = hello.extension(SupportedGroupsExtension.class)
                .orElseThrow(() -> missing(FailureReason.CLIENT_HELLO_MISSING_SUPPORTED_GROUPS,
                        "supported_groups")).groups();
        List<KeyShareEntry> shares = hello.extension(KeyShareClientHello.class)
                .orElseThrow(() -> missing(FailureReason.CLIENT_HELLO_MISSING_KEY_SHARE, "key_share")).shares();
        checkKeyShares(shares, groups);
        List<SignatureScheme> peerSchemes = hello.extension(SignatureAlgorithmsExtension.class)
                .orElseThrow(() -> missing(FailureReason.CLIENT_HELLO_MISSING_SIGNATURE_ALGORITHMS,
                        "signature_algorithms")).schemes();
        hs.session.peerSignatureSchemes(peerSchemes);
        hs.session.localSignatureSchemes(Negotiation.union(hs.config.signatureSchemes(),
                hs.config.signatureSchemesCert()));

        Optional<KeyShareEntry> usable = chooseKeyShare(shares, groups);
        if (usable.isEmpty()) {
            if (retry != null) {
                throw new TlsFailure(FailureReason.SECOND_CLIENT_HELLO_KEY_SHARE_NOT_RETRY_GROUP,
                        "the second ClientHello has no key share for "
                        + retry.group() + " as the HelloRetryRequest asked");
            }
            return sendHelloRetryRequest(hello, raw, suite, chooseGroup(groups));
        }
        if (retry == null) {
            hs.transcript.begin(suite);
        }
        // RFC 8446 §4.2.11.2: the binder covers the transcript before this ClientHello.
        Optional<PskAcceptor.Accepted> psk = PskAcceptor.accept(hs, hello, raw, suite);
        hs.transcript.add(raw);
        return new ServerFlight(hs, hello, suite, usable.get(), psk.orElse(null)).send();
    }

    private static TlsFailure missing(FailureReason reason, String extension) {
        // RFC 8446 §9.2: without a PSK, these are mandatory for a TLS 1.3 ClientHello.
        return new TlsFailure(reason, "ClientHello has no " + extension + " extension");
    }

    /** RFC 8446 §4.2.1: TLS 1.3 is negotiated through supported_versions only. */
    private static void checkVersions(ClientHello hello) {
        Optional<SupportedVersionsClientHello> sv = hello.extension(SupportedVersionsClientHello.class);
        if (sv.isEmpty()) {
            throw new TlsFailure(FailureReason.CLIENT_HELLO_NO_SUPPORTED_VERSIONS, "the client offered only "
                    + hello.legacyVersion() + " (no supported_versions); Padlock speaks only TLSv1.3");
        }
        if (!sv.get().versions().contains(ProtocolVersion.TLSV1_3)) {
            throw new TlsFailure(FailureReason.CLIENT_HELLO_TLS13_NOT_OFFERED,
                    "the client offered " + sv.get().versions()
                    + "; Padlock speaks only TLSv1.3");
        }
    }

    /** RFC 8446 §4.2: a recognised extension the table does not allow in a ClientHello is illegal_parameter. */
    private static void checkExtensionsAllowed(ClientHello hello) {
        for (Extension e : hello.extensions()) {
            if (!Extensions.allowedIn(e.type(), HandshakeType.CLIENT_HELLO, false)) {
                throw new TlsFailure(FailureReason.EXTENSION_NOT_ALLOWED,
                        e.type() + " is not allowed in a ClientHello");
            }
        }
    }

    private CipherSuiteSpec chooseCipherSuite(ClientHello hello) {
        List<CipherSuiteSpec> ours = hs.config.suitesFor(ProtocolVersion.TLSV1_3);
        if (hs.config.honorServerOrder()) {
            for (CipherSuiteSpec spec : ours) {
                if (hello.cipherSuites().contains(spec.suite())) {
                    return spec;
                }
            }
        } else {
            for (CipherSuite offered : hello.cipherSuites()) {
                for (CipherSuiteSpec spec : ours) {
                    if (spec.suite().equals(offered)) {
                        return spec;
                    }
                }
            }
        }
        List<CipherSuite> enabled = ours.stream().map(CipherSuiteSpec::suite).toList();
        throw new TlsFailure(FailureReason.NO_COMMON_CIPHER_SUITE, "no cipher suite in common: the client offered "
                + hello.cipherSuites() + ", the server enables " + enabled);
    }

    /**
     * RFC 8446 §4.2.8: each share names a group from supported_groups, each group at most once.
     * Both lists come from the peer and may hold thousands of entries: one pass over each, with
     * set look-ups, not a scan of supported_groups per share.
     */
    static void checkKeyShares(List<KeyShareEntry> shares, List<NamedGroup> groups) {
        Set<NamedGroup> supported = new HashSet<>(groups);
        Set<NamedGroup> seen = new HashSet<>();
        for (KeyShareEntry share : shares) {
            if (!supported.contains(share.group())) {
                throw new TlsFailure(FailureReason.KEY_SHARE_GROUP_NOT_IN_SUPPORTED_GROUPS,
                        "key share for " + share.group() + ", which is not in supported_groups");
            }
            if (!seen.add(share.group())) {
                throw new TlsFailure(FailureReason.KEY_SHARE_DUPLICATE_GROUP, "two key shares for " + share.group());
            }
        }
    }

    /**
     * A client share to answer; none means retry. Our preference order holds among the shares,
     * except that a finite field group (RFC 7919) is taken only when the client supports no other
     * group we enable: FFDHE costs far more than the elliptic curves, so a client that sent only an
     * FFDHE share but also lists an EC group we enable is asked to retry with that group.
     */
    private Optional<KeyShareEntry> chooseKeyShare(List<KeyShareEntry> shares, List<NamedGroup> clientGroups) {
        if (retry != null) {
            return shares.stream().filter(share -> share.group().equals(retry.group())).findFirst();
        }
        boolean finiteField = KeyExchanges.isFiniteField(chooseGroup(clientGroups));
        for (NamedGroup group : preferredGroups()) {
            if (KeyExchanges.isFiniteField(group) != finiteField) {
                continue;
            }
            for (KeyShareEntry share : shares) {
                if (share.group().equals(group)) {
                    return Optional.of(share);
                }
            }
        }
        return Optional.empty();
    }

    /** The group we like best among the client's supported_groups: the one a retry asks for. */
    private NamedGroup chooseGroup(List<NamedGroup> clientGroups) {
        Set<NamedGroup> offered = new HashSet<>(clientGroups);
        for (NamedGroup group : preferredGroups()) {
            if (offered.contains(group)) {
                return group;
            }
        }
        throw new TlsFailure(FailureReason.NO_COMMON_GROUP, "no key exchange group in common: the client "
                + "supports " + clientGroups + ", the server enables " + hs.config.namedGroups());
    }

    /** The groups we enable and support, in our order but with the finite field groups last. */
    private List<NamedGroup> preferredGroups() {
        List<NamedGroup> preferred = new ArrayList<>();
        for (NamedGroup group : hs.config.namedGroups()) {
            if (KeyExchanges.supports(group) && !KeyExchanges.isFiniteField(group)) {
                preferred.add(group);
            }
        }
        for (NamedGroup group : hs.config.namedGroups()) {
            if (KeyExchanges.supports(group) && KeyExchanges.isFiniteField(group)) {
                preferred.add(group);
            }
        }
        return preferred;
    }

    private State sendHelloRetryRequest(ClientHello hello, Bytes raw, CipherSuiteSpec suite, NamedGroup group) {
        hs.transcript.begin(suite);
        hs.transcript.add(raw);
        hs.transcript.replaceWithMessageHash();
        List<Extension> ext = List.of(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                new KeyShareHelloRetryRequest(group));
        hs.send(new ServerHello(ProtocolVersion.TLSV1_2, ServerHello.HELLO_RETRY_REQUEST_RANDOM,
                hello.legacySessionId(), suite.suite(), 0, ext));
        hs.sendCompatibilityChangeCipherSpec(!hello.legacySessionId().isEmpty());
        return new ExpectClientHello(hs, new Retry(hello, suite, group));
    }

    /** RFC 8446 §4.1.2: the second ClientHello repeats the first but for the listed changes. */
    private static void checkSecondHello(Retry retry, ClientHello second) {
        ClientHello first = retry.first();
        boolean same = first.legacyVersion().equals(second.legacyVersion())
                && first.random().equals(second.random())
                && first.legacySessionId().equals(second.legacySessionId())
                && first.cipherSuites().equals(second.cipherSuites())
                && first.legacyCompressionMethods().equals(second.legacyCompressionMethods())
                && stable(first.extensions()).equals(stable(second.extensions()));
        if (!same) {
            throw new TlsFailure(FailureReason.SECOND_CLIENT_HELLO_CHANGED,
                    "the second ClientHello changed more than RFC 8446 §4.1.2 allows");
        }
        if (second.extension(EarlyDataExtension.class).isPresent()) {
            throw new TlsFailure(FailureReason.SECOND_CLIENT_HELLO_EARLY_DATA,
                    "the second ClientHello offers early_data, which RFC 8446 §4.1.2 "
                    + "does not permit after a HelloRetryRequest");
        }
        List<KeyShareEntry> shares = second.extension(KeyShareClientHello.class)
                .map(KeyShareClientHello::shares).orElse(List.of());
        if (shares.size() != 1 || !shares.get(0).group().equals(retry.group())) {
            throw new TlsFailure(FailureReason.SECOND_CLIENT_HELLO_KEY_SHARE_NOT_RETRY_GROUP,
                    "the second ClientHello must carry exactly one key share, for "
                    + retry.group());
        }
    }

    private static List<Extension> stable(List<Extension> extensions) {
        List<Extension> kept = new ArrayList<>();
        for (Extension e : extensions) {
            if (!MAY_CHANGE_AFTER_RETRY.contains(e.type().code())) {
                kept.add(e);
            }
        }
        return kept;
    }
}
