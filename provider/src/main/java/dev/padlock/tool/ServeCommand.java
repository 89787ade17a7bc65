package dev.padlock.tool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * {@code padlock serve}: a TLS server that prints each handshake as {@code connect} does, greets
 * with "hello from padlock" and echoes lines back, one connection at a time, until killed or,
 * with {@code --once}, after the first connection. Without {@code --cert} it makes a
 * self-signed certificate for localhost and prints it, for clients to trust.
 */
final class ServeCommand {
    static final Set<String> VALUED = Set.of("port", "bind", "cert", "key", "password", "trust", "alpn", "protocols",
            "groups", "keylog", "timeout");
    static final Set<String> FLAGS = Set.of("need-client-auth", "once", "debug");
    static final String GREETING = "hello from padlock";
    /** Lines a connection may echo, so that one client cannot hold the server forever. */
    private static final int MAX_LINES = 1000;
    private static final int MAX_LINE = 16 * 1024;

    private ServeCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException {
        Options o = Options.parse(args, VALUED, FLAGS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("serve takes no positional argument: " + o.positional().get(0));
        }
        if (o.value("key").isPresent() && o.value("cert").isEmpty()) {
            throw new UsageException("--key needs --cert");
        }
        char[] password = o.value("password").map(String::toCharArray).orElse(null);
        RecordingTrustManager trust = new RecordingTrustManager(
                KeyFiles.trustManager(o.path("trust").orElse(null), password), false);
        X509Certificate selfSigned = null;
        X509ExtendedKeyManager keys;
        if (o.value("cert").isPresent()) {
            keys = KeyFiles.keyManager(o.path("cert").get(), o.path("key").orElse(null), password);
        } else {
            try {
                KeyStore ks = SelfSigned.localhost(Instant.now());
                selfSigned = (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
                keys = KeyFiles.keyManager(ks, SelfSigned.PASSWORD);
            } catch (GeneralSecurityException e) {
                out.println("cannot make a self-signed certificate: " + e.getMessage() + "; give one with --cert");
                return 1;
            }
        }
        SSLContext context = Contexts.create(new Contexts.Diagnostics(o.flag("debug"), o.path("keylog").orElse(null),
                o.list("groups")), keys, trust);
        int timeout = o.integer("timeout", 0, 0, 3600);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(
                o.integer("port", 0, 0, 65535), 50, InetAddress.getByName(o.value("bind").orElse("127.0.0.1")))) {
            configure(server, o);
            // Without --timeout a server waits for its next client as long as it runs.
            server.setSoTimeout(timeout * 1000);
            out.println("listening on " + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
            if (selfSigned != null) {
                printSelfSigned(out, selfSigned);
            }
            out.flush();
            do {
                int code = serveOne(server, trust, o, timeout, out);
                if (o.flag("once")) {
                    return code;
                }
            } while (true);
        } catch (SocketTimeoutException e) {
            out.println("no client connected within " + timeout + " s");
            return 1;
        } catch (IOException e) {
            out.println("cannot listen: " + e.getMessage());
            return 1;
        }
    }

    private static void printSelfSigned(PrintStream out, X509Certificate certificate) {
        out.println("certificate: self-signed (no --cert), EC P-256 for localhost and 127.0.0.1, valid until "
                + CertificateReport.DAY.format(certificate.getNotAfter().toInstant())
                + "; a client trusts it with --trust and this PEM:");
        try {
            out.println("-----BEGIN CERTIFICATE-----");
            out.println(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()));
            out.println("-----END CERTIFICATE-----");
        } catch (CertificateEncodingException e) {
            out.println("(cannot encode it: " + e.getMessage() + ")");
        }
    }

    private static void configure(SSLServerSocket server, Options o) throws UsageException {
        SSLParameters p = server.getSSLParameters();
        p.setNeedClientAuth(o.flag("need-client-auth"));
        List<String> alpn = o.list("alpn");
        if (!alpn.isEmpty()) {
            p.setApplicationProtocols(alpn.toArray(String[]::new));
        }
        List<String> protocols = o.list("protocols");
        if (!protocols.isEmpty()) {
            p.setProtocols(protocols.toArray(String[]::new));
        }
        try {
            server.setSSLParameters(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** One client: 0 when its handshake completed, 1 when it failed. */
    private static int serveOne(SSLServerSocket server, RecordingTrustManager trust, Options o, int timeout,
            PrintStream out) throws IOException, UsageException {
        trust.reset();
        try (SSLSocket s = (SSLSocket) server.accept()) {
            out.println();
            out.println("connection from " + s.getInetAddress().getHostAddress() + ":" + s.getPort());
            // Every accepted socket has a timeout; a silent client is dropped after --timeout (default 30 s).
            s.setSoTimeout((timeout == 0 ? 30 : timeout) * 1000);
            try {
                s.startHandshake();
            } catch (IOException e) {
                Diagnosis.Context c = new Diagnosis.Context(false, null, trust, null,
                        o.list("protocols").isEmpty() ? List.of("TLSv1.3", "TLSv1.2") : o.list("protocols"), o.list("alpn"),
                        timeout == 0 ? 30 : timeout, Instant.now());
                out.println("handshake failed: " + e);
                out.println("alert:      " + Diagnosis.alertLine(e, c));
                out.println("cause:      " + Diagnosis.cause(e, c));
                return 1;
            }
            out.println("handshake:  ok");
            HandshakeReport.printNegotiated(out, s);
            HandshakeReport.printRequestedNames(out, s.getSession());
            HandshakeReport.printPeerChain(out, s.getSession(), "client certificate chain", Instant.now());
            out.flush();
            echo(s, out);
            return 0;
        }
    }

    private static void echo(SSLSocket s, PrintStream out) {
        try {
            OutputStream to = s.getOutputStream();
            to.write((GREETING + "\n").getBytes(StandardCharsets.UTF_8));
            to.flush();
            InputStream from = s.getInputStream();
            byte[] line;
            for (int i = 0; i < MAX_LINES && (line = readLine(from)) != null; i++) {
                out.println("client says: " + ConnectCommand.printable(new String(line, StandardCharsets.UTF_8)));
                to.write(line);
                to.write('\n');
                to.flush();
            }
            out.println("closed");
        } catch (IOException e) {
            out.println("connection ended: " + e.getMessage());
        }
    }

    /** One line without its end, at most {@link #MAX_LINE} bytes (a longer one is cut); null at the end. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() < MAX_LINE && b != '\r') {
                line.write(b);
            }
        }
        return b < 0 && line.size() == 0 ? null : line.toByteArray();
    }
}
