package dev.padlock.crypto;

import dev.padlock.crypto.mlkem.MlKem768;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * ML-KEM-768 (FIPS 203) as a {@link KeyExchange}: the client's key_exchange is an encapsulation
 * key (1184 bytes), the server's a ciphertext (1088), the secret 32 bytes. It is a component of
 * the hybrid groups, not a group Padlock offers alone.
 *
 * <p>Bad input (draft-ietf-tls-ecdhe-mlkem §4, FIPS 203 §7.2): a share of the wrong length, or an
 * encapsulation key failing the modulus check, is {@code illegal_parameter}. A ciphertext of the
 * right length is never refused: decapsulation takes the implicit-rejection path and the
 * handshake fails later, on Finished, with {@code decrypt_error}.
 *
 * <p>The implementation is {@link MlKemBackend#current()}: Padlock's own {@code crypto.mlkem}, or
 * the JDK's ML-KEM (JDK 24+) when {@code padlock.crypto=jca}; a JDK without ML-KEM keeps the own
 * one even then, since the alternative is no post-quantum group at all.
 */
final class MlKemKeyExchange implements KeyExchange {
    static final MlKemKeyExchange ML_KEM_768 = new MlKemKeyExchange(MlKemBackend.current());

    private final MlKemBackend backend;

    MlKemKeyExchange(MlKemBackend backend) {
        this.backend = backend;
    }

    @Override
    public NamedGroup group() {
        return NamedGroup.MLKEM768;
    }

    @Override
    public int clientShareLength() {
        return MlKem768.ENCAPSULATION_KEY_BYTES;
    }

    @Override
    public int serverShareLength() {
        return MlKem768.CIPHERTEXT_BYTES;
    }

    @Override
    public ClientKeyShare start(SecureRandom random) {
        return new Share(backend.generate(random));
    }

    /** Encapsulation against the client's key, after FIPS 203 §7.2's checks of it. */
    @Override
    public Response respond(Bytes clientShare, SecureRandom random) {
        checkLength(clientShare, clientShareLength(), "encapsulation key");
        byte[] ek = clientShare.toByteArray();
        if (!MlKem768.isValidEncapsulationKey(ek)) {
            throw new TlsFailure(FailureReason.KEY_SHARE_ENCAPSULATION_KEY_NOT_REDUCED,
                    "ML-KEM-768 encapsulation key fails the FIPS 203 modulus check (a coefficient is not below q)");
        }
        MlKem768.Encapsulation e = backend.encapsulate(ek, random);
        return new Response(Bytes.wrap(e.ciphertext()), e.sharedSecret());
    }

    private static void checkLength(Bytes share, int expected, String what) {
        if (share.length() != expected) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH,
                    "ML-KEM-768 " + what + " must be " + expected + " bytes, got " + share.length());
        }
    }

    @Override
    public String toString() {
        return "KeyExchange(ML-KEM-768, " + backend + ")";
    }

    /** A started exchange: the encapsulation key sent, the decapsulation key kept. */
    private final class Share implements ClientKeyShare {
        private final MlKemBackend.KeyPair keys;

        Share(MlKemBackend.KeyPair keys) {
            this.keys = keys;
        }

        @Override
        public NamedGroup group() {
            return NamedGroup.MLKEM768;
        }

        @Override
        public Bytes keyShare() {
            return Bytes.wrap(keys.encapsulationKey());
        }

        @Override
        public byte[] finish(Bytes serverShare) {
            checkLength(serverShare, serverShareLength(), "ciphertext");
            byte[] c = serverShare.toByteArray();
            byte[] secret = backend.decapsulate(keys, c);
            Arrays.fill(c, (byte) 0);
            return secret;
        }

        @Override
        public String toString() {
            return "KeyShare(ML-KEM-768)";
        }
    }
}
