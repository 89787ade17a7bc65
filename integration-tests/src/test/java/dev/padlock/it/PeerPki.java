package dev.padlock.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test PKI made by {@code openssl} in a directory, usable by both sides: PEM files for the
 * native peers, SunJSSE key and trust managers for Padlock. A CA (EC P-256) signs server
 * certificates for each key kind (SAN DNS:localhost, IP:127.0.0.1) and a client certificate.
 */
public final class PeerPki {
    /** The password of every key and trust store made here. */
    public static final String STORE_PASSWORD = "changeit";
    private static final char[] PASSWORD = STORE_PASSWORD.toCharArray();

    /** An end-entity key kind: its file name stem, {@code openssl genpkey} options and JCA name. */
    public enum Kind {
        RSA_2048("rsa", "RSA", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"),
        ECDSA_P256("ecdsa", "EC", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"),
        ED25519("ed25519", "Ed25519", "-algorithm", "ED25519"),
        /** The client certificate for mutual authentication. */
        CLIENT_ECDSA_P384("client", "EC", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"),
        /** A server key on P-384, for the TLS 1.2 ECDHE_ECDSA suites (last: the others keep their serials). */
        ECDSA_P384("ecdsa384", "EC", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384");

        private final String stem;
        private final String jcaAlgorithm;
        private final List<String> genpkey;

        Kind(String stem, String jcaAlgorithm, String... genpkey) {
            this.stem = stem;
            this.jcaAlgorithm = jcaAlgorithm;
            this.genpkey = List.of(genpkey);
        }
    }

    private final Path dir;

    private PeerPki(Path dir) {
        this.dir = dir;
    }

    /** Makes the CA and every {@link Kind} in {@code dir}. */
    public static PeerPki create(Path dir) {
        PeerPki pki = new PeerPki(dir);
        pki.makeCa();
        for (Kind kind : Kind.values()) {
            pki.makeEndEntity(kind, kind.ordinal() + 2L);
        }
        return pki;
    }

    private void makeCa() {
        Peer.runOk(dir, List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-out", "ca.key"));
        Peer.runOk(dir, List.of("openssl", "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=Padlock IT CA",
                "-days", "30", "-set_serial", "1", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ca.pem"));
    }

    private void makeEndEntity(Kind kind, long serial) {
        String cn = kind == Kind.CLIENT_ECDSA_P384 ? "padlock-client" : "localhost";
        write(kind.stem + ".ext", "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\n");
        List<String> gen = new ArrayList<>(List.of("openssl", "genpkey"));
        gen.addAll(kind.genpkey);
        gen.addAll(List.of("-out", kind.stem + ".key"));
        Peer.runOk(dir, gen);
        Peer.runOk(dir, List.of("openssl", "req", "-new", "-key", kind.stem + ".key", "-subj", "/CN=" + cn,
                "-out", kind.stem + ".csr"));
        Peer.runOk(dir, List.of("openssl", "x509", "-req", "-in", kind.stem + ".csr", "-CA", "ca.pem",
                "-CAkey", "ca.key", "-set_serial", Long.toString(serial), "-days", "30",
                "-extfile", kind.stem + ".ext", "-out", kind.stem + ".pem"));
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path certPem(Kind kind) {
        return dir.resolve(kind.stem + ".pem");
    }

    public Path keyPem(Kind kind) {
        return dir.resolve(kind.stem + ".key");
    }

    X509Certificate certificate(Kind kind) {
        return readCertificate(certPem(kind));
    }

    /** SunJSSE key managers holding only {@code kind}'s key and its chain (leaf, CA). */
    KeyManager[] keyManagers(Kind kind) {
        try {
            byte[] der = pemBody(Files.readString(keyPem(kind), StandardCharsets.US_ASCII), "PRIVATE KEY");
            PrivateKey key = KeyFactory.getInstance(kind.jcaAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(kind.stem, key, PASSWORD,
                    new Certificate[] {readCertificate(certPem(kind)), readCertificate(caPem())});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX", "SunJSSE");
            kmf.init(ks, PASSWORD);
            return kmf.getKeyManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the " + kind + " key", e);
        }
    }

    /** SunJSSE PKIX trust managers trusting only the CA. */
    TrustManager[] trustManagers() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX", "SunJSSE");
            tmf.init(caStore());
            return tmf.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the trust managers", e);
        }
    }

    /**
     * Writes a PKCS12 trust store holding only the CA, password {@value #STORE_PASSWORD}, for
     * programs configured by {@code javax.net.ssl.trustStore}.
     */
    public Path writeTrustStore(String name) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            caStore().store(out, STORE_PASSWORD.toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store", e);
        }
    }

    private KeyStore caStore() throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", readCertificate(caPem()));
        return ks;
    }

    private static X509Certificate readCertificate(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + pem, e);
        }
    }

    /** The base64 body between the BEGIN/END lines of a PEM block of {@code type}, decoded. */
    private static byte[] pemBody(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " PEM block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private void write(String name, String text) {
        try {
            Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
