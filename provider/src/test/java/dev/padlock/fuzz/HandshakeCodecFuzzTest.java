package dev.padlock.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.Extensions;
import dev.padlock.wire.HandshakeCodec;
import dev.padlock.wire.HandshakeMessage;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.TlsFailure;
import dev.padlock.wire.TlsReader;
import dev.padlock.wire.TlsWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The handshake message and extension decoders on arbitrary bytes: whatever decodes re-encodes
 * to exactly the bytes it came from (the transcript hashes those bytes), and whatever does not
 * decode is a {@link TlsFailure}. Any other exception is a finding.
 */
class HandshakeCodecFuzzTest {
    /** Where an extension list can be, as {@link Extensions#decodeList} names it. */
    private static final List<HandshakeType> PLACES = List.of(HandshakeType.CLIENT_HELLO, HandshakeType.SERVER_HELLO,
            HandshakeType.SERVER_HELLO, HandshakeType.ENCRYPTED_EXTENSIONS, HandshakeType.CERTIFICATE,
            HandshakeType.CERTIFICATE_REQUEST, HandshakeType.NEW_SESSION_TICKET);

    /**
     * {@code input[0]} is the msg_type (any code: the ones TLS 1.3 does not decode must be
     * unexpected_message), {@code input[1]} picks the Finished length (32 or 48, the
     * negotiated hash), the rest is the body.
     */
    @FuzzTest
    void handshakeMessage(byte[] input) {
        if (input.length < 2) {
            return;
        }
        HandshakeType type = new HandshakeType(input[0] & 0xFF);
        int hashLength = (input[1] & 1) == 0 ? 32 : 48;
        Bytes body = Bytes.of(input, 2, input.length - 2);
        HandshakeMessage message;
        try {
            message = HandshakeCodec.decode(type, body, hashLength);
        } catch (TlsFailure expected) {
            return;
        }
        assertEquals(type, message.type());
        Bytes encoded = message.encode();
        assertEquals(body, encoded.slice(4, encoded.length()), type + " re-encodes to its own bytes");
        assertEquals(message, HandshakeCodec.decode(type, body, hashLength), type + " decodes the same twice");
    }

    /**
     * {@code input[0]} picks the message that carries the list (ClientHello, ServerHello,
     * HelloRetryRequest, EncryptedExtensions, CertificateEntry, CertificateRequest,
     * NewSessionTicket); the rest is the u16-prefixed vector and whatever follows it.
     */
    @FuzzTest
    void extensionList(byte[] input) {
        if (input.length < 1) {
            return;
        }
        int place = (input[0] & 0xFF) % 7;
        HandshakeType where = PLACES.get(place);
        boolean helloRetryRequest = place == 2;
        TlsReader reader = TlsReader.of(input, 1, input.length - 1, "Fuzz");
        List<dev.padlock.wire.Extension> extensions;
        try {
            extensions = Extensions.decodeList(reader, where, helloRetryRequest);
        } catch (TlsFailure expected) {
            return;
        }
        TlsWriter w = new TlsWriter();
        Extensions.encodeList(w, extensions);
        Bytes consumed = Bytes.of(input, 1, reader.position() - 1);
        assertEquals(consumed, w.toBytes(), "extensions of " + where + " re-encode to their own bytes");
    }

    /** The seeds are worth their place: each one decodes, so mutations start from valid messages. */
    @Test
    void everySeedDecodes() throws IOException, URISyntaxException {
        assertEquals(13, forEachSeed("handshakeMessage", seed -> HandshakeCodec.decode(
                new HandshakeType(seed[0] & 0xFF), Bytes.of(seed, 2, seed.length - 2), 32)));
        assertEquals(8, forEachSeed("extensionList", seed -> Extensions.decodeList(
                TlsReader.of(seed, 1, seed.length - 1, "Seed"), PLACES.get(seed[0]), seed[0] == 2)));
    }

    private int forEachSeed(String method, java.util.function.Consumer<byte[]> decode)
            throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("HandshakeCodecFuzzTestInputs/" + method).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> seeds = files.toList();
            for (Path seed : seeds) {
                decode.accept(Files.readAllBytes(seed));
            }
            return seeds.size();
        }
    }
}
