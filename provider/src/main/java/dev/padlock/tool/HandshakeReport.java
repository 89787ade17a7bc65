package dev.padlock.tool;

import dev.padlock.Padlock;
import java.io.PrintStream;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** What a completed handshake negotiated, one "name: value" line each, for connect and serve alike. */
final class HandshakeReport {
    private HandshakeReport() {
    }

    static void printNegotiated(PrintStream out, SSLSocket socket) {
        SSLSession session = socket.getSession();
        String alpn = socket.getApplicationProtocol();
        out.println("protocol:   " + session.getProtocol());
        out.println("suite:      " + session.getCipherSuite());
        out.println("group:      " + Padlock.negotiatedGroup(session).orElse("(unknown)"));
        out.println("ALPN:       " + (alpn == null || alpn.isEmpty() ? "(none)" : alpn));
        out.println("resumed:    " + (Padlock.isResumed(session) ? "yes (PSK from a session ticket)" : "no"));
    }

    /** The SNI names a client asked a server for. */
    static void printRequestedNames(PrintStream out, SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            List<SNIServerName> names = extended.getRequestedServerNames();
            out.println("SNI:        " + (names.isEmpty() ? "(none)" : names.stream()
                    .map(n -> n instanceof SNIHostName h ? h.getAsciiName() : n.toString()).toList()));
        }
    }

    /** The peer's chain from the session; false when the peer sent none. */
    static boolean printPeerChain(PrintStream out, SSLSession session, String title, Instant now) {
        try {
            List<X509Certificate> chain = x509(session.getPeerCertificates());
            CertificateReport.printChain(out, title, chain, now);
            return true;
        } catch (SSLPeerUnverifiedException none) {
            out.println(title + ": none");
            return false;
        }
    }

    /** The peer's X.509 chain; empty when it sent none. */
    static List<X509Certificate> peerChain(SSLSession session) {
        try {
            return x509(session.getPeerCertificates());
        } catch (SSLPeerUnverifiedException none) {
            return List.of();
        }
    }

    static List<X509Certificate> x509(Certificate[] certificates) {
        return List.of(certificates).stream().filter(X509Certificate.class::isInstance)
                .map(X509Certificate.class::cast).toList();
    }
}
