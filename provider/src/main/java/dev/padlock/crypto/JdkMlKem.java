package dev.padlock.crypto;

import dev.padlock.crypto.mlkem.MlKem768;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * The JDK's ML-KEM-768 (JDK 24+, JEP 496) behind {@link MlKemBackend}. Padlock compiles for
 * Java 17, which has no {@code javax.crypto.KEM} (JDK 21), so the KEM calls go through
 * reflection, looked up once; the key pair generator and key factory are ordinary JCA names.
 * A raw encapsulation key becomes a JDK key by prefixing the SubjectPublicKeyInfo header the
 * JDK's own keys carry (RFC 5280 §4.1.2.7; the key is the BIT STRING's contents).
 */
final class JdkMlKem implements MlKemBackend {
    private static final String ALGORITHM = "ML-KEM-768";
    private static final Reflected REFLECTED = Reflected.find();

    static boolean available() {
        return REFLECTED != null;
    }

    @Override
    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance(ALGORITHM);
            kpg.initialize(new NamedParameterSpec(ALGORITHM), random);
            java.security.KeyPair kp = kpg.generateKeyPair();
            byte[] spki = kp.getPublic().getEncoded();
            byte[] ek = Arrays.copyOfRange(spki, spki.length - MlKem768.ENCAPSULATION_KEY_BYTES, spki.length);
            return new JdkKeyPair(ek, kp.getPrivate());
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("ML-KEM-768 key generation", e);
        }
    }

    @Override
    public MlKem768.Encapsulation encapsulate(byte[] ek, SecureRandom random) {
        try {
            byte[] spki = Arrays.copyOf(REFLECTED.spkiHeader, REFLECTED.spkiHeader.length + ek.length);
            System.arraycopy(ek, 0, spki, REFLECTED.spkiHeader.length, ek.length);
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(spki));
            Object kem = REFLECTED.kemGetInstance.invoke(null, "ML-KEM");
            Object encapsulator = REFLECTED.newEncapsulator.invoke(kem, key, random);
            Object encapsulated = REFLECTED.encapsulate.invoke(encapsulator);
            SecretKey secret = (SecretKey) REFLECTED.key.invoke(encapsulated);
            byte[] c = (byte[]) REFLECTED.encapsulation.invoke(encapsulated);
            return new MlKem768.Encapsulation(secret.getEncoded(), c);
        } catch (GeneralSecurityException e) {
            throw Hkdf.jcaFailure("ML-KEM-768 encapsulation", e);
        } catch (ReflectiveOperationException e) {
            throw reflectionFailure("encapsulation", e);
        }
    }

    @Override
    public byte[] decapsulate(KeyPair keys, byte[] ciphertext) {
        try {
            Object kem = REFLECTED.kemGetInstance.invoke(null, "ML-KEM");
            Object decapsulator = REFLECTED.newDecapsulator.invoke(kem, ((JdkKeyPair) keys).privateKey);
            SecretKey secret = (SecretKey) REFLECTED.decapsulate.invoke(decapsulator, (Object) ciphertext);
            return secret.getEncoded();
        } catch (ReflectiveOperationException e) {
            throw reflectionFailure("decapsulation", e);
        }
    }

    private static IllegalStateException reflectionFailure(String what, ReflectiveOperationException e) {
        Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
        return new IllegalStateException("JCA failure: ML-KEM-768 " + what, cause);
    }

    @Override
    public String toString() {
        return "JDK";
    }

    /** A JDK key pair: the raw encapsulation key and the JDK's private key. */
    private record JdkKeyPair(byte[] encapsulationKey, PrivateKey privateKey) implements KeyPair {
        @Override
        public String toString() {
            return "ML-KEM-768 key pair";
        }
    }

    /** javax.crypto.KEM's methods, and the SubjectPublicKeyInfo header of an ML-KEM-768 key. */
    private record Reflected(Method kemGetInstance, Method newEncapsulator, Method encapsulate, Method key,
                             Method encapsulation, Method newDecapsulator, Method decapsulate, byte[] spkiHeader) {

        /** Null on a JDK without javax.crypto.KEM or without ML-KEM-768. */
        static Reflected find() {
            try {
                Class<?> kem = Class.forName("javax.crypto.KEM");
                Class<?> encapsulator = Class.forName("javax.crypto.KEM$Encapsulator");
                Class<?> encapsulated = Class.forName("javax.crypto.KEM$Encapsulated");
                Class<?> decapsulator = Class.forName("javax.crypto.KEM$Decapsulator");
                KeyPairGenerator kpg = KeyPairGenerator.getInstance(ALGORITHM);
                byte[] spki = kpg.generateKeyPair().getPublic().getEncoded();
                return new Reflected(kem.getMethod("getInstance", String.class),
                        kem.getMethod("newEncapsulator", PublicKey.class, SecureRandom.class),
                        encapsulator.getMethod("encapsulate"), encapsulated.getMethod("key"),
                        encapsulated.getMethod("encapsulation"), kem.getMethod("newDecapsulator", PrivateKey.class),
                        decapsulator.getMethod("decapsulate", byte[].class),
                        Arrays.copyOf(spki, spki.length - MlKem768.ENCAPSULATION_KEY_BYTES));
            } catch (ReflectiveOperationException | GeneralSecurityException e) {
                return null;
            }
        }
    }
}
