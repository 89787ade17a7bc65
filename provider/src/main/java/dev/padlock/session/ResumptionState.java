package dev.padlock.session;

import dev.padlock.crypto.PreSharedKey;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.CipherSuite;
import dev.padlock.wire.TlsFailure;
import dev.padlock.wire.TlsReader;
import dev.padlock.wire.TlsWriter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server needs to resume a session, sealed into a stateless ticket (RFC 8446 §4.6.1).
 *
 * @param suite               the suite of the original handshake; the PSK goes with its hash
 * @param psk                 HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length)
 * @param applicationProtocol the ALPN result of the original handshake ("" for none)
 * @param serverName          the host_name the client asked for ("" for none)
 * @param peerCertificates    the client's certificate chain, if it sent one
 * @param localCertificates   the server's own chain, so a resumed session reports it as SunJSSE
 *                            does (Jetty's SNI host check reads it from the session)
 * @param createdAt           when the ticket was issued, in epoch milliseconds
 * @param ticketAgeAdd        the ticket_age_add sent with the ticket
 * @param lifetimeSeconds     the ticket_lifetime sent with the ticket
 */
public record ResumptionState(CipherSuite suite, PreSharedKey psk, String applicationProtocol, String serverName,
        List<X509Certificate> peerCertificates, List<X509Certificate> localCertificates, long createdAt,
        long ticketAgeAdd, long lifetimeSeconds) {
    private static final int VERSION = 2;

    public ResumptionState {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(psk, "psk");
        Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        Objects.requireNonNull(serverName, "serverName");
        peerCertificates = List.copyOf(peerCertificates);
        localCertificates = List.copyOf(localCertificates);
    }

    /**
     * The plaintext that {@link TicketKeys#seal} protects. It holds the PSK: the caller zeroes
     * it once sealed. The writer is made large enough never to grow, so that no copy of the PSK
     * is left behind in a discarded buffer.
     */
    public byte[] encode() {
        TlsWriter w = new TlsWriter(256 + applicationProtocol.length() + serverName.length()
                + chainLength(peerCertificates) + chainLength(localCertificates));
        w.u8(VERSION);
        suite.write(w);
        psk.writeForSealing(w);
        w.vector8(Bytes.wrap(applicationProtocol.getBytes(StandardCharsets.ISO_8859_1)));
        w.vector16(Bytes.wrap(serverName.getBytes(StandardCharsets.US_ASCII)));
        writeChain(w, peerCertificates);
        writeChain(w, localCertificates);
        w.u32(createdAt >>> 32).u32(createdAt & 0xFFFFFFFFL);
        w.u32(ticketAgeAdd).u32(lifetimeSeconds);
        byte[] plaintext = w.toByteArray();
        w.zero();
        return plaintext;
    }

    /**
     * Reads what {@link #encode} wrote. It authenticated under our key, so a malformed state
     * is an old format or a bug: the ticket is not used, and the handshake goes on in full.
     * The PSK is copied straight out of {@code plaintext}, which the caller zeroes afterwards.
     */
    public static Optional<ResumptionState> decode(byte[] plaintext) {
        PreSharedKey psk = null;
        try {
            TlsReader r = TlsReader.of(plaintext, "ticket");
            if (r.u8("version") != VERSION) {
                return Optional.empty();
            }
            CipherSuite suite = CipherSuite.read(r, "suite");
            TlsReader pskField = r.sub8("psk", 32, 255);
            psk = PreSharedKey.copyOf(plaintext, pskField.position(), pskField.remaining());
            String alpn = new String(r.vector8("alpn", 0, 255).toByteArray(), StandardCharsets.ISO_8859_1);
            String sni = new String(r.vector16("server_name", 0, 0xFFFF).toByteArray(), StandardCharsets.US_ASCII);
            List<X509Certificate> certificates = readChain(r, "peer_certificates");
            List<X509Certificate> local = readChain(r, "local_certificates");
            long created = (r.u32("created_hi") << 32) | r.u32("created_lo");
            long ageAdd = r.u32("ticket_age_add");
            long lifetime = r.u32("lifetime");
            r.expectEnd();
            return Optional.of(new ResumptionState(suite, psk, alpn, sni, certificates, local, created, ageAdd,
                    lifetime));
        } catch (TlsFailure | CertificateException | ClassCastException e) {
            if (psk != null) {
                psk.destroy();
            }
            return Optional.empty();
        }
    }

    private static void writeChain(TlsWriter w, List<X509Certificate> chain) {
        w.u24Prefixed(l -> {
            for (X509Certificate c : chain) {
                l.vector24(der(c));
            }
        });
    }

    private static List<X509Certificate> readChain(TlsReader r, String field) throws CertificateException {
        TlsReader chain = r.sub24(field, 0, 0xFFFFFF);
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        while (chain.hasRemaining()) {
            byte[] der = chain.vector24("certificate", 1, 0xFFFFFF).toByteArray();
            certificates.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
        }
        return certificates;
    }

    /** The encoded length of {@code chain} as {@link #writeChain} writes it. */
    private static int chainLength(List<X509Certificate> chain) {
        int length = 3;
        for (X509Certificate c : chain) {
            length += 3 + der(c).length();
        }
        return length;
    }

    private static Bytes der(X509Certificate c) {
        try {
            return Bytes.wrap(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a certificate from the handshake cannot be encoded", e);
        }
    }

    @Override
    public String toString() {
        return "ResumptionState(" + suite + ", created " + createdAt + ", lifetime " + lifetimeSeconds + "s)";
    }
}
