package dev.padlock.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12KeyBlock;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLS 1.2 connections of OpenSSL 3.0.19 with itself, one per AEAD, recorded on the wire: the
 * master secret OpenSSL wrote to its key log ({@code CLIENT_RANDOM} line, extended master secret
 * negotiated), the hello randoms, the transcript hashes, and the protected records after
 * ChangeCipherSpec in each direction (Finished, "client says hi\n" / "server says hi\n",
 * close_notify). From the master secret alone our key block and record layer must open
 * OpenSSL's records, and our verify_data must be OpenSSL's.
 *
 * <p>Recorded with {@code openssl s_server -tls1_2 -no_ticket -keylogfile ...} and
 * {@code openssl s_client -tls1_2 -cipher ...} through a relay that saved each direction's
 * bytes. OpenSSL's GCM explicit nonces are not the sequence number (they start elsewhere and
 * count up), so these records also prove that we take the peer's nonce_explicit (RFC 5288 §3).
 */
class OpenSslTls12RecordTest {
    private static final HexFormat HEX = HexFormat.of();

    record Capture(CipherSuiteSpec suite, String clientRandom, String serverRandom, String masterSecret,
            String hashBeforeClientFinished, String hashBeforeServerFinished,
            List<String> clientRecords, List<String> serverRecords) {
    }

    private static final Capture AES_128_GCM = new Capture(
            CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            "99490fba8f62dec881aa555d766dad44cd9284349953e884ca6071822d552b6a",
            "eafd98291727fb67401445925a18119b5e1edd19380847cd763748a1badf0921",
            "1612b2db96aaa9048f72e485b5e057057190b455b1ea24e4809eaae396d106dfb0ddbe27bd09cad1fb0362bb2021760d",
            "8a8b54c1d680aedd373006f9e9825661c368947e09e533ebfa4003aad8985542",
            "e53aa07bca9558c36658ad91f8f12bcba973cbff68c2b6e559e84c7a85f31770",
            List.of("160303002802dc203775348dde7cc2ed9e7dc86b8b0361382fd12901d98d647190ca80d828def3bc6c66c59990",
                    "170303002702dc203775348ddfc8cbb8f85891280db5c36ff43a002df7aa9047cbc329f83c088d0f5c3658f0",
                    "150303001a02dc203775348de06a329cd9bbb7449b3b4934b4947349441a20"),
            List.of("1603030028894f9794460bb404c366b197fa4d3fd4a6ba75158964f6afc04a880de4be80a2b8300b8abf7f964e",
                    "1703030027894f9794460bb4059506d99ec6986a62b3f43473dadd2ffe620e88c17bc03a8bb5bf7c57b39898",
                    "150303001a894f9794460bb406c538cd91bd78ef3678227c15ba42e11a5d35"));

    private static final Capture AES_256_GCM = new Capture(
            CipherSuiteSpec.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            "2f603674194655b97f870a55ff094b6d98c486664bf4da249d5deaa6d1419ab3",
            "b31c8a8902ed0f34a4a20f65c28deefc4f9e379ba1b110ef8a3dea433f33c265",
            "d5b96fc68bf9283bb5bb41913eb4c8917621671b09e3fca308725188e3af40da572028594ed8017588beb3eb42896d07",
            "432a8ff25a930fe153a2c6e8609191f1b38922cc9ffda19fae5784519a91c4f0c71415c846fbdf768ce6c4db4957d771",
            "91669e28e4dae04ee862240d67ef280a2dc958d35f1d97c9aa504f78c58f7aa02828add6fba23d86199574be7080f29a",
            List.of("16030300284086678690cf83ac2f37aebaba6a12e6e5fdebd0f5f3d94d76123b37204c79859c27ae147704bcef",
                    "17030300274086678690cf83ada1b239e5fa6d755d3c08fc1494733e10a5e7c1c3c003ee5fa33b6bf76b523d",
                    "150303001a4086678690cf83aed73a0222021919c09b5178b821cd9e75ff9c"),
            List.of("16030300288594ca4b3e1258c010f94715aa096270d5965147cc673f7c9c558c9f1a662bf5d31e94f399555bee",
                    "17030300278594ca4b3e1258c10e2e22722353eed600ce79c50f5617bf284ee0555d043ef2cd5d1816bf0a9c",
                    "150303001a8594ca4b3e1258c23252ab5bf5aff46f8438f81641bdbfcfbf44"));

