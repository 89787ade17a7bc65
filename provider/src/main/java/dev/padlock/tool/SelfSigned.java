package dev.padlock.tool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A self-signed EC P-256 certificate for {@code serve} without {@code --cert}. The JDK has no
 * public API to make a certificate (keytool's code is in sun.security), so the X.509 v3 DER
 * (RFC 5280 §4.1) is written here and signed through the JCA; the JDK's CertificateFactory then
 * parses it, which checks the encoding.
 */
final class SelfSigned {
    static final char[] PASSWORD = "padlock".toCharArray();
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private SelfSigned() {
    }

    /** A PKCS12 store (password {@link #PASSWORD}) with one key for "localhost" and 127.0.0.1. */
    static KeyStore localhost(Instant now) throws GeneralSecurityException {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = kpg.generateKeyPair();
        X509Certificate certificate = certificate(pair, "localhost", List.of("localhost"),
                List.of(InetAddress.getLoopbackAddress().getAddress()), now);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try {
            ks.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        ks.setKeyEntry("self-signed", pair.getPrivate(), PASSWORD, new Certificate[] {certificate});
        return ks;
    }

    static X509Certificate certificate(KeyPair pair, String commonName, List<String> dnsNames, List<byte[]> ips,
            Instant now) throws GeneralSecurityException {
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        ByteArrayOutputStream altNames = new ByteArrayOutputStream();
        dnsNames.forEach(d -> altNames.writeBytes(tlv(0x82, d.getBytes(StandardCharsets.US_ASCII))));
        ips.forEach(ip -> altNames.writeBytes(tlv(0x87, ip)));
        byte[] extensions = sequence(
                // keyUsage digitalSignature, critical (RFC 5280 §4.2.1.3): BIT STRING 0x80, 7 unused bits
                sequence(oid(KEY_USAGE), tlv(0x01, new byte[] {(byte) 0xFF}),
                        tlv(0x04, tlv(0x03, new byte[] {7, (byte) 0x80}))),
                sequence(oid(SUBJECT_ALT_NAME), tlv(0x04, tlv(0x30, altNames.toByteArray()))),
                sequence(oid(EXT_KEY_USAGE), tlv(0x04, sequence(oid(SERVER_AUTH)))));
        byte[] serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE).toByteArray();
        byte[] tbs = sequence(
                tlv(0xA0, tlv(0x02, new byte[] {2})),
                tlv(0x02, serial),
                algorithm,
                name,
                sequence(utcTime(now.minus(Duration.ofMinutes(5))), utcTime(now.plus(VALIDITY))),
                name,
                pair.getPublic().getEncoded(),
                tlv(0xA3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] der = sequence(tbs, algorithm, tlv(0x03, bits));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] utcTime(Instant t) {
        return tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... items) {
        return tlv(0x30, concat(items));
    }

    private static byte[] set(byte[]... items) {
        return tlv(0x31, concat(items));
    }

    private static byte[] concat(byte[]... items) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] item : items) {
            b.writeBytes(item);
        }
        return b.toByteArray();
    }

    /** X.690 §8.19: the first two arcs in one byte, each arc in base 128 with continuation bits. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                b.write((int) ((arc >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, b.toByteArray());
    }

    /** X.690 §8.1.3: the short length form below 128, else the long form. */
    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(tag);
        int n = value.length;
        if (n < 0x80) {
            b.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            b.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                b.write(n >>> (8 * i));
            }
        }
        b.writeBytes(value);
        return b.toByteArray();
    }
}
