package dev.padlock.crypto;

import dev.padlock.wire.Bytes;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.NamedGroup;
import dev.padlock.wire.TlsFailure;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A hybrid group made of two key exchanges run side by side, as draft-ietf-tls-ecdhe-mlkem
 * defines X25519MLKEM768 (0x11EC): each key_share is the first component's followed by the
 * second's, and so is the shared secret. For X25519MLKEM768 the first component is ML-KEM-768
 * (client: encapsulation key ‖ X25519 share; server: ciphertext ‖ X25519 share; secret: ML-KEM
 * secret ‖ X25519 secret); for SecP256r1MLKEM768 the ECDH component comes first. Every component
 * share has a fixed length, so a peer's share of any other length is {@code illegal_parameter}
 * and splitting it needs no parsing.
 */
final class HybridKeyExchange implements KeyExchange {
    private final NamedGroup group;
    private final KeyExchange first;
    private final KeyExchange second;

    HybridKeyExchange(NamedGroup group, KeyExchange first, KeyExchange second) {
        this.group = group;
        this.first = first;
        this.second = second;
    }

    @Override
    public NamedGroup group() {
        return group;
    }

    @Override
    public int clientShareLength() {
        return first.clientShareLength() + second.clientShareLength();
    }

    @Override
    public int serverShareLength() {
        return first.serverShareLength() + second.serverShareLength();
    }

    @Override
    public ClientKeyShare start(SecureRandom random) {
        return new Share(first.start(random), second.start(random));
    }

    @Override
    public Response respond(Bytes clientShare, SecureRandom random) {
        checkLength(clientShare, clientShareLength());
        int split = first.clientShareLength();
        Response a = first.respond(clientShare.slice(0, split), random);
        Response b;
        try {
            b = second.respond(clientShare.slice(split, clientShare.length()), random);
        } catch (RuntimeException e) {
            Arrays.fill(a.sharedSecret(), (byte) 0);
            throw e;
        }
        return new Response(a.keyShare().concat(b.keyShare()), concatAndErase(a.sharedSecret(), b.sharedSecret()));
    }

    private void checkLength(Bytes share, int expected) {
        if (share.length() != expected) {
            throw new TlsFailure(FailureReason.KEY_SHARE_WRONG_LENGTH,
                    group + " key_exchange must be " + expected + " bytes, got "
                    + share.length());
        }
    }

    private static byte[] concatAndErase(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.fill(a, (byte) 0);
        Arrays.fill(b, (byte) 0);
        return out;
    }

    @Override
    public String toString() {
        return "KeyExchange(" + group + ")";
    }

    /** The client's two started component exchanges. */
    private final class Share implements ClientKeyShare {
        private final ClientKeyShare a;
        private final ClientKeyShare b;

        Share(ClientKeyShare a, ClientKeyShare b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public NamedGroup group() {
            return group;
        }

        @Override
        public Bytes keyShare() {
            return a.keyShare().concat(b.keyShare());
        }

        @Override
        public byte[] finish(Bytes serverShare) {
            checkLength(serverShare, serverShareLength());
            int split = first.serverShareLength();
            byte[] secretA = a.finish(serverShare.slice(0, split));
            byte[] secretB;
            try {
                secretB = b.finish(serverShare.slice(split, serverShare.length()));
            } catch (RuntimeException e) {
                Arrays.fill(secretA, (byte) 0);
                throw e;
            }
            return concatAndErase(secretA, secretB);
        }

        @Override
        public String toString() {
            return "KeyShare(" + group + ")";
        }
    }
}