    private static final Capture CHACHA20 = new Capture(
            CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            "7e88cf85db6b2feeea486fd4be57e1054619debc52d2596339cd082f466274d2",
            "afde73b78bec4aadbe3a68bbd61d4e12de6c99c300c2ed56ff6bb6b13e86c833",
            "80f9472b06933823344c43436cbd460815130cc7b37f9f8d5ac3c3d0266878bc6980e5e2d89ceddeb2991be2f225e6a9",
            "156f31145b0b592eb9d3504b84c54592c5ef0d309b0d7b6524a70dedab44dad2",
            "0093de60a965b4674ee6f4e08fc41bde81634dcc9359a5c2c78c617ff1a906bc",
            List.of("16030300201b715c04f2d6296808d2c3fdf3624ee12642980c8b351b740e100806c7b71a2c",
                    "170303001fc831ddd59852f833610150b84f6055a63eda6b788eeca16ddccc7c9360be5a",
                    "150303001271d1c6749cc25c57637e5794eef75565c460"),
            List.of("160303002059574d81e2a16a40eaba6db78a949159617d6eee6a362788b0cc0e5a8af980dd",
                    "170303001f06721276c343558795887a62cd988df405c36be0615c63f81ac6eb44fe59d1",
                    "150303001200705e31ac0e7f0600e60cd04ef82912fff5"));

    @Test
    void aes128GcmRecordsOfOpenSslOpenUnderOurKeyBlock() {
        assertOpens(AES_128_GCM);
    }

    @Test
    void aes256GcmRecordsOfOpenSslOpenUnderOurKeyBlock() {
        assertOpens(AES_256_GCM);
    }

    @Test
    void chaCha20RecordsOfOpenSslOpenUnderOurKeyBlock() {
        assertOpens(CHACHA20);
    }

    /** ChaCha20 has no explicit nonce to choose, so our records are OpenSSL's byte for byte (RFC 7905 §2). */
    @Test
    void chaCha20RecordsWeSealAreOpenSslsByteForByte() {
        Tls12KeyBlock block = keyBlock(CHACHA20);
        assertSealsSame(block.clientWrite(), CHACHA20.clientRecords(), "client");
        assertSealsSame(block.serverWrite(), CHACHA20.serverRecords(), "server");
    }

    private static void assertOpens(Capture c) {
        Tls12MasterSecret master = Tls12MasterSecret.restore(c.suite(), HEX.parseHex(c.masterSecret()));
        Tls12KeyBlock block = master.keyBlock(HEX.parseHex(c.clientRandom()), HEX.parseHex(c.serverRandom()));
        // RFC 5246 §7.4.9: Finished = msg_type 20, length 12, verify_data.
        String clientFinished = "1400000c"
                + HEX.formatHex(master.verifyData(true, HEX.parseHex(c.hashBeforeClientFinished())));
        String serverFinished = "1400000c"
                + HEX.formatHex(master.verifyData(false, HEX.parseHex(c.hashBeforeServerFinished())));
        assertDirection(block.clientWrite(), c.clientRecords(), clientFinished, "client says hi\n", c);
        assertDirection(block.serverWrite(), c.serverRecords(), serverFinished, "server says hi\n", c);
    }

    private static void assertDirection(RecordKeys keys, List<String> records, String finished, String data,
            Capture c) {
        RecordDecryptor decryptor = RecordProtection.decryptor(keys);
        List<ContentType> types = List.of(ContentType.HANDSHAKE, ContentType.APPLICATION_DATA, ContentType.ALERT);
        List<String> contents = List.of(finished, HEX.formatHex(data.getBytes(StandardCharsets.US_ASCII)),
                "0100"); // close_notify, warning level
        for (int i = 0; i < records.size(); i++) {
            ByteBuffer record = ByteBuffer.wrap(HEX.parseHex(records.get(i)));
            ByteBuffer out = ByteBuffer.allocate(decryptor.maxOpenedLength(record.remaining()));
            String what = c.suite().suite() + " " + types.get(i);
            assertEquals(types.get(i), decryptor.open(record, out), what);
            assertEquals(contents.get(i), HEX.formatHex(out.array(), 0, out.position()), what);
        }
    }

    private static void assertSealsSame(RecordKeys keys, List<String> records, String side) {
        RecordDecryptor decryptor = RecordProtection.decryptor(keys);
        RecordEncryptor encryptor = RecordProtection.encryptor(keys);
        for (String hex : records) {
            ByteBuffer record = ByteBuffer.wrap(HEX.parseHex(hex));
            ByteBuffer content = ByteBuffer.allocate(decryptor.maxOpenedLength(record.remaining()));
            ContentType type = decryptor.open(record, content);
            ByteBuffer sealed = ByteBuffer.allocate(encryptor.sealedLength(content.flip().remaining(), 0));
            encryptor.seal(type, content, 0, sealed);
            assertEquals(hex, HEX.formatHex(sealed.array()), side + " " + type);
        }
    }

    private static Tls12KeyBlock keyBlock(Capture c) {
        return Tls12MasterSecret.restore(c.suite(), HEX.parseHex(c.masterSecret()))
                .keyBlock(HEX.parseHex(c.clientRandom()), HEX.parseHex(c.serverRandom()));
    }
}
