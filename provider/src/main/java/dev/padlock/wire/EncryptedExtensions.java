package dev.padlock.wire;

import java.util.List;
import java.util.Optional;

/** EncryptedExtensions: {@code Extension extensions<0..2^16-1>} (RFC 8446 §4.3.1). */
public record EncryptedExtensions(List<Extension> extensions) implements HandshakeMessage {

    public EncryptedExtensions {
        extensions = List.copyOf(extensions);
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.ENCRYPTED_EXTENSIONS;
    }

    public <T extends Extension> Optional<T> extension(Class<T> cls) {
        return Extensions.find(extensions, cls);
    }

    @Override
    public void encodeBody(TlsWriter w) {
        Extensions.encodeList(w, extensions);
    }

    public static EncryptedExtensions decode(TlsReader body) {
        List<Extension> extensions = Extensions.decodeList(body, HandshakeType.ENCRYPTED_EXTENSIONS, false);
        body.expectEnd();
        return new EncryptedExtensions(extensions);
    }
}
