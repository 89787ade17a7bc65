package dev.padlock.wire;

import static dev.padlock.wire.HandshakeCodecPropertyTest.assertDecodeError;
import static dev.padlock.wire.HandshakeCodecPropertyTest.body;
import static dev.padlock.wire.HandshakeCodecPropertyTest.endOfFixedPart;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The TLS 1.2 messages: round trip, every strict prefix and a trailing byte are decode_error. */
class Tls12HandshakeCodecPropertyTest {
    private static final int ROUNDS = 200;

    @Test
    void everyTls12MessageRoundTrips() {
        RandomMessages gen = new RandomMessages(0x5EED_1201L);
        for (int i = 0; i < ROUNDS; i++) {
            for (HandshakeMessage m : gen.oneOfEachTls12()) {
                Bytes body = body(m);
                HandshakeMessage decoded = Tls12HandshakeCodec.decode(m.type(), body);
                assertEquals(m, decoded, m.type() + " round trip");
                assertEquals(body, body(decoded), m.type() + " re-encoding");
            }
        }
    }

    @Test
    void everyStrictPrefixIsDecodeError() {
        RandomMessages gen = new RandomMessages(0x5EED_1202L);
        for (int i = 0; i < ROUNDS / 10; i++) {
            for (HandshakeMessage m : gen.oneOfEachTls12()) {
                Bytes body = body(m);
                for (int cut = 0; cut < body.length(); cut++) {
                    if (m instanceof ServerHello sh && cut == endOfFixedPart(sh)) {
                        continue;
                    }
                    Bytes prefix = body.slice(0, cut);
                    assertDecodeError(() -> Tls12HandshakeCodec.decode(m.type(), prefix));
                }
            }
        }
    }

    @Test
    void aTrailingByteIsDecodeError() {
        RandomMessages gen = new RandomMessages(0x5EED_1203L);
        for (int i = 0; i < ROUNDS; i++) {
            for (HandshakeMessage m : gen.oneOfEachTls12()) {
                Bytes longer = body(m).concat(Bytes.of((byte) i));
                assertDecodeError(() -> Tls12HandshakeCodec.decode(m.type(), longer));
            }
        }
    }

    @Test
    void explicitCurveServerKeyExchangeIsIllegalParameter() {
        // RFC 8422 §5.4: curve_type explicit_prime(1) is deprecated; only named_curve(3).
        TlsFailure f = assertThrows(TlsFailure.class, () -> Tls12HandshakeCodec.decode(
                HandshakeType.SERVER_KEY_EXCHANGE, Bytes.fromHex("01 0017 01 04 0403 0000")));
        assertEquals(FailureReason.SERVER_KEY_EXCHANGE_NOT_NAMED_CURVE, f.reason());
        assertEquals(AlertDescription.ILLEGAL_PARAMETER, f.alert());
    }

    @Test
    void tls13OnlyMessageTypesAreUnexpectedInTls12() {
        TlsFailure f = assertThrows(TlsFailure.class,
                () -> Tls12HandshakeCodec.decode(HandshakeType.ENCRYPTED_EXTENSIONS, Bytes.fromHex("0000")));
        assertEquals(FailureReason.UNKNOWN_HANDSHAKE_TYPE, f.reason());
        assertEquals(AlertDescription.UNEXPECTED_MESSAGE, f.alert());
    }
}
