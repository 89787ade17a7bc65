package dev.padlock.handshake.tls13;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.EarlySecret;
import dev.padlock.crypto.PreSharedKey;
import dev.padlock.handshake.ClientAuth;
import dev.padlock.session.ResumptionState;
import dev.padlock.session.TicketKeys;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.PreSharedKeyClientHello;
import dev.padlock.wire.PskIdentity;
import dev.padlock.wire.PskKeyExchangeMode;
import dev.padlock.wire.PskKeyExchangeModesExtension;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.TlsFailure;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.StandardConstants;

/**
 * Server: chooses a PSK from the client's pre_shared_key (RFC 8446 §4.2.11). Identities are
 * our sealed tickets; the first that opens and fits is taken, and its binder must verify. A
 * ticket we cannot use (unknown key, expired, another hash, another server name) is no error:
 * the handshake simply goes on in full. Only psk_dhe_ke is done: a fresh (EC)DHE always.
 */
final class PskAcceptor {
    /**
     * How far the client's idea of the ticket's age may be from ours. Without 0-RTT the age
     * guards against nothing but a badly broken client or a ticket lifted from elsewhere, so
     * the window is generous toward slow networks and clock drift.
     */
    static final long AGE_TOLERANCE_MILLIS = 10_000;

    /**
     * How many of the client's identities the server tries to open, in the order offered. Each
     * try is an AEAD decryption of a ticket, and one ClientHello may list thousands of
     * identities at almost no cost to the client: identities past these are ignored, and if
     * none of these is usable the handshake goes on in full. Go's crypto/tls stops at 5 for
     * the same reason; a real client offers one or a few.
     */
    static final int MAX_IDENTITIES_TRIED = 5;

    /**
     * The PSK chosen: its index among the client's identities, what its ticket held (the PSK
     * itself already erased), and the Early Secret that the PSK became and its binder proved.
     */
    record Accepted(int index, ResumptionState state, EarlySecret earlySecret) {
    }

    private PskAcceptor() {
    }

    /**
     * @param raw   the ClientHello's exact bytes, header included, not yet in the transcript
     * @param suite the suite chosen for this handshake; the transcript has begun with it
     */
    static Optional<Accepted> accept(ServerHandshaker hs, ClientHello hello, Bytes raw, CipherSuiteSpec suite) {
        Optional<PreSharedKeyClientHello> offer = hello.extension(PreSharedKeyClientHello.class);
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        // ExpectClientHello already refused pre_shared_key without psk_key_exchange_modes (§4.2.9).
        List<PskKeyExchangeMode> modes = hello.extension(PskKeyExchangeModesExtension.class).orElseThrow().modes();
        List<PskIdentity> identities = offer.get().identities();
        List<Bytes> binders = offer.get().binders();
        if (identities.size() != binders.size()) {
            throw new TlsFailure(FailureReason.PSK_IDENTITY_BINDER_COUNT_MISMATCH,
                    "pre_shared_key has " + identities.size() + " identities but "
                    + binders.size() + " binders");
        }
        TicketKeys keys = hs.config.resumption().ticketKeys();
        if (keys == null || !modes.contains(PskKeyExchangeMode.PSK_DHE_KE)) {
            return Optional.empty();
        }
        String serverName = hostName(hello);
        long now = hs.config.clock().millis();
        int tried = Math.min(identities.size(), MAX_IDENTITIES_TRIED);
        for (int i = 0; i < tried; i++) {
            PskIdentity identity = identities.get(i);
            Optional<byte[]> plaintext = keys.open(identity.identity().toByteArray());
            Optional<ResumptionState> state = plaintext.flatMap(ResumptionState::decode);
            plaintext.ifPresent(p -> Arrays.fill(p, (byte) 0));
            if (state.isPresent() && usable(hs, state.get(), identity, suite, serverName, now)) {
                EarlySecret early = verifyBinder(hs, hello, raw, suite, state.get(), binders.get(i));
                return Optional.of(new Accepted(i, state.get(), early));
            }
            state.ifPresent(s -> s.psk().destroy());
        }
        return Optional.empty();
    }

    private static boolean usable(ServerHandshaker hs, ResumptionState state, PskIdentity identity,
            CipherSuiteSpec suite, String serverName, long now) {
        Optional<CipherSuiteSpec> original = CipherSuiteSpec.of(state.suite());
        long age = now - state.createdAt();
        long clientAge = (identity.obfuscatedTicketAge() - state.ticketAgeAdd()) & 0xFFFFFFFFL;
        return original.isPresent()
                // A TLS 1.2 ticket holds a master secret, not a PSK (RFC 5077 §4).
                && !original.get().isTls12()
                // RFC 8446 §4.2.11: the PSK goes only with a suite of its own hash.
                && original.get().hashAlgorithm().equals(suite.hashAlgorithm())
                && state.psk().length() == suite.hashLength()
                // §4.6.1: never beyond its lifetime.
                && age >= 0 && age < state.lifetimeSeconds() * 1000
                && Math.abs(clientAge - age) <= AGE_TOLERANCE_MILLIS
                // §4.2.11: a PSK is tied to the server name it was made for.
                && state.serverName().equalsIgnoreCase(serverName)
                // A server that now requires a client certificate does not resume a session without one.
                && !(hs.config.clientAuth() == ClientAuth.REQUIRED && state.peerCertificates().isEmpty());
    }

    /**
     * RFC 8446 §4.2.11.2: the binder over Truncate(ClientHello), checked in constant time.
     * Returns the Early Secret, from which the handshake goes on; the PSK is erased (§7.1: it
     * has no use beyond the Early Secret).
     */
    private static EarlySecret verifyBinder(ServerHandshaker hs, ClientHello hello, Bytes raw, CipherSuiteSpec suite,
            ResumptionState state, Bytes binder) {
        Bytes truncated = raw.slice(0, raw.length() - hello.bindersLength());
        PreSharedKey psk = hs.secrets.hold("psk", state.psk());
        EarlySecret early = hs.secrets.hold("early_secret", EarlySecret.withPsk(suite, psk));
        hs.secrets.erase(psk);
        if (!early.verifyBinder(true, hs.transcript.hashOf(truncated), binder.toByteArray())) {
            throw new TlsFailure(FailureReason.BINDER_MISMATCH, "the PSK binder does not verify");
        }
        return early;
    }

    /** The host_name the client asked for, or "". */
    static String hostName(ClientHello hello) {
        for (ServerName name : hello.extension(ServerNameExtension.class).map(ServerNameExtension::names)
                .orElse(List.of())) {
            if (name.nameType() == StandardConstants.SNI_HOST_NAME) {
                return new String(name.name().toByteArray(), StandardCharsets.US_ASCII);
            }
        }
        return "";
    }
}
