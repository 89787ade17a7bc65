package dev.padlock.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Seeded random instances of every message and extension form, for property tests. */
final class RandomMessages {
    private final Random rnd;

    RandomMessages(long seed) {
        rnd = new Random(seed);
    }

    Bytes bytes(int min, int max) {
        byte[] b = new byte[min + rnd.nextInt(max - min + 1)];
        rnd.nextBytes(b);
        return Bytes.wrap(b);
    }

    private int between(int min, int max) {
        return min + rnd.nextInt(max - min + 1);
    }

    private long u32() {
        return rnd.nextLong() & 0xFFFFFFFFL;
    }

    private <T> List<T> list(int min, int max, Supplier<T> item) {
        List<T> out = new ArrayList<>();
        int n = between(min, max);
        for (int i = 0; i < n; i++) {
            out.add(item.get());
        }
        return out;
    }

    private <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** An extension type that no table or registry entry of ours knows. */
    UnknownExtension unknown() {
        return new UnknownExtension(new ExtensionType(between(0x7000, 0x7FFF)), bytes(0, 40));
    }

    List<Extension> clientHelloExtensions() {
        List<Extension> exts = new ArrayList<>();
        exts.add(new SupportedVersionsClientHello(list(1, 5, () -> new ProtocolVersion(between(0, 0xFFFF)))));
        exts.add(new KeyShareClientHello(list(0, 3, () -> new KeyShareEntry(new NamedGroup(between(0, 0xFFFF)), bytes(1, 100)))));
        List<Supplier<Extension>> optional = List.of(
                () -> new ServerNameExtension(list(1, 3, () -> new ServerName(between(0, 2), bytes(1, 30)))),
                () -> new SupportedGroupsExtension(list(1, 6, () -> new NamedGroup(between(0, 0xFFFF)))),
                () -> new SignatureAlgorithmsExtension(list(1, 6, () -> new SignatureScheme(between(0, 0xFFFF)))),
                () -> new SignatureAlgorithmsCertExtension(list(1, 6, () -> new SignatureScheme(between(0, 0xFFFF)))),
                () -> new PskKeyExchangeModesExtension(list(1, 3, () -> new PskKeyExchangeMode(between(0, 255)))),
                EarlyDataExtension::new,
                () -> new CookieExtension(bytes(1, 200)),
                () -> new AlpnExtension(list(1, 4, () -> bytes(1, 20))),
                () -> new CertificateAuthoritiesExtension(list(1, 3, () -> bytes(1, 60))),
                () -> new RecordSizeLimitExtension(between(64, 0xFFFF)),
                () -> new StatusRequestExtension(bytes(0, 20)),
                () -> new PaddingExtension(between(0, 120)),
                ExtendedMasterSecretExtension::new,
                () -> new RenegotiationInfoExtension(bytes(0, 20)),
                () -> new SessionTicketExtension(bytes(0, 100)),
                () -> new EcPointFormatsExtension(bytes(1, 3)),
                // known, but not allowed in a ClientHello: kept unparsed
                () -> new UnknownExtension(ExtensionType.OID_FILTERS, bytes(0, 10)));
        addSome(exts, optional);
        exts.add(unknown());
        Collections.shuffle(exts, rnd);
        if (rnd.nextBoolean()) {
            exts.add(new PreSharedKeyClientHello(
                    list(1, 3, () -> new PskIdentity(bytes(1, 60), u32())),
                    list(1, 3, () -> bytes(32, 48))));
        }
        return exts;
    }

    private void addSome(List<Extension> exts, List<Supplier<Extension>> optional) {
        for (Supplier<Extension> s : optional) {
            if (rnd.nextInt(3) != 0) {
                exts.add(s.get());
            }
        }
    }

    ClientHello clientHello() {
        return new ClientHello(new ProtocolVersion(between(0, 0xFFFF)), bytes(32, 32), bytes(0, 32),
                list(1, 10, () -> new CipherSuite(between(0, 0xFFFF))), bytes(1, 3), clientHelloExtensions());
    }

