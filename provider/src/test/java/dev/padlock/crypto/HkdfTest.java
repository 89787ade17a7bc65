package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.padlock.wire.Bytes;
import org.junit.jupiter.api.Test;

/** RFC 5869 Appendix A, test cases 1 to 3 (HKDF-SHA256), and the RFC 8446 §7.1 HkdfLabel layout. */
class HkdfTest {

    private static byte[] hex(String s) {
        return Bytes.fromHex(s).toByteArray();
    }

    @Test
    void rfc5869TestCase1BasicSha256() {
        Hkdf hkdf = Hkdf.sha256();
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = hex("000102030405060708090a0b0c");
        byte[] info = hex("f0f1f2f3f4f5f6f7f8f9");
        byte[] prk = hkdf.extract(salt, ikm);
        assertArrayEquals(hex("""
                077709362c2e32df0ddc3f0dc47bba63
                90b6c73bb50f9c3122ec844ad7c2b3e5"""), prk, "PRK");
        assertArrayEquals(hex("""
                3cb25f25faacd57a90434f64d0362f2a
                2d2d0a90cf1a5a4c5db02d56ecc4c5bf
                34007208d5b887185865"""), hkdf.expand(prk, info, 42), "OKM");
    }

    @Test
    void rfc5869TestCase2LongerInputsAndOutputs() {
        Hkdf hkdf = Hkdf.sha256();
        byte[] ikm = hex("""
                000102030405060708090a0b0c0d0e0f
                101112131415161718191a1b1c1d1e1f
                202122232425262728292a2b2c2d2e2f
                303132333435363738393a3b3c3d3e3f
                404142434445464748494a4b4c4d4e4f""");
        byte[] salt = hex("""
                606162636465666768696a6b6c6d6e6f
                707172737475767778797a7b7c7d7e7f
                808182838485868788898a8b8c8d8e8f
                909192939495969798999a9b9c9d9e9f
                a0a1a2a3a4a5a6a7a8a9aaabacadaeaf""");
        byte[] info = hex("""
                b0b1b2b3b4b5b6b7b8b9babbbcbdbebf
                c0c1c2c3c4c5c6c7c8c9cacbcccdcecf
                d0d1d2d3d4d5d6d7d8d9dadbdcdddedf
                e0e1e2e3e4e5e6e7e8e9eaebecedeeef
                f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff""");
        byte[] prk = hkdf.extract(salt, ikm);
        assertArrayEquals(hex("""
                06a6b88c5853361a06104c9ceb35b45c
                ef760014904671014a193f40c15fc244"""), prk, "PRK");
        assertArrayEquals(hex("""
                b11e398dc80327a1c8e7f78c596a4934
                4f012eda2d4efad8a050cc4c19afa97c
                59045a99cac7827271cb41c65e590e09
                da3275600c2f09b8367793a9aca3db71
                cc30c58179ec3e87c14c01d5c1f3434f
                1d87"""), hkdf.expand(prk, info, 82), "OKM");
    }

    @Test
    void rfc5869TestCase3ZeroLengthSaltAndInfo() {
        Hkdf hkdf = Hkdf.sha256();
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] prk = hkdf.extract(new byte[0], ikm);
        assertArrayEquals(hex("""
                19ef24a32c717b167f33a91d6f648bdf
                96596776afdb6377ac434c1c293ccb04"""), prk, "PRK");
        assertArrayEquals(hex("""
                8da4e775a563c18f715f802a063c5a31
                b8a11f5c5ee1879ec3454e5f3c738d2d
                9d201395faa4b61a96c8"""), hkdf.expand(prk, new byte[0], 42), "OKM");
    }

    @Test
    void expandRefusesMoreThan255Blocks() {
        Hkdf hkdf = Hkdf.sha256();
        assertThrows(IllegalArgumentException.class, () -> hkdf.expand(new byte[32], new byte[0], 255 * 32 + 1));
        assertEquals(255 * 32, hkdf.expand(new byte[32], new byte[0], 255 * 32).length);
    }

    /** RFC 8448 §3 {server} derive write traffic keys for handshake data: key info and iv info. */
    @Test
    void hkdfLabelMatchesRfc8448Info() {
        assertArrayEquals(hex("00 10 09 74 6c 73 31 33 20 6b 65 79 00"),
                Hkdf.hkdfLabel("key", new byte[0], 16), "key info");
        assertArrayEquals(hex("00 0c 08 74 6c 73 31 33 20 69 76 00"),
                Hkdf.hkdfLabel("iv", new byte[0], 12), "iv info");
        assertArrayEquals(hex("""
                00 20 0d 74 6c 73 31 33 20 64 65 72 69 76 65 64
                20 e3 b0 c4 42 98 fc 1c 14 9a fb f4 c8 99 6f b9 24 27 ae 41 e4
                64 9b 93 4c a4 95 99 1b 78 52 b8 55"""),
                Hkdf.hkdfLabel("derived", EarlySecret.emptyHash(CipherSuiteSpec.TLS_AES_128_GCM_SHA256), 32),
                "derive secret for handshake \"tls13 derived\" info");
    }
}
