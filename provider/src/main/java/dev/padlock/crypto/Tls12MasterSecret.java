package dev.padlock.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Destroyable;

/**
 * The TLS 1.2 master secret (RFC 5246 §8.1), always the extended one of RFC 7627 §4: Padlock
 * offers and accepts no other, so it is bound to the whole handshake up to the key exchange.
 * Everything TLS 1.2 derives comes from it through {@link Tls12Prf}: the key block (§6.3), the
 * Finished verify_data (§7.4.9) and keying material exporters (RFC 5705 §4).
 */
public final class Tls12MasterSecret implements Destroyable {
    /** RFC 5246 §8.1: the master secret is always exactly 48 bytes long. */
    public static final int LENGTH = 48;
    /** RFC 5246 §7.4.9: verify_data_length is 12 for every suite Padlock implements. */
    public static final int VERIFY_DATA_LENGTH = 12;
    /** RFC 5246 §7.4.1.2: Random is 32 bytes. */
    private static final int RANDOM_LENGTH = 32;
    /**
     * RFC 5705 §4 and its IANA registry: labels the protocol itself uses, so an exporter with one
     * of them would hand out the protocol's own keys or verify_data.
     */
    private static final Set<String> RESERVED_EXPORTER_LABELS = Set.of(
            "client finished", "server finished", "master secret", "key expansion", "extended master secret");

    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    private Tls12MasterSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    /**
     * RFC 7627 §4: master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47].
     * The caller keeps and erases {@code preMasterSecret}.
     *
     * @param sessionHash the transcript hash from ClientHello up to and including
     *                    ClientKeyExchange (RFC 7627 §3), with the suite's hash
     */
    public static Tls12MasterSecret extended(CipherSuiteSpec suite, byte[] preMasterSecret, byte[] sessionHash) {
        requireTls12(suite);
        Objects.requireNonNull(preMasterSecret, "preMasterSecret");
        if (sessionHash.length != suite.hashLength()) {
            throw new IllegalArgumentException("session_hash must be " + suite.hashLength() + " bytes");
        }
        return new Tls12MasterSecret(suite,
                Tls12Prf.prf(suite, preMasterSecret, "extended master secret", sessionHash, LENGTH));
    }

    /**
     * A master secret from a session ticket's copy ({@link #copyForTicket}). Takes
     * {@code masterSecret} (zeroes the caller's array).
     */
    public static Tls12MasterSecret restore(CipherSuiteSpec suite, byte[] masterSecret) {
        requireTls12(suite);
        if (masterSecret.length != LENGTH) {
            throw new IllegalArgumentException("a TLS 1.2 master secret is " + LENGTH + " bytes");
        }
        return new Tls12MasterSecret(suite, masterSecret);
    }

    /** The master secret of a session ticket (RFC 5077 §4: the state holds it), as a PSK-shaped value. */
    public static Tls12MasterSecret restore(CipherSuiteSpec suite, PreSharedKey fromTicket) {
        return fromTicket.apply(b -> restore(suite, b.clone()));
    }

    /** A copy for a session ticket's state, held like a PSK; the caller destroys it. */
    public PreSharedKey forTicket() {
        return new PreSharedKey(copyForTicket());
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /**
     * RFC 5246 §6.3: key_block = PRF(master_secret, "key expansion", server_random + client_random),
     * cut into client_write_key, server_write_key, client_write_IV, server_write_IV (AEAD suites
     * have no MAC keys; the IVs are the fixed IVs of RFC 5288 §3 and RFC 7905 §2).
     */
    public Tls12KeyBlock keyBlock(byte[] clientRandom, byte[] serverRandom) {
        int keyLength = suite.keyLength();
        int ivLength = suite.fixedIvLength();
        byte[] block = prf("key expansion", concat(requireRandom(serverRandom), requireRandom(clientRandom)),
                2 * (keyLength + ivLength));
        try {
            byte[] clientKey = Arrays.copyOfRange(block, 0, keyLength);
            byte[] serverKey = Arrays.copyOfRange(block, keyLength, 2 * keyLength);
            byte[] clientIv = Arrays.copyOfRange(block, 2 * keyLength, 2 * keyLength + ivLength);
            byte[] serverIv = Arrays.copyOfRange(block, 2 * keyLength + ivLength, block.length);
            return new Tls12KeyBlock(Tls12RecordKeys.of(suite, clientKey, clientIv),
                    Tls12RecordKeys.of(suite, serverKey, serverIv));
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /**
     * RFC 5246 §7.4.9: verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11],
     * finished_label "client finished" or "server finished".
     */
    public byte[] verifyData(boolean fromClient, byte[] handshakeHash) {
        return prf(fromClient ? "client finished" : "server finished", handshakeHash, VERIFY_DATA_LENGTH);
    }

    /**
     * Whether {@code received} is the peer's verify_data over {@code handshakeHash}, compared in
     * constant time (a mismatch is decrypt_error, RFC 5246 §7.4.9).
     */
    public boolean verifyDataMatches(boolean fromClient, byte[] handshakeHash, byte[] received) {
        byte[] expected = verifyData(fromClient, handshakeHash);
        try {
            return MessageDigest.isEqual(expected, received);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    /**
     * RFC 5705 §4: PRF(master_secret, label, client_random + server_random
     * [+ context_value_length + context_value])[length]. A null context and an empty one differ.
     *
     * @throws IllegalArgumentException for an empty or reserved label, a context of 2^16 bytes or
     *                                  more, or a length below 1
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length, byte[] clientRandom,
            byte[] serverRandom) {
        if (label.isEmpty() || RESERVED_EXPORTER_LABELS.contains(label)) {
            throw new IllegalArgumentException("exporter label \"" + label + "\" is empty or reserved (RFC 5705 §4)");
        }
        if (length < 1) {
            throw new IllegalArgumentException("exporter length must be positive, not " + length);
        }
        byte[] randoms = concat(requireRandom(clientRandom), requireRandom(serverRandom));
        if (context == null) {
            return prf(label, randoms, length);
        }
        if (context.length > 0xFFFF) {
            throw new IllegalArgumentException("exporter context of " + context.length + " bytes exceeds 2^16 - 1");
        }
        byte[] contextLength = {(byte) (context.length >>> 8), (byte) context.length};
        return prf(label, concat(randoms, concat(contextLength, context)), length);
    }

    /** The 48 bytes, for a session ticket's sealed state only; the caller zeroes them. */
    public byte[] copyForTicket() {
        return secret.bytes();
    }

    /**
     * The 48 bytes, for the opt-in NSS key log only: its TLS 1.2 line is
     * {@code CLIENT_RANDOM <client_random> <master_secret>}.
     */
    public byte[] insecureExportForKeyLog() {
        return secret.bytes();
    }

    /** Zeroes the secret; nothing can be derived from it afterwards. */
    @Override
    public void destroy() {
        secret.destroy();
    }

    @Override
    public boolean isDestroyed() {
        return secret.isDestroyed();
    }

    private byte[] prf(String label, byte[] seed, int length) {
        return secret.apply(s -> Tls12Prf.prf(suite, s, label, seed, length));
    }

    private static void requireTls12(CipherSuiteSpec suite) {
        if (!suite.isTls12()) {
            throw new IllegalArgumentException(suite.suite() + " is not a TLS 1.2 suite");
        }
    }

    private static byte[] requireRandom(byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("a hello random is " + RANDOM_LENGTH + " bytes, not " + random.length);
        }
        return random;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return "Tls12MasterSecret(" + suite.suite() + ")";
    }
}