    ServerHello serverHello() {
        List<Extension> exts = new ArrayList<>();
        exts.add(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3));
        exts.add(new KeyShareServerHello(new KeyShareEntry(new NamedGroup(between(0, 0xFFFF)), bytes(1, 97))));
        if (rnd.nextBoolean()) {
            exts.add(new PreSharedKeyServerHello(between(0, 0xFFFF)));
        }
        Collections.shuffle(exts, rnd);
        return new ServerHello(ProtocolVersion.TLSV1_2, bytes(32, 32), bytes(0, 32),
                new CipherSuite(between(0, 0xFFFF)), between(0, 255), exts);
    }

    ServerHello helloRetryRequest() {
        List<Extension> exts = new ArrayList<>();
        exts.add(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3));
        exts.add(new KeyShareHelloRetryRequest(new NamedGroup(between(0, 0xFFFF))));
        if (rnd.nextBoolean()) {
            exts.add(new CookieExtension(bytes(1, 200)));
        }
        Collections.shuffle(exts, rnd);
        return new ServerHello(ProtocolVersion.TLSV1_2, ServerHello.HELLO_RETRY_REQUEST_RANDOM, bytes(0, 32),
                new CipherSuite(between(0, 0xFFFF)), 0, exts);
    }

    EncryptedExtensions encryptedExtensions() {
        List<Extension> exts = new ArrayList<>();
        addSome(exts, List.of(
                () -> ServerNameExtension.EMPTY,
                () -> new SupportedGroupsExtension(list(1, 6, () -> new NamedGroup(between(0, 0xFFFF)))),
                () -> new AlpnExtension(List.of(bytes(1, 20))),
                EarlyDataExtension::new,
                () -> new RecordSizeLimitExtension(between(64, 0xFFFF)),
                this::unknown,
                // known, but not allowed in EncryptedExtensions: kept unparsed
                () -> new UnknownExtension(ExtensionType.KEY_SHARE, bytes(0, 10))));
        Collections.shuffle(exts, rnd);
        return new EncryptedExtensions(exts);
    }

    CertificateRequest certificateRequest() {
        List<Extension> exts = new ArrayList<>();
        exts.add(new SignatureAlgorithmsExtension(list(1, 6, () -> new SignatureScheme(between(0, 0xFFFF)))));
        addSome(exts, List.of(
                () -> new SignatureAlgorithmsCertExtension(list(1, 6, () -> new SignatureScheme(between(0, 0xFFFF)))),
                () -> new CertificateAuthoritiesExtension(list(1, 3, () -> bytes(1, 60))),
                () -> new StatusRequestExtension(bytes(0, 20)),
                () -> new UnknownExtension(ExtensionType.OID_FILTERS, bytes(0, 20)),
                this::unknown));
        Collections.shuffle(exts, rnd);
        return new CertificateRequest(bytes(0, 10), exts);
    }

    Certificate certificate() {
        return new Certificate(bytes(0, 10), list(0, 3, () -> {
            List<Extension> exts = new ArrayList<>();
            addSome(exts, List.of(
                    () -> new StatusRequestExtension(bytes(0, 30)),
                    () -> new UnknownExtension(ExtensionType.SIGNED_CERTIFICATE_TIMESTAMP, bytes(0, 30)),
                    this::unknown));
            return new CertificateEntry(bytes(1, 300), exts);
        }));
    }

    CertificateVerify certificateVerify() {
        return new CertificateVerify(new SignatureScheme(between(0, 0xFFFF)), bytes(0, 300));
    }

    NewSessionTicket newSessionTicket() {
        List<Extension> exts = new ArrayList<>();
        addSome(exts, List.of(() -> new EarlyDataNewSessionTicket(u32()), this::unknown));
        return new NewSessionTicket(u32(), u32(), bytes(0, 255), bytes(1, 300), exts);
    }

    /** A TLS 1.2 ServerHello (RFC 5246 §7.4.1.3): no extensions block at all, or some 1.2 extensions. */
    ServerHello tls12ServerHello() {
        List<Extension> exts = new ArrayList<>();
        addSome(exts, List.of(ExtendedMasterSecretExtension::new,
                () -> new RenegotiationInfoExtension(bytes(0, 20)),
                () -> SessionTicketExtension.EMPTY,
                () -> new EcPointFormatsExtension(bytes(1, 3)),
                () -> new AlpnExtension(List.of(bytes(1, 20))),
                () -> ServerNameExtension.EMPTY,
                this::unknown));
        Collections.shuffle(exts, rnd);
        return new ServerHello(ProtocolVersion.TLSV1_2, bytes(32, 32), bytes(0, 32),
                new CipherSuite(between(0, 0xFFFF)), 0, exts);
    }

    /** One random TLS 1.2 message of each kind (RFC 5246 §7.4, RFC 8422 §5, RFC 5077 §3.3). */
    List<HandshakeMessage> oneOfEachTls12() {
        return List.of(new HelloRequest(), clientHello(), tls12ServerHello(),
                new Tls12Certificate(list(0, 3, () -> bytes(1, 300))),
                new ServerKeyExchange(new NamedGroup(between(0, 0xFFFF)), bytes(1, 133),
                        new SignatureScheme(between(0, 0xFFFF)), bytes(0, 300)),
                new Tls12CertificateRequest(bytes(1, 3), list(1, 6, () -> new SignatureScheme(between(0, 0xFFFF))),
                        list(0, 3, () -> bytes(1, 60))),
                new ServerHelloDone(), certificateVerify(), new ClientKeyExchange(bytes(1, 133)),
                new Finished(bytes(12, 12)), new Tls12NewSessionTicket(u32(), bytes(0, 300)));
    }

    /** One random message of each kind (Finished with the given hash length). */
    List<HandshakeMessage> oneOfEach(int hashLength) {
        return List.of(clientHello(), serverHello(), helloRetryRequest(), encryptedExtensions(),
                certificateRequest(), certificate(), certificateVerify(), new Finished(bytes(hashLength, hashLength)),
                newSessionTicket(), new KeyUpdate(rnd.nextBoolean()), new EndOfEarlyData());
    }

    int hashLength() {
        return pick(List.of(32, 48));
    }
}
