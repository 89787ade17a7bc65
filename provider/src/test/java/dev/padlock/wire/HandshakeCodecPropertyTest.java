package dev.padlock.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every message and extension form round-trips; every strict prefix and every extension by one byte fails. */
class HandshakeCodecPropertyTest {
    private static final int ROUNDS = 300;

    static Bytes body(HandshakeMessage m) {
        Bytes full = m.encode();
        return full.slice(4, full.length());
    }

    static void assertDecodeError(Runnable r) {
        TlsFailure f = assertThrows(TlsFailure.class, r::run);
        assertEquals(AlertDescription.DECODE_ERROR, f.alert(), f.getMessage());
        assertEquals(FailureReason.DECODE, f.reason(), f.getMessage());
        assertEquals(FailureReason.DECODE, f.reason());
    }

    @Test
    void everyMessageRoundTrips() {
        RandomMessages gen = new RandomMessages(0x5EED_0001L);
        for (int i = 0; i < ROUNDS; i++) {
            int hashLength = gen.hashLength();
            for (HandshakeMessage m : gen.oneOfEach(hashLength)) {
                Bytes body = body(m);
                assertEquals(m, HandshakeCodec.decode(m.type(), body, hashLength), m.type() + " round trip");
                assertEquals(body, body(HandshakeCodec.decode(m.type(), body, hashLength)), m.type() + " re-encoding");
            }
        }
    }

    @Test
    void theGeneratorCoversEveryMessageAndExtensionForm() {
        RandomMessages gen = new RandomMessages(0x5EED_0006L);
        Set<Class<?>> seen = new HashSet<>();
        for (int i = 0; i < ROUNDS; i++) {
            List<HandshakeMessage> all = new java.util.ArrayList<>(gen.oneOfEach(32));
            all.addAll(gen.oneOfEachTls12());
            for (HandshakeMessage m : all) {
                seen.add(m.getClass());
                for (Extension e : extensionsOf(m)) {
                    seen.add(e.getClass());
                }
            }
        }
        assertEquals(Set.of(), missing(HandshakeMessage.class, seen));
        assertEquals(Set.of(), missing(Extension.class, seen));
    }

    private static Set<Class<?>> missing(Class<?> sealed, Set<Class<?>> seen) {
        Set<Class<?>> out = new HashSet<>(List.of(sealed.getPermittedSubclasses()));
        out.removeAll(seen);
        return out;
    }

    private static List<Extension> extensionsOf(HandshakeMessage m) {
        if (m instanceof ClientHello ch) {
            return ch.extensions();
        } else if (m instanceof ServerHello sh) {
            return sh.extensions();
        } else if (m instanceof EncryptedExtensions ee) {
            return ee.extensions();
        } else if (m instanceof CertificateRequest cr) {
            return cr.extensions();
        } else if (m instanceof NewSessionTicket nst) {
            return nst.extensions();
        } else if (m instanceof Certificate c) {
            return c.entries().stream().flatMap(e -> e.extensions().stream()).toList();
        }
        return List.of();
    }

    @Test
    void headerIsTypeAndU24Length() {
        RandomMessages gen = new RandomMessages(0x5EED_0002L);
        for (HandshakeMessage m : gen.oneOfEach(32)) {
            Bytes full = m.encode();
            assertEquals(m.type().code(), full.get(0) & 0xFF);
            int len = ((full.get(1) & 0xFF) << 16) | ((full.get(2) & 0xFF) << 8) | (full.get(3) & 0xFF);
            assertEquals(full.length() - 4, len);
        }
    }

    @Test
    void everyStrictPrefixIsDecodeError() {
        RandomMessages gen = new RandomMessages(0x5EED_0003L);
        for (int i = 0; i < ROUNDS / 10; i++) {
            int hashLength = gen.hashLength();
            for (HandshakeMessage m : gen.oneOfEach(hashLength)) {
                Bytes body = body(m);
                for (int cut = 0; cut < body.length(); cut++) {
                    if (m instanceof ServerHello sh && !sh.isHelloRetryRequest() && cut == endOfFixedPart(sh)) {
                        // RFC 5246 §7.4.1.3: a ServerHello may end there, without an extensions block.
                        continue;
                    }
                    Bytes prefix = body.slice(0, cut);
                    assertDecodeError(() -> HandshakeCodec.decode(m.type(), prefix, hashLength));
                }
            }
        }
    }

    /** legacy_version, random, legacy_session_id_echo, cipher_suite, legacy_compression_method. */
    static int endOfFixedPart(ServerHello sh) {
        return 2 + 32 + 1 + sh.legacySessionIdEcho().length() + 2 + 1;
    }

    @Test
    void aTrailingByteIsDecodeError() {
        RandomMessages gen = new RandomMessages(0x5EED_0004L);
        for (int i = 0; i < ROUNDS; i++) {
            int hashLength = gen.hashLength();
            for (HandshakeMessage m : gen.oneOfEach(hashLength)) {
                Bytes longer = body(m).concat(Bytes.of((byte) i));
                assertDecodeError(() -> HandshakeCodec.decode(m.type(), longer, hashLength));
            }
        }
    }

    @Test
    void bindersLengthIsTheTrailingBindersVector() {
        RandomMessages gen = new RandomMessages(0x5EED_0005L);
        int seen = 0;
        for (int i = 0; i < ROUNDS; i++) {
            ClientHello ch = gen.clientHello();
            Bytes full = ch.encode();
            var psk = ch.extension(PreSharedKeyClientHello.class);
            if (psk.isEmpty()) {
                assertEquals(0, ch.bindersLength());
                continue;
            }
            seen++;
            TlsWriter w = new TlsWriter();
            w.u16Prefixed(l -> psk.get().binders().forEach(l::vector8));
            Bytes binders = w.toBytes();
            assertEquals(binders.length(), ch.bindersLength());
            assertEquals(binders, full.slice(full.length() - ch.bindersLength(), full.length()));
        }
        assertEquals(true, seen > 0);
    }

    @Test
    void alertRoundTripsAndRejectsPrefixesAndTrailingBytes() {
        for (AlertLevel level : AlertLevel.values()) {
            for (int d = 0; d < 256; d++) {
                Alert a = new Alert(level, new AlertDescription(d));
                Bytes enc = a.encode();
                assertEquals(a, Alert.decode(TlsReader.of(enc, "Alert")));
                for (int cut = 0; cut < enc.length(); cut++) {
                    Bytes prefix = enc.slice(0, cut);
                    assertDecodeError(() -> Alert.decode(TlsReader.of(prefix, "Alert")));
                }
                Bytes longer = enc.concat(Bytes.of((byte) 0));
                assertDecodeError(() -> Alert.decode(TlsReader.of(longer, "Alert")));
            }
        }
    }
}
