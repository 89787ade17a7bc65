package dev.padlock.crypto;

import javax.security.auth.Destroyable;

/** The Master Secret of RFC 8446 §7.1; only {@link HandshakeSecret#masterSecret} makes one. */
public final class MasterSecret implements Destroyable {
    private final CipherSuiteSpec suite;
    private final Secret secret;

    /** Takes {@code secret} (zeroes the caller's array). */
    MasterSecret(CipherSuiteSpec suite, byte[] secret) {
        this.suite = suite;
        this.secret = new Secret(secret);
    }

    public CipherSuiteSpec suite() {
        return suite;
    }

    /** client_application_traffic_secret_0, over ClientHello...server Finished ("c ap traffic"). */
    public TrafficSecret clientApplicationTrafficSecret0(byte[] transcriptHashThroughServerFinished) {
        return new TrafficSecret(suite, derive("c ap traffic", transcriptHashThroughServerFinished));
    }

    /** server_application_traffic_secret_0, over ClientHello...server Finished ("s ap traffic"). */
    public TrafficSecret serverApplicationTrafficSecret0(byte[] transcriptHashThroughServerFinished) {
        return new TrafficSecret(suite, derive("s ap traffic", transcriptHashThroughServerFinished));
    }

    /** exporter_master_secret, over ClientHello...server Finished ("exp master"). */
    public ExporterMasterSecret exporterMasterSecret(byte[] transcriptHashThroughServerFinished) {
        return new ExporterMasterSecret(suite, derive("exp master", transcriptHashThroughServerFinished));
    }

    /** resumption_master_secret, over ClientHello...client Finished ("res master"). */
    public ResumptionMasterSecret resumptionMasterSecret(byte[] transcriptHashThroughClientFinished) {
        return new ResumptionMasterSecret(suite, derive("res master", transcriptHashThroughClientFinished));
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

    private byte[] derive(String label, byte[] transcriptHash) {
        return secret.apply(s -> Hkdf.of(suite).deriveSecret(s, label, transcriptHash));
    }

    @Override
    public String toString() {
        return "MasterSecret(" + suite.suite() + ")";
    }
}
