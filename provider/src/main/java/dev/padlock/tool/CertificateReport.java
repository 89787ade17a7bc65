package dev.padlock.tool;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/** A certificate chain in plain words, and whether a host name matches its end entity. */
final class CertificateReport {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateReport() {
    }

    static void printChain(PrintStream out, String title, List<X509Certificate> chain, Instant now) {
        out.println(title + " (" + chain.size() + (chain.size() == 1 ? " certificate):" : " certificates):"));
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            out.println("  " + i + " subject: " + c.getSubjectX500Principal().getName(X500Principal.RFC2253));
            out.println("    issuer:  " + c.getIssuerX500Principal().getName(X500Principal.RFC2253));
            out.println("    key:     " + describeKey(c.getPublicKey()) + ", signed with " + c.getSigAlgName());
            out.println("    valid:   " + DAY.format(c.getNotBefore().toInstant()) + " to "
                    + DAY.format(c.getNotAfter().toInstant()) + " (" + validity(c, now) + ")");
            List<String> names = subjectAltNames(c);
            if (!names.isEmpty()) {
                out.println("    SAN:     " + String.join(", ", names));
            }
        }
    }

    static String describeKey(PublicKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA " + rsa.getModulus().bitLength() + " bits";
        }
        if (key instanceof ECKey ec) {
            return "EC " + ec.getParams().getOrder().bitLength() + " bits";
        }
        return key.getAlgorithm();
    }

    /** "312 days left", "expired 30 days ago" or "not valid for another 2 days". */
    static String validity(X509Certificate c, Instant now) {
        Instant notAfter = c.getNotAfter().toInstant();
        Instant notBefore = c.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            return "EXPIRED " + days(Duration.between(notAfter, now)) + " ago";
        }
        if (now.isBefore(notBefore)) {
            return "NOT YET VALID, starts in " + days(Duration.between(now, notBefore));
        }
        return days(Duration.between(now, notAfter)) + " left";
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    static boolean expired(X509Certificate c, Instant now) {
        return now.isAfter(c.getNotAfter().toInstant());
    }

    static boolean notYetValid(X509Certificate c, Instant now) {
        return now.isBefore(c.getNotBefore().toInstant());
    }

    /** "DNS:localhost", "IP:127.0.0.1", ... */
    static List<String> subjectAltNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        for (List<?> san : sans(c)) {
            int type = (Integer) san.get(0);
            if (type == SAN_DNS) {
                names.add("DNS:" + san.get(1));
            } else if (type == SAN_IP) {
                names.add("IP:" + san.get(1));
            }
        }
        return names;
    }

    private static Collection<List<?>> sans(X509Certificate c) {
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /**
     * RFC 6125 §6.4 as HTTPS clients apply it: an IP literal matches an IP address SAN; a DNS name
     * matches a DNS SAN, where "*" may stand for the whole leftmost label only; the subject CN
     * counts only when the certificate has no DNS SAN (RFC 6125 §6.4.4).
     */
    static boolean hostnameMatches(String host, X509Certificate c) {
        String lower = host.toLowerCase(Locale.ROOT);
        String h = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (isIpLiteral(h)) {
            return sans(c).stream().anyMatch(san -> (Integer) san.get(0) == SAN_IP && sameAddress(h, (String) san.get(1)));
        }
        List<String> dns = new ArrayList<>();
        sans(c).stream().filter(san -> (Integer) san.get(0) == SAN_DNS).forEach(san -> dns.add((String) san.get(1)));
        if (dns.isEmpty()) {
            commonName(c).ifPresent(dns::add);
        }
        for (String pattern : dns) {
            if (dnsMatches(h, pattern.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean dnsMatches(String host, String pattern) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot).equals(pattern.substring(1));
        }
        return host.equals(pattern);
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals: getByName parses them without a DNS lookup.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> commonName(X509Certificate c) {
        for (String rdn : c.getSubjectX500Principal().getName(X500Principal.RFC2253).split(",")) {
            if (rdn.startsWith("CN=")) {
                return Optional.of(rdn.substring(3));
            }
        }
        return Optional.empty();
    }
}
