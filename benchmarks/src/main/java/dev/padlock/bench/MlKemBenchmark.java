package dev.padlock.bench;

import dev.padlock.crypto.mlkem.MlKem768;
import java.lang.reflect.Method;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
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
 * ML-KEM-768 key generation, encapsulation and decapsulation: Padlock's own
 * ({@code dev.padlock.crypto.mlkem.MlKem768}), the JDK's (JDK 24+, {@code javax.crypto.KEM},
 * reached by reflection since this module compiles for Java 17; set-up fails on older JDKs, so
 * run {@code -p impl=Padlock,BC} there) and Bouncy Castle's pure-Java lightweight API. Each
 * draws its randomness from its own {@code SecureRandom}, as a TLS handshake would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class MlKemBenchmark {
    @Param({"Padlock", "JDK", "BC"})
    public String impl;

    private final SecureRandom random = new SecureRandom();
    private byte[] ek;
    private byte[] dk;
    private byte[] ciphertext;
    private KeyPair jdkKeys;
    private Object jdkKem;
    private Method newEncapsulator;
    private Method encapsulate;
    private Method encapsulation;
    private Method newDecapsulator;
    private Method decapsulate;
    private AsymmetricCipherKeyPair bcKeys;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        switch (impl) {
            case "Padlock" -> {
                MlKem768.KeyPair keys = padlockKeyGen();
                ek = keys.encapsulationKey();
                dk = keys.decapsulationKey();
                ciphertext = padlockEncaps().ciphertext();
            }
            case "JDK" -> {
                Class<?> kem = Class.forName("javax.crypto.KEM");
                jdkKem = kem.getMethod("getInstance", String.class).invoke(null, "ML-KEM");
                newEncapsulator = kem.getMethod("newEncapsulator", PublicKey.class, SecureRandom.class);
                encapsulate = Class.forName("javax.crypto.KEM$Encapsulator").getMethod("encapsulate");
                encapsulation = Class.forName("javax.crypto.KEM$Encapsulated").getMethod("encapsulation");
                newDecapsulator = kem.getMethod("newDecapsulator", PrivateKey.class);
                decapsulate = Class.forName("javax.crypto.KEM$Decapsulator").getMethod("decapsulate", byte[].class);
                jdkKeys = jdkKeyGen();
                ciphertext = (byte[]) encapsulation.invoke(jdkEncaps());
            }
            case "BC" -> {
                bcKeys = bcKeyGen();
                ciphertext = bcEncaps().getEncapsulation();
            }
            default -> throw new IllegalArgumentException(impl);
        }
    }

    @Benchmark
    public Object keyGen() throws Exception {
        return switch (impl) {
            case "Padlock" -> padlockKeyGen();
            case "JDK" -> jdkKeyGen();
            default -> bcKeyGen();
        };
    }

    @Benchmark
    public Object encaps() throws Exception {
        return switch (impl) {
            case "Padlock" -> padlockEncaps();
            case "JDK" -> jdkEncaps();
            default -> bcEncaps();
        };
    }

    @Benchmark
    public Object decaps() throws Exception {
        return switch (impl) {
            case "Padlock" -> MlKem768.decaps(dk, ciphertext);
            case "JDK" -> decapsulate.invoke(newDecapsulator.invoke(jdkKem, jdkKeys.getPrivate()), (Object) ciphertext);
            default -> new MLKEMExtractor((MLKEMPrivateKeyParameters) bcKeys.getPrivate()).extractSecret(ciphertext);
        };
    }

    private MlKem768.KeyPair padlockKeyGen() {
        byte[] seed = new byte[64];
        random.nextBytes(seed);
        return MlKem768.keyGen(seed);
    }

    private MlKem768.Encapsulation padlockEncaps() {
        byte[] m = new byte[32];
        random.nextBytes(m);
        return MlKem768.encaps(ek, m).orElseThrow();
    }

    private KeyPair jdkKeyGen() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("ML-KEM-768");
        kpg.initialize(new java.security.spec.NamedParameterSpec("ML-KEM-768"), random);
        return kpg.generateKeyPair();
    }

    private Object jdkEncaps() throws Exception {
        return encapsulate.invoke(newEncapsulator.invoke(jdkKem, jdkKeys.getPublic(), random));
    }

    private AsymmetricCipherKeyPair bcKeyGen() {
        MLKEMKeyPairGenerator kpg = new MLKEMKeyPairGenerator();
        kpg.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        return kpg.generateKeyPair();
    }

    private SecretWithEncapsulation bcEncaps() {
        return new MLKEMGenerator(random).generateEncapsulated(bcKeys.getPublic());
    }
}
