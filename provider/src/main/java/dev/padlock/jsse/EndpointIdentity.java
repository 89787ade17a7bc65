package dev.padlock.jsse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Endpoint identification (RFC 2818 §3.1, RFC 6125 §6) for trust managers that cannot do it
 * themselves: the plain {@code X509TrustManager}s that {@link ExtendedManagers} wraps.
 * SunJSSE's own trust managers identify the endpoint themselves and never come here.
 */
final class EndpointIdentity {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private EndpointIdentity() {}

    /**
     * @param algorithm "HTTPS", "LDAP" or "LDAPS" (any case); null or empty checks nothing
     * @throws CertificateException when {@code host} is not named by {@code cert}, or the
     *         algorithm is unknown (as SunJSSE)
     */
    static void check(String host, X509Certificate cert, String algorithm) throws CertificateException {
        if (algorithm == null || algorithm.isEmpty()) {
            return;
        }
        if (!algorithm.equalsIgnoreCase("HTTPS") && !algorithm.equalsIgnoreCase("LDAP")
                && !algorithm.equalsIgnoreCase("LDAPS")) {
            throw new CertificateException("Unknown identification algorithm: " + algorithm);
        }
        if (host == null || host.isEmpty()) {
            throw new CertificateException("No peer host name to identify the certificate against");
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (isIpLiteral(h)) {
            matchIp(h, cert);
        } else {
            matchDns(h, cert);
        }
    }

    private static boolean isIpLiteral(String h) {
        return h.indexOf(':') >= 0 || h.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    private static void matchIp(String host, X509Certificate cert) throws CertificateException {
        InetAddress want = literal(host);
        for (String ip : subjectAltNames(cert, SAN_IP)) {
            if (want.equals(literal(ip))) {
                return;
            }
        }
        throw new CertificateException("No subject alternative name of the certificate matches IP address " + host);
    }

    private static InetAddress literal(String ip) throws CertificateException {
        try {
            // A literal: InetAddress parses it without any name service lookup.
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new CertificateException("Not an IP address: " + ip, e);
        }
    }

    private static void matchDns(String host, X509Certificate cert) throws CertificateException {
        List<String> names = subjectAltNames(cert, SAN_DNS);
        // RFC 2818 §3.1: the common name counts only when there is no dNSName.
        if (names.isEmpty()) {
            names = commonNames(cert);
        }
        for (String name : names) {
            if (matches(host, name)) {
                return;
            }
        }
        throw new CertificateException("No name of the certificate matches " + host + " (names: " + names + ")");
    }

    /**
     * Case-insensitive; a wildcard is allowed only as the whole leftmost label, matches exactly
     * one label, and needs at least two labels after it (RFC 6125 §6.4.3).
     */
    static boolean matches(String host, String pattern) {
        String h = host.toLowerCase(Locale.ROOT);
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.endsWith(".")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.startsWith("*.")) {
            return !p.contains("*") && h.equals(p);
        }
        String suffix = p.substring(1);
        if (suffix.contains("*") || suffix.indexOf('.', 1) < 0) {
            return false;
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(suffix);
    }

    private static List<String> subjectAltNames(X509Certificate cert, int type) throws CertificateParsingException {
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        List<String> out = new ArrayList<>();
        if (sans != null) {
            for (List<?> san : sans) {
                if (san.size() >= 2 && san.get(0) instanceof Integer t && t == type && san.get(1) instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * The most specific common name, as RFC 6125 §6.4.4 and SunJSSE take it. RFC 2253 puts the
     * most specific RDN first; values are unescaped, hex-encoded (non-string) values skipped.
     */
    static List<String> commonNames(X509Certificate cert) {
        String dn = cert.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        int i = 0;
        while (i < dn.length()) {
            int end = i;
            StringBuilder value = new StringBuilder();
            boolean inValue = false;
            String type = null;
            for (; end < dn.length(); end++) {
                char c = dn.charAt(end);
                if (c == '\\' && end + 1 < dn.length()) {
                    value.append(dn.charAt(++end));
                } else if (c == ',' || c == '+') {
                    break;
                } else if (c == '=' && !inValue) {
                    type = value.toString().trim();
                    value.setLength(0);
                    inValue = true;
                } else {
                    value.append(c);
                }
            }
            if ("CN".equalsIgnoreCase(type) && value.length() > 0 && value.charAt(0) != '#') {
                return List.of(value.toString());
            }
            i = end + 1;
        }
        return List.of();
    }
}
