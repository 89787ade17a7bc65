package dev.padlock.tool;

import dev.padlock.Padlock;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * {@code padlock connect host:port}: one handshake (two with {@code --reconnect}), then what it
 * negotiated and the server's chain, or why it failed.
 */
final class ConnectCommand {
    static final Set<String> VALUED = Set.of("sni", "alpn", "protocols", "groups", "suites", "trust", "password",
            "cert", "key", "keylog", "timeout");
    static final Set<String> FLAGS = Set.of("insecure", "debug", "reconnect");

    /**
     * How long to wait after the handshake for the server's first records: session tickets (which
     * {@code --reconnect} needs), a greeting, or the alert of a server that rejects our client
     * certificate, which in TLS 1.3 comes after our side of the handshake is done (RFC 8446 §4.4.2.4).
     */
    private static final int READ_WINDOW_MILLIS = 1000;

    /** Everything one connection attempt needs, from the command line. */
    record Settings(Target target, String sni, List<String> alpn, List<String> protocols, List<String> suites,
            int timeoutSeconds, boolean insecure, Contexts.Diagnostics diagnostics) {
        /** The name the server's certificate must carry. */
        String checkedName() {
            return sni != null ? sni : target.host();
        }
    }

    private ConnectCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (o.positional().size() != 1) {
            throw new UsageException("connect needs exactly one host:port");
        }
        Settings s = new Settings(Target.parse(o.positional().get(0)), o.value("sni").orElse(null), o.list("alpn"),
                o.list("protocols"), o.list("suites"), o.integer("timeout", 10, 1, 3600), o.flag("insecure"),
                new Contexts.Diagnostics(o.flag("debug"), o.path("keylog").orElse(null), o.list("groups")));
        char[] password = o.value("password").map(String::toCharArray).orElse(null);
        if (o.value("key").isPresent() && o.value("cert").isEmpty()) {
            throw new UsageException("--key needs --cert");
        }
        X509ExtendedKeyManager own = o.value("cert").isPresent()
                ? KeyFiles.keyManager(o.path("cert").get(), o.path("key").orElse(null), password) : null;
        ObservingKeyManager keys = new ObservingKeyManager(own);
        RecordingTrustManager trust = new RecordingTrustManager(
                KeyFiles.trustManager(o.path("trust").orElse(null), password), s.insecure());
        SSLContext context = Contexts.create(s.diagnostics(), keys, trust);
        out.println("connecting to " + s.target() + " with Padlock");
        int code = connectOnce(s, context, trust, keys, out);
        if (code == 0 && o.flag("reconnect")) {
            out.println();
            out.println("reconnecting to " + s.target() + " (a ticket from the first connection should resume it)");
            code = connectOnce(s, context, trust, keys, out);
        }
        return code;
    }

    private static int connectOnce(Settings s, SSLContext context, RecordingTrustManager trust,
            ObservingKeyManager keys, PrintStream out) throws UsageException {
        trust.reset();
        keys.reset();
        try (SSLSocket ssl = handshake(s, context)) {
            String greeting = awaitServer(ssl, s);
            printSuccess(out, ssl, s, trust.insecure(), greeting);
            return 0;
        } catch (IOException e) {
            Diagnosis.Context c = new Diagnosis.Context(true, s.checkedName(), trust, keys,
                    s.protocols().isEmpty() ? List.of("TLSv1.3", "TLSv1.2") : s.protocols(), s.alpn(), s.timeoutSeconds(),
                    Instant.now());
            out.println("handshake failed: " + e);
            out.println("alert:      " + Diagnosis.alertLine(e, c));
            out.println("cause:      " + probedCause(e, s, c).orElseGet(() -> Diagnosis.cause(e, c)));
            if (!trust.chain().isEmpty()) {
                CertificateReport.printChain(out, "server certificate chain", trust.chain(), c.now());
                printHostname(out, s, trust.chain());
            }
            return 1;
        }
    }

    /** Connects, configures and completes the handshake; the caller closes the socket. */
    private static SSLSocket handshake(Settings s, SSLContext context) throws IOException, UsageException {
        Socket raw = new Socket();
        SSLSocket ssl = null;
        try {
            raw.connect(new InetSocketAddress(s.target().host(), s.target().port()), s.timeoutSeconds() * 1000);
            raw.setSoTimeout(s.timeoutSeconds() * 1000);
            ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, s.target().host(), s.target().port(), true);
            configure(ssl, s);
            ssl.startHandshake();
            return ssl;
        } catch (IOException | UsageException | RuntimeException e) {
            (ssl != null ? ssl : raw).close();
            throw e;
        }
    }

    private static void configure(SSLSocket ssl, Settings s) throws UsageException {
        SSLParameters p = ssl.getSSLParameters();
        if (!s.insecure()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (s.sni() != null) {
            try {
                p.setServerNames(List.of(new SNIHostName(s.sni())));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sni " + s.sni() + " is not a host name: " + e.getMessage());
            }
        }
        if (!s.alpn().isEmpty()) {
            p.setApplicationProtocols(s.alpn().toArray(String[]::new));
        }
        if (!s.protocols().isEmpty()) {
            p.setProtocols(s.protocols().toArray(String[]::new));
        }
        if (!s.suites().isEmpty()) {
            p.setCipherSuites(s.suites().toArray(String[]::new));
        }
        try {
            ssl.setSSLParameters(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The first line the server sends within the read window; null when it sends nothing. */
    private static String awaitServer(SSLSocket ssl, Settings s) throws IOException {
        ssl.setSoTimeout(Math.min(READ_WINDOW_MILLIS, s.timeoutSeconds() * 1000));
        byte[] buffer = new byte[256];
        try {
            int n = ssl.getInputStream().read(buffer);
            if (n < 0) {
                return "(nothing: it closed the connection)";
            }
            String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            return printable(eol >= 0 ? text.substring(0, eol) : text);
        } catch (SocketTimeoutException quiet) {
            return null;
        }
    }

    /** A peer's bytes, shown without control characters that could rewrite the terminal. */
    static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> b.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return b.toString().strip();
    }

    private static void printSuccess(PrintStream out, SSLSocket ssl, Settings s, boolean insecure, String greeting) {
        Instant now = Instant.now();
        SSLSession session = ssl.getSession();
        out.println("handshake:  ok");
        HandshakeReport.printNegotiated(out, ssl);
        // A resumed handshake carries no certificate (RFC 8446 §2.2): the chain is the original one.
        boolean resumed = Padlock.isResumed(session);
        String title = resumed ? "server certificate chain, from the resumed session" : "server certificate chain";
        if (HandshakeReport.printPeerChain(out, session, title, now)) {
            printHostname(out, s, HandshakeReport.peerChain(session));
        }
        out.println("trust:      " + (insecure ? "NOT verified (--insecure)"
                : "verified: a PKIX path to a trusted CA, and the hostname" + (resumed ? " (when the session was made)"
                        : "")));
        if (greeting != null) {
            out.println("server says: " + greeting);
        }
    }

    private static void printHostname(PrintStream out, Settings s, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return;
        }
        boolean match = CertificateReport.hostnameMatches(s.checkedName(), chain.get(0));
        out.println("hostname:   " + s.checkedName() + (match ? " matches the certificate"
                : " does NOT match the certificate (its names: " + CertificateReport.subjectAltNames(chain.get(0)) + ")"));
    }

    /**
     * A server's handshake_failure does not say what it missed. When the user narrowed the
     * groups or suites, one more handshake offering all of Padlock's tells whether that was it.
     */
    private static Optional<String> probedCause(IOException failure, Settings s, Diagnosis.Context c)
            throws UsageException {
        Optional<Diagnosis.Alert> alert = Diagnosis.alert(failure);
        if (alert.isEmpty() || !alert.get().received() || !alert.get().name().equals("handshake_failure")) {
            return Optional.empty();
        }
        if (!s.diagnostics().groups().isEmpty()) {
            Settings wide = new Settings(s.target(), s.sni(), s.alpn(), s.protocols(), s.suites(), s.timeoutSeconds(),
                    true, new Contexts.Diagnostics(false, null, List.of()));
            Optional<SSLSession> probe = probe(wide);
            if (probe.isPresent()) {
                return Optional.of("no common key exchange group: we offered " + s.diagnostics().groups()
                        + "; the server accepts " + Padlock.negotiatedGroup(probe.get()).orElse("another")
                        + " (a second handshake offering all of Padlock's groups chose it)");
            }
        }
        if (!s.suites().isEmpty()) {
            Settings wide = new Settings(s.target(), s.sni(), s.alpn(), s.protocols(), List.of(), s.timeoutSeconds(),
                    true, new Contexts.Diagnostics(false, null, s.diagnostics().groups()));
            Optional<SSLSession> probe = probe(wide);
            if (probe.isPresent()) {
                return Optional.of("no common cipher suite: we offered " + s.suites() + "; the server accepts "
                        + probe.get().getCipherSuite() + " (a second handshake offering all of Padlock's suites "
                        + "chose it)");
            }
        }
        return Optional.empty();
    }

    /** One quiet handshake that trusts any chain: only what the server selects matters here. */
    private static Optional<SSLSession> probe(Settings wide) throws UsageException {
        RecordingTrustManager anyChain = new RecordingTrustManager(null, true);
        SSLContext context = Contexts.create(wide.diagnostics(), new ObservingKeyManager(null), anyChain);
        try (SSLSocket ssl = handshake(wide, context)) {
            return Optional.of(ssl.getSession());
        } catch (IOException stillFails) {
            return Optional.empty();
        }
    }
}
