package dev.padlock.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TlsReaderTest {

    @Test
    void readsIntegersBigEndian() {
        TlsReader r = TlsReader.of(Bytes.fromHex("01 0203 040506 0708090a").toByteArray(), "T");
        assertEquals(0x01, r.u8("a"));
        assertEquals(0x0203, r.u16("b"));
        assertEquals(0x040506, r.u24("c"));
        assertEquals(0x0708090aL, r.u32("d"));
        r.expectEnd();
    }

    @Test
    void shortReadIsDecodeErrorNamingTheField() {
        TlsReader r = TlsReader.of(new byte[] {0x01}, "ServerHello");
        TlsFailure f = assertThrows(TlsFailure.class, () -> r.u16("legacy_version"));
        assertEquals(AlertDescription.DECODE_ERROR, f.alert());
        assertEquals(FailureReason.DECODE, f.reason());
        assertTrue(f.getMessage().startsWith("ServerHello.legacy_version:"), f.getMessage());
    }

    @Test
    void vectorBelowMinimumIsDecodeError() {
        TlsReader r = TlsReader.of(Bytes.fromHex("00").toByteArray(), "ClientHello");
        TlsFailure f = assertThrows(TlsFailure.class, () -> r.vector8("legacy_compression_methods", 1, 255));
        assertEquals(AlertDescription.DECODE_ERROR, f.alert());
        assertEquals(FailureReason.DECODE, f.reason());
    }

    @Test
    void vectorLongerThanInputIsDecodeError() {
        TlsReader r = TlsReader.of(Bytes.fromHex("0005 0102").toByteArray(), "T");
        assertThrows(TlsFailure.class, () -> r.vector16("v", 0, 0xFFFF));
    }

    @Test
    void trailingBytesAreDecodeError() {
        TlsReader r = TlsReader.of(Bytes.fromHex("0102").toByteArray(), "Finished");
        r.u8("x");
        TlsFailure f = assertThrows(TlsFailure.class, r::expectEnd);
        assertEquals(AlertDescription.DECODE_ERROR, f.alert());
        assertEquals(FailureReason.DECODE, f.reason());
    }

    @Test
    void subReaderIsBoundedByItsPrefix() {
        TlsReader r = TlsReader.of(Bytes.fromHex("0002 aabb cc").toByteArray(), "T");
        TlsReader sub = r.sub16("inner", 0, 0xFFFF);
        assertEquals(0xaabb, sub.u16("x"));
        assertThrows(TlsFailure.class, () -> sub.u8("y"));
        assertEquals(0xcc, r.u8("z"));
    }

    @Test
    void writerFillsNestedPrefixes() {
        TlsWriter w = new TlsWriter();
        w.u16Prefixed(a -> a.u8(1).u8Prefixed(b -> b.u16(0x0304)));
        assertEquals(Bytes.fromHex("0004 01 02 0304"), w.toBytes());
    }

    @Test
    void unknownCodepointsSurviveAndPrint() {
        CipherSuite unknown = new CipherSuite(0x1337);
        assertEquals("unknown(0x1337)", unknown.toString());
        assertEquals("TLS_AES_128_GCM_SHA256", CipherSuite.TLS_AES_128_GCM_SHA256.toString());
    }
}
