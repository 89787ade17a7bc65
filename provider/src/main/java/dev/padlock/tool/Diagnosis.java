package dev.padlock.tool;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a handshake failed, in plain words: which alert went which way, and the likely cause.
 * The alert and its direction come from Padlock's exception message, "(alert) detail", where a
 * peer's alert reads "Received fatal alert: ..." (README, "Debugging a connection"); the cause
 * from the alert together with what the tool watched: the chain the peer presented and the
 * trust manager's verdict on it, and whether the server asked for a client certificate.
 */
final class Diagnosis {
    private static final Pattern ALERT = Pattern.compile("^\\(([a-z_0-9]+)\\) (.*)$", Pattern.DOTALL);
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied");

    /** A fatal alert of the failed connection. */
    record Alert(String name, boolean received, String detail) {}

    /**
     * What the tool knew about the failed connection.
     *
     * @param client     whether we were the client
     * @param host       the name the peer's certificate was checked against (client only)
     * @param keys       the client's watched key manager; null on the server
     * @param offered    the protocols we enabled, for the words
     * @param alpn       the ALPN protocols we offered or accept
     * @param timeoutSeconds the I/O timeout, for the words
     */
    record Context(boolean client, String host, RecordingTrustManager trust, ObservingKeyManager keys,
            List<String> offered, List<String> alpn, int timeoutSeconds, Instant now) {
        String peer() {
            return client ? "server" : "client";
        }
    }

    private Diagnosis() {
    }

