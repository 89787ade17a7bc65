package dev.padlock.bench;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12RecordKeys;
import dev.padlock.crypto.Tls13RecordKeys;
import dev.padlock.record.RecordDecryptor;
import dev.padlock.record.RecordEncryptor;
import dev.padlock.record.RecordProtection;
import dev.padlock.wire.ContentType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Padlock's record layer alone, TLS 1.3 beside TLS 1.2: one operation seals one full 16 KiB
 * record and opens it again, the work {@link PrimitivesBenchmark}'s AEAD operations bound. Fresh
 * keys every iteration, so no key comes near its record limit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class RecordLayerBenchmark {
    static final int RECORD = 16 * 1024;

    @Param({"TLSv1.3", "TLSv1.2"})
    public String protocol;

    @Param({"AES_128_GCM", "AES_256_GCM", "CHACHA20_POLY1305"})
    public String aead;

    @Param({"heap", "direct"})
    public String buffers;

    private ByteBuffer plaintext;
    private ByteBuffer record;
    private ByteBuffer opened;
    private RecordEncryptor encryptor;
    private RecordDecryptor decryptor;

    @Setup(Level.Trial)
    public void setUp() {
        boolean direct = "direct".equals(buffers);
        plaintext = Tls.allocate(RECORD, direct);
        byte[] random = new byte[RECORD];
        new SecureRandom().nextBytes(random);
        plaintext.put(random).flip();
        record = Tls.allocate(RECORD + 5 + 8 + 1 + 16, direct);
        opened = Tls.allocate(RECORD + 1, direct);
    }

    @Setup(Level.Iteration)
    public void freshKeys() {
        CipherSuiteSpec suite = suite();
        RecordKeys keys = suite.isTls12()
                ? Tls12RecordKeys.of(suite, new byte[suite.keyLength()], new byte[suite.fixedIvLength()])
                : Tls13RecordKeys.of(EarlySecret.withPsk(suite, PreSharedKey.copyOf(new byte[32], 0, 32))
                        .clientEarlyTrafficSecret(new byte[suite.hashLength()]));
        encryptor = RecordProtection.encryptor(keys);
        decryptor = RecordProtection.decryptor(keys);
    }

    private CipherSuiteSpec suite() {
        boolean tls12 = "TLSv1.2".equals(protocol);
        return switch (aead) {
            case "AES_128_GCM" -> tls12 ? CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
                    : CipherSuiteSpec.TLS_AES_128_GCM_SHA256;
            case "AES_256_GCM" -> tls12 ? CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
                    : CipherSuiteSpec.TLS_AES_256_GCM_SHA384;
            case "CHACHA20_POLY1305" -> tls12 ? CipherSuiteSpec.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256
                    : CipherSuiteSpec.TLS_CHACHA20_POLY1305_SHA256;
            default -> throw new IllegalArgumentException(aead);
        };
    }

    @Benchmark
    public ContentType sealAndOpen() {
        plaintext.position(0);
        record.clear();
        encryptor.seal(ContentType.APPLICATION_DATA, plaintext, 0, record);
        record.flip();
        opened.clear();
        return decryptor.open(record, opened);
    }
}
