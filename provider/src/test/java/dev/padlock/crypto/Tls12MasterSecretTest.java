package dev.padlock.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.2 key schedule on top of the PRF: the extended master secret (RFC 7627 §4), the key
 * block (RFC 5246 §6.3), verify_data (§7.4.9) and exporters (RFC 5705 §4). Every expected value
 * was computed independently with OpenSSL 3.0's TLS1-PRF KDF, for example
 * {@code openssl kdf -keylen 48 -kdfopt digest:SHA2-256 -kdfopt hexsecret:<PMS>
 * -kdfopt seed:"extended master secret" -kdfopt hexseed:<SESSION_HASH_256> TLS1-PRF}.
 */
class Tls12MasterSecretTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final CipherSuiteSpec AES_128 = CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256;
    private static final CipherSuiteSpec AES_256 = CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384;
    private static final CipherSuiteSpec CHACHA20 = CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256;

    private static final String PMS = "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f";
    private static final String SESSION_HASH_256 = "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f";
    private static final String SESSION_HASH_384 = "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
            + "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf";
    private static final String CLIENT_RANDOM = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String SERVER_RANDOM = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";
    private static final String MASTER_256 = "20cbb77b637fdeda2276e0467b9eba610e37a983fec0dbbe9c114d6ea691efae"
            + "3472cc2f998575c3d5955f345818db75";
    private static final String MASTER_384 = "52536021f39a8023be282082730d1ddd511ade8a6d77a356fb85b1162deef87a"
            + "a756cae26f433a8504de3849e77acf5e";

    @Test
    void extendedMasterSecretIsThePrfOfThePreMasterSecretOverTheSessionHash() {
        assertEquals(MASTER_256, HEX.formatHex(ms(AES_128).insecureExportForKeyLog()));
        assertEquals(MASTER_384, HEX.formatHex(ms(AES_256).insecureExportForKeyLog()));
    }

    @Test
    void keyBlockIsCutIntoKeysThenFixedIvs() {
        // key_block = PRF(master_secret, "key expansion", server_random + client_random)
        assertKeyBlock(AES_128, "9e1dc7c7fb5cff4a0ea9bab55334ffb4", "2bb0da5c40007f7c328be35943ed63aa",
                "99392926", "39d8381b");
        assertKeyBlock(CHACHA20, "9e1dc7c7fb5cff4a0ea9bab55334ffb42bb0da5c40007f7c328be35943ed63aa",
                "9939292639d8381bcf9c97bebbd429f4f3e95960aa0d160e615de7f3ebaed973",
                "28582b8e578db3725f78f452", "bbd2dc4822451e3f56937df3");
        assertKeyBlock(AES_256, "c051f2e8cc99e126c914661942e187da01e9d2454647d319dfdb60b8ba4ddf51",
                "c524d9ff88d323645e5c9844d84b866d184cab1e7cb17f7aa15e47809f1acef4", "c9ffeee5", "a59412b3");
    }

    @Test
    void verifyDataIsTwelveBytesUnderTheFinishedLabelOfTheSender() {
        assertEquals("28dd8f26a83b6dc438e4f453",
                HEX.formatHex(ms(AES_128).verifyData(true, HEX.parseHex(SESSION_HASH_256))));
        assertEquals("e0f25c1932435293f8db9846",
                HEX.formatHex(ms(AES_256).verifyData(false, HEX.parseHex(SESSION_HASH_384))));
    }

    @Test
    void verifyDataMatchesOnlyTheSendersExactBytes() {
        Tls12MasterSecret ms = ms(AES_128);
        byte[] hash = HEX.parseHex(SESSION_HASH_256);
        byte[] right = HEX.parseHex("28dd8f26a83b6dc438e4f453");
        assertTrue(ms.verifyDataMatches(true, hash, right));
        assertFalse(ms.verifyDataMatches(false, hash, right), "server finished label");
        for (int i = 0; i < right.length; i++) {
            byte[] wrong = right.clone();
            wrong[i] ^= 1;
            assertFalse(ms.verifyDataMatches(true, hash, wrong), "byte " + i);
        }
        assertFalse(ms.verifyDataMatches(true, hash, Arrays.copyOf(right, 11)));
    }

    @Test
    void exporterSeedsWithBothRandomsAndTellsNoContextFromAnEmptyOne() {
        Tls12MasterSecret ms = ms(AES_128);
        assertEquals("3af36955ca65832f3ef911c2bc8e95f80026ef1c", export(ms, null));
        assertEquals("c7a57ea4faeb8830042e9f395826d75f3145dade", export(ms, new byte[0]));
        assertEquals("e08300042ce6cd1ab114c45ae24e95bc9dd11198", export(ms, HEX.parseHex("616263")));
    }

    @Test
    void exporterRefusesTheProtocolsOwnLabelsAndBadArguments() {
        Tls12MasterSecret ms = ms(AES_128);
        byte[] cr = HEX.parseHex(CLIENT_RANDOM);
        byte[] sr = HEX.parseHex(SERVER_RANDOM);
        for (String label : new String[] {"client finished", "server finished", "master secret", "key expansion",
                "extended master secret", ""}) {
            assertThrows(IllegalArgumentException.class, () -> ms.exportKeyingMaterial(label, null, 16, cr, sr), label);
        }
        assertThrows(IllegalArgumentException.class, () -> ms.exportKeyingMaterial("x", null, 0, cr, sr));
        assertThrows(IllegalArgumentException.class, () -> ms.exportKeyingMaterial("x", new byte[0x10000], 16, cr, sr));
        assertThrows(IllegalArgumentException.class, () -> ms.exportKeyingMaterial("x", null, 16, new byte[31], sr));
    }

    @Test
    void ticketCopyRestoresTheSameSecret() {
        Tls12MasterSecret ms = ms(AES_128);
        byte[] copy = ms.copyForTicket();
        assertEquals(MASTER_256, HEX.formatHex(copy));
        Tls12MasterSecret restored = Tls12MasterSecret.restore(AES_128, copy);
        assertArrayEquals(new byte[Tls12MasterSecret.LENGTH], copy, "restore takes the caller's array");
        assertEquals(MASTER_256, HEX.formatHex(restored.insecureExportForKeyLog()));
        assertThrows(IllegalArgumentException.class, () -> Tls12MasterSecret.restore(AES_128, new byte[47]));
    }

    @Test
    void destroyZeroesAndForbidsFurtherUse() {
        Tls12MasterSecret ms = ms(AES_128);
        Tls12KeyBlock block = ms.keyBlock(HEX.parseHex(CLIENT_RANDOM), HEX.parseHex(SERVER_RANDOM));
        ms.destroy();
        assertTrue(ms.isDestroyed());
        assertThrows(IllegalStateException.class, () -> ms.verifyData(true, new byte[32]));
        assertThrows(IllegalStateException.class, ms::copyForTicket);
        assertFalse(block.isDestroyed(), "the key block outlives the master secret");
        block.destroy();
        assertTrue(block.clientWrite().isDestroyed() && block.serverWrite().isDestroyed());
        assertThrows(IllegalStateException.class, () -> block.clientWrite().keys().key());
    }

    @Test
    void onlyTls12SuitesAndWellFormedInputsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> Tls12MasterSecret.extended(
                CipherSuiteSpec.TLS_AES_128_GCM_SHA256, new byte[32], new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> Tls12MasterSecret.extended(AES_256, new byte[32],
                new byte[32]), "a SHA-384 suite's session hash is 48 bytes");
        assertThrows(IllegalArgumentException.class, () -> Tls12MasterSecret.restore(
                CipherSuiteSpec.TLS_AES_128_GCM_SHA256, new byte[48]));
    }

    @Test
    void neverPrintsTheSecret() {
        Tls12MasterSecret ms = ms(AES_128);
        Tls12KeyBlock block = ms.keyBlock(HEX.parseHex(CLIENT_RANDOM), HEX.parseHex(SERVER_RANDOM));
        for (Object o : new Object[] {ms, block, block.clientWrite(), block.serverWrite().keys()}) {
            String s = o.toString().toLowerCase(java.util.Locale.ROOT);
            assertFalse(s.contains(MASTER_256.substring(0, 8)) || s.contains("9e1dc7c7"), s);
        }
        assertEquals("Tls12MasterSecret(TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)", ms.toString());
    }

    private static Tls12MasterSecret ms(CipherSuiteSpec suite) {
        String hash = suite.hashLength() == 48 ? SESSION_HASH_384 : SESSION_HASH_256;
        return Tls12MasterSecret.extended(suite, HEX.parseHex(PMS), HEX.parseHex(hash));
    }

    private static String export(Tls12MasterSecret ms, byte[] context) {
        return HEX.formatHex(ms.exportKeyingMaterial("EXPERIMENTAL padlock", context, 20,
                HEX.parseHex(CLIENT_RANDOM), HEX.parseHex(SERVER_RANDOM)));
    }

    private static void assertKeyBlock(CipherSuiteSpec suite, String clientKey, String serverKey, String clientIv,
            String serverIv) {
        Tls12KeyBlock block = ms(suite).keyBlock(HEX.parseHex(CLIENT_RANDOM), HEX.parseHex(SERVER_RANDOM));
        assertEquals(clientKey, HEX.formatHex(block.clientWrite().keys().key()), suite.suite() + " client_write_key");
        assertEquals(serverKey, HEX.formatHex(block.serverWrite().keys().key()), suite.suite() + " server_write_key");
        assertEquals(clientIv, HEX.formatHex(block.clientWrite().keys().iv()), suite.suite() + " client_write_IV");
        assertEquals(serverIv, HEX.formatHex(block.serverWrite().keys().iv()), suite.suite() + " server_write_IV");
        assertEquals(suite, block.clientWrite().suite());
    }
}