    /** The fatal alert Padlock's exception reports, if any. */
    static Optional<Alert> alert(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException && t.getMessage() != null) {
                Matcher m = ALERT.matcher(t.getMessage());
                if (m.matches()) {
                    return Optional.of(new Alert(m.group(1), m.group(2).startsWith("Received fatal alert"), m.group(2)));
                }
            }
        }
        return Optional.empty();
    }

    /** "alert: certificate_unknown, sent by us (Padlock) to the server" or the received form. */
    static String alertLine(Throwable failure, Context c) {
        return alert(failure).map(a -> a.name() + (a.received() ? ", received from the " + c.peer()
                : ", sent by us (Padlock) to the " + c.peer())).orElse("none");
    }

    /** The likely cause, in a sentence that starts with a short label (tests match on it). */
    static String cause(Throwable failure, Context c) {
        Optional<String> io = ioCause(failure, c);
        if (io.isPresent()) {
            return io.get();
        }
        if (c.trust().refusal() != null) {
            return certificateCause(c.trust().refusal(), c);
        }
        Optional<Alert> alert = alert(failure);
        if (alert.isEmpty()) {
            return "the handshake failed before any alert: " + failure.getMessage();
        }
        Alert a = alert.get();
        return a.received() ? received(a, c) : sent(a, c);
    }

    private static Optional<String> ioCause(Throwable failure, Context c) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return Optional.of("unknown host: " + t.getMessage() + " does not resolve");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Optional.of("cannot connect: " + t.getMessage() + " (is a server listening on that port?)");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of("no answer within " + c.timeoutSeconds() + " s: the " + c.peer()
                        + " may not speak TLS on this port, or a firewall drops the packets");
            }
            if (t instanceof EOFException) {
                return Optional.of("the " + c.peer() + " closed the connection during the handshake without an "
                        + "alert: it may not speak TLS, or it refuses our hello without saying why");
            }
        }
        return Optional.empty();
    }

    private static String received(Alert a, Context c) {
        String peer = c.peer();
        boolean certificateAlert = CERTIFICATE_ALERTS.contains(a.name());
        if (c.client() && (a.name().equals("certificate_required")
                || certificateAlert && c.keys() != null && c.keys().requested() && !c.keys().sent())) {
            // RFC 8446 §4.4.2.4 names certificate_required; SunJSSE 17 sends bad_certificate instead.
            return "client certificate required: the server asked for a certificate and we sent none; give one "
                    + "with --cert (and --key for PEM)";
        }
        if (certificateAlert) {
            return c.client() ? "client certificate rejected: the server does not accept our certificate ("
                    + a.name() + "): is it issued by a CA the server trusts, and still valid?"
                    : "our certificate is not trusted: the client refused it (" + a.name() + "); give the client "
                            + "our CA, or serve a certificate from a CA it trusts";
        }
        switch (a.name()) {
            case "protocol_version":
                return "no common protocol version: the " + peer + " accepts none of " + c.offered()
                        + "; it likely speaks only " + olderThan(c.offered());
            case "handshake_failure":
            case "insufficient_security":
                return "no common parameters: the " + peer + " found no cipher suite, key exchange group or "
                        + "signature scheme in common with ours, or has no certificate for our signature schemes";
            case "unrecognized_name":
                return "unknown server name: the server serves no site for the name we sent (SNI); try --sni";
            case "no_application_protocol":
                return "no common ALPN protocol: we offered " + c.alpn() + " and the " + peer + " accepts none";
            default:
                return "the " + peer + " ended the handshake with " + a.name() + ": " + a.detail();
        }
    }

    /** The versions a peer that shares none of {@code offered} likely speaks. */
    private static String olderThan(List<String> offered) {
        return offered.contains("TLSv1.2") ? "TLS 1.1 or older" : "TLS 1.2 or older";
    }

    private static String sent(Alert a, Context c) {
        switch (a.name()) {
            case "protocol_version":
                return c.client()
                        ? "no common protocol version: the server chose an older TLS version than we offer "
                                + c.offered() + "; it likely speaks only " + olderThan(c.offered()) + " ("
                                + a.detail() + ")"
                        : "no common protocol version: the client offers none of " + c.offered()
                                + "; it likely speaks only " + olderThan(c.offered()) + " (" + a.detail() + ")";
            case "handshake_failure":
                return "no common parameters: " + a.detail();
            case "certificate_required":
                return "client certificate required: the client sent none and --need-client-auth asks for one";
            case "no_application_protocol":
                return "no common ALPN protocol: we accept " + c.alpn() + " and the client offered none of them";
            default:
                return "Padlock refused the " + c.peer() + "'s handshake (" + a.name() + "): " + a.detail();
        }
    }

    /** The trust manager's refusal, named from its exception first, then from the chain itself. */
    static String certificateCause(CertificateException refusal, Context c) {
        List<X509Certificate> chain = c.trust().chain();
        String whose = "the " + c.peer() + "'s certificate";
        for (Throwable t = refusal; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || reason(t) == BasicReason.EXPIRED) {
                return "expired certificate: " + whose + " chain holds " + expiredOne(chain, c.now());
            }
            if (t instanceof CertificateNotYetValidException || reason(t) == BasicReason.NOT_YET_VALID) {
                return "certificate not yet valid: " + whose + " is not valid before its start date (is the "
                        + "clock right?)";
            }
        }
        String message = String.valueOf(refusal.getMessage());
        // The JDK's trust manager checks the path first and the name after (RFC 6125 on a trusted
        // chain only), so a path failure is the first thing to fix even when the name differs too.
        if (message.contains("PKIX path") || message.contains("unable to find valid certification path")) {
            return "certificate not trusted: no PKIX path from " + whose + " to a trusted CA"
                    + (c.client() ? "; give its CA with --trust (PKCS12 or PEM), or --insecure to look anyway"
                            : "; give its CA with --trust");
        }
        boolean nameCheck = message.startsWith("No subject alternative") || message.startsWith("No name matching");
        if (nameCheck || (c.client() && !chain.isEmpty() && !CertificateReport.hostnameMatches(c.host(), chain.get(0)))) {
            List<String> names = chain.isEmpty() ? List.of() : CertificateReport.subjectAltNames(chain.get(0));
            return "hostname mismatch: " + whose + " is not for " + c.host() + "; it names " + names
                    + " (connect with that name, or --sni)";
        }
        if (!chain.isEmpty() && CertificateReport.expired(chain.get(0), c.now())) {
            return "expired certificate: " + whose + " chain holds " + expiredOne(chain, c.now());
        }
        return "certificate refused: " + whose + " is not accepted: " + message;
    }

    /** "CN=localhost, which expired on 2025-11-01 00:00 UTC (398 days ago)". */
    private static String expiredOne(List<X509Certificate> chain, Instant now) {
        for (X509Certificate cert : chain) {
            if (CertificateReport.expired(cert, now)) {
                return cert.getSubjectX500Principal().getName() + ", which expired on "
                        + CertificateReport.DAY.format(cert.getNotAfter().toInstant()) + " ("
                        + CertificateReport.validity(cert, now).substring("EXPIRED ".length()) + ")";
            }
        }
        return "an expired certificate";
    }

    private static BasicReason reason(Throwable t) {
        return t instanceof CertPathValidatorException v && v.getReason() instanceof BasicReason b ? b : null;
    }
}
