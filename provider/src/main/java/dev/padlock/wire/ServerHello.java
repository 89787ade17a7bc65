package dev.padlock.wire;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** ServerHello, and HelloRetryRequest which shares its structure (RFC 8446 §4.1.3, §4.1.4). */
public record ServerHello(ProtocolVersion legacyVersion, Bytes random, Bytes legacySessionIdEcho,
        CipherSuite cipherSuite, int legacyCompressionMethod, List<Extension> extensions)
        implements HandshakeMessage {

    /** The special Random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3). */
    public static final Bytes HELLO_RETRY_REQUEST_RANDOM = Bytes.fromHex("""
            CF 21 AD 74 E5 9A 61 11 BE 1D 8C 02 1E 65 B8 91
            C2 A2 11 16 7A BB 8C 5E 07 9E 09 E2 C8 A8 33 9C""");

    public ServerHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(legacySessionIdEcho, "legacySessionIdEcho");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        if (legacyCompressionMethod < 0 || legacyCompressionMethod > 0xFF) {
            throw new IllegalArgumentException("legacy_compression_method out of range: " + legacyCompressionMethod);
        }
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_HELLO;
    }

    public boolean isHelloRetryRequest() {
        return random.equals(HELLO_RETRY_REQUEST_RANDOM);
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    @Override
    public void encodeBody(TlsWriter w) {
        legacyVersion.write(w);
        w.bytes(random);
        w.vector8(legacySessionIdEcho);
        cipherSuite.write(w);
        w.u8(legacyCompressionMethod);
        Extensions.encodeList(w, extensions);
    }

    public static ServerHello decode(TlsReader body) {
        ProtocolVersion version = ProtocolVersion.read(body, "legacy_version");
        Bytes random = body.bytes(32, "random");
        Bytes sessionIdEcho = body.vector8("legacy_session_id_echo", 0, 32);
        CipherSuite suite = CipherSuite.read(body, "cipher_suite");
        int compression = body.u8("legacy_compression_method");
        boolean hrr = random.equals(HELLO_RETRY_REQUEST_RANDOM);
        // RFC 5246 §7.4.1.3: a TLS 1.2 ServerHello may end without an extensions block.
        List<Extension> extensions = !hrr && !body.hasRemaining() ? List.of()
                : Extensions.decodeList(body, HandshakeType.SERVER_HELLO, hrr);
        body.expectEnd();
        return new ServerHello(version, random, sessionIdEcho, suite, compression, extensions);
    }
}
