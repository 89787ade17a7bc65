package dev.padlock.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** ClientHello (RFC 8446 §4.1.2). */
public record ClientHello(ProtocolVersion legacyVersion, Bytes random, Bytes legacySessionId,
        List<CipherSuite> cipherSuites, Bytes legacyCompressionMethods, List<Extension> extensions)
        implements HandshakeMessage {

    public ClientHello {
        Objects.requireNonNull(legacyVersion, "legacyVersion");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(legacySessionId, "legacySessionId");
        Objects.requireNonNull(legacyCompressionMethods, "legacyCompressionMethods");
        cipherSuites = List.copyOf(cipherSuites);
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.CLIENT_HELLO;
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    /**
     * The number of bytes at the end of {@link #encode()} taken by the pre_shared_key binders
     * vector, its length prefix included; 0 without pre_shared_key. {@code encode()} minus these
     * bytes is Truncate(ClientHello) of RFC 8446 §4.2.11.2.
     */
    public int bindersLength() {
        if (extensions.isEmpty() || !(extensions.get(extensions.size() - 1) instanceof PreSharedKeyClientHello p)) {
            return 0;
        }
        return p.bindersLength();
    }

    @Override
    public void encodeBody(TlsWriter w) {
        legacyVersion.write(w);
        w.bytes(random);
        w.vector8(legacySessionId);
        w.u16Prefixed(l -> cipherSuites.forEach(s -> s.write(l)));
        w.vector8(legacyCompressionMethods);
        Extensions.encodeList(w, extensions);
    }

    public static ClientHello decode(TlsReader body) {
        ProtocolVersion version = ProtocolVersion.read(body, "legacy_version");
        Bytes random = body.bytes(32, "random");
        Bytes sessionId = body.vector8("legacy_session_id", 0, 32);
        TlsReader suites = body.sub16("cipher_suites", 2, 0xFFFE);
        List<CipherSuite> cipherSuites = new ArrayList<>();
        while (suites.hasRemaining()) {
            cipherSuites.add(CipherSuite.read(suites, "cipher_suite"));
        }
        Bytes compression = body.vector8("legacy_compression_methods", 1, 255);
        List<Extension> extensions = Extensions.decodeList(body, HandshakeType.CLIENT_HELLO, false);
        body.expectEnd();
        return new ClientHello(version, random, sessionId, cipherSuites, compression, extensions);
    }
}
