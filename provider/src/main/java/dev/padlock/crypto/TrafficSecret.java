package dev.padlock.crypto;

import java.security.MessageDigest;
import javax.security.auth.Destroyable;

/**
 * A traffic secret of RFC 8446 §7.1 (early, handshake or application), bound to its suite.
 * It yields the record keys (§7.3), the Finished values (§4.4.4) and the next generation (§7.2).
 */
public final class TrafficSecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    TrafficSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** RFC 8446 §7.3: write_key = Expand-Label(secret, "key", "", key_length), write_iv likewise with "iv". */
    public TrafficKeys keys() {
        Hkdf hkdf = Hkdf.of(suite);
        return secret.apply(s -> new TrafficKeys(hkdf.expandLabel(s, "key", new byte[0], suite.keyLength()),
                hkdf.expandLabel(s, "iv", new byte[0], CipherSuiteSpec.IV_LENGTH)));
    }

    /** RFC 8446 §7.2: application_traffic_secret_N+1 = Expand-Label(secret_N, "traffic upd", "", Hash.length). */
    public TrafficSecret next() {
        return new TrafficSecret(suite, secret.apply(
                s -> Hkdf.of(suite).expandLabel(s, "traffic upd", new byte[0], suite.hashLength())));
    }

    /** RFC 8446 §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
    public byte[] finishedKey() {
        return secret.apply(s -> Hkdf.of(suite).expandLabel(s, "finished", new byte[0], suite.hashLength()));
    }

    /** RFC 8446 §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)). */
    public byte[] verifyData(byte[] transcriptHash) {
        return secret.apply(s -> EarlySecret.finishedMac(suite, s, transcriptHash));
    }

    /** Compares in constant time. */
    public boolean verifyFinished(byte[] transcriptHash, byte[] received) {
        return MessageDigest.isEqual(verifyData(transcriptHash), received);
    }

    /** The raw secret, for the opt-in NSS key log only. Never call it for anything else. */
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

    @Override
    public String toString() {
        return "TrafficSecret(" + suite.suite() + ")";
    }
}
