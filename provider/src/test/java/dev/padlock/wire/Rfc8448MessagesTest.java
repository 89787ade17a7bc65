package dev.padlock.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.testing.Rfc8448ClientAuthentication;
import dev.padlock.testing.Rfc8448CompatibilityMode;
import dev.padlock.testing.Rfc8448HelloRetryRequest;
import dev.padlock.testing.Rfc8448ResumedHandshake;
import dev.padlock.testing.Rfc8448SimpleHandshake;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every handshake message of RFC 8448 §3–§7 decodes and re-encodes to exactly its bytes. */
class Rfc8448MessagesTest {
    /** The ticket field of §3's NewSessionTicket, which §4's ClientHello offers as its PSK identity. */
    private static final Bytes TICKET = Rfc8448SimpleHandshake.NEW_SESSION_TICKET.slice(17, 195);
    /** The cookie field of §5's HelloRetryRequest, which the second ClientHello echoes. */
    private static final Bytes COOKIE = Rfc8448HelloRetryRequest.HELLO_RETRY_REQUEST.slice(56, 170);

    /** Decodes a whole message (header included), checks the re-encoding, and returns it. */
    private static <T extends HandshakeMessage> T roundTrip(Bytes message, Class<T> cls) {
        HandshakeType type = new HandshakeType(message.get(0) & 0xFF);
        HandshakeMessage m = HandshakeCodec.decode(type, message.slice(4, message.length()), 32);
        assertEquals(message, m.encode(), type + " re-encodes to the RFC 8448 bytes");
        return assertInstanceOf(cls, m);
    }

    /** §3's handshake messages in transcript order, ClientHello to the client's Finished. */
    private static final List<Bytes> SECTION_3_TRANSCRIPT = List.of(Rfc8448SimpleHandshake.CLIENT_HELLO,
            Rfc8448SimpleHandshake.SERVER_HELLO, Rfc8448SimpleHandshake.ENCRYPTED_EXTENSIONS,
            Rfc8448SimpleHandshake.CERTIFICATE, Rfc8448SimpleHandshake.CERTIFICATE_VERIFY,
            Rfc8448SimpleHandshake.SERVER_FINISHED, Rfc8448SimpleHandshake.CLIENT_FINISHED);

    private static Bytes sha256(List<Bytes> messages) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Bytes b : messages) {
            md.update(b.toByteArray());
        }
        return Bytes.of(md.digest());
    }

    @Test
    void section3SimpleOneRtt() {
        ClientHello ch = roundTrip(Rfc8448SimpleHandshake.CLIENT_HELLO, ClientHello.class);
        assertEquals(List.of(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                CipherSuite.TLS_AES_256_GCM_SHA384), ch.cipherSuites());
        KeyShareEntry share = ch.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertEquals(NamedGroup.X25519, share.group());
        assertEquals(Rfc8448SimpleHandshake.CLIENT_PUBLIC, share.keyExchange());
        assertEquals(ServerNameExtension.hostName("server"), ch.extension(ServerNameExtension.class).orElseThrow());
        assertEquals(new RecordSizeLimitExtension(0x4001), ch.extension(RecordSizeLimitExtension.class).orElseThrow());
        // The TLS 1.2 extensions a TLS 1.3 client also sends, parsed since Padlock speaks TLS 1.2.
        assertEquals(RenegotiationInfoExtension.INITIAL, ch.extensions().get(1));
        assertEquals(SessionTicketExtension.EMPTY, ch.extensions().get(3));
        assertEquals(0, ch.bindersLength());

        ServerHello sh = roundTrip(Rfc8448SimpleHandshake.SERVER_HELLO, ServerHello.class);
        assertFalse(sh.isHelloRetryRequest());
        assertEquals(CipherSuite.TLS_AES_128_GCM_SHA256, sh.cipherSuite());
        assertEquals(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                sh.extension(SupportedVersionsServerHello.class).orElseThrow());
        assertEquals(NamedGroup.X25519, sh.extension(KeyShareServerHello.class).orElseThrow().share().group());

        EncryptedExtensions ee = roundTrip(Rfc8448SimpleHandshake.ENCRYPTED_EXTENSIONS, EncryptedExtensions.class);
        assertEquals(List.of(ExtensionType.SUPPORTED_GROUPS, ExtensionType.RECORD_SIZE_LIMIT, ExtensionType.SERVER_NAME),
                ee.extensions().stream().map(Extension::type).toList());
        assertEquals(ServerNameExtension.EMPTY, ee.extension(ServerNameExtension.class).orElseThrow());

        Certificate cert = roundTrip(Rfc8448SimpleHandshake.CERTIFICATE, Certificate.class);
        assertEquals(1, cert.entries().size());
        assertEquals(432, cert.entries().get(0).certData().length());
        CertificateVerify cv = roundTrip(Rfc8448SimpleHandshake.CERTIFICATE_VERIFY, CertificateVerify.class);
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256, cv.algorithm());
        assertEquals(128, cv.signature().length());
        assertEquals(Bytes.fromHex("""
                9b 9b 14 1d 90 63 37 fb d2 cb dc e7 1d f4 de da
                4a b4 2c 30 95 72 cb 7f ff ee 54 54 b7 8f 07 18"""),
                roundTrip(Rfc8448SimpleHandshake.SERVER_FINISHED, Finished.class).verifyData());
        roundTrip(Rfc8448SimpleHandshake.CLIENT_FINISHED, Finished.class);

        NewSessionTicket nst = roundTrip(Rfc8448SimpleHandshake.NEW_SESSION_TICKET, NewSessionTicket.class);
        assertEquals(30, nst.ticketLifetime());
        assertEquals(0xfad6aac5L, nst.ticketAgeAdd());
        assertEquals(Bytes.fromHex("00 00"), nst.ticketNonce());
        assertEquals(TICKET, nst.ticket());
        assertEquals(List.of(new EarlyDataNewSessionTicket(0x400)), nst.extensions());
    }

    @Test
    void section3TranscriptHashesMatchThePublishedOnes() throws Exception {
        // {server}  derive secret "tls13 c hs traffic": hash
        assertEquals(Rfc8448SimpleHandshake.HELLO_HASH, sha256(SECTION_3_TRANSCRIPT.subList(0, 2)));
        // {server}  derive secret "tls13 c ap traffic": hash
        assertEquals(Rfc8448SimpleHandshake.SERVER_FINISHED_HASH, sha256(SECTION_3_TRANSCRIPT.subList(0, 6)));
        // {client}  derive secret "tls13 res master": hash
        assertEquals(Rfc8448SimpleHandshake.CLIENT_FINISHED_HASH, sha256(SECTION_3_TRANSCRIPT));
    }

    @Test
    void section4ResumedZeroRtt() throws Exception {
        ClientHello ch = roundTrip(Rfc8448ResumedHandshake.CLIENT_HELLO, ClientHello.class);
        PreSharedKeyClientHello psk = ch.extension(PreSharedKeyClientHello.class).orElseThrow();
        assertEquals(List.of(new PskIdentity(TICKET, 0xfad6aacbL)), psk.identities());
        assertEquals(List.of(Rfc8448ResumedHandshake.BINDER), psk.binders());
        assertEquals(new EarlyDataExtension(), ch.extension(EarlyDataExtension.class).orElseThrow());
        assertEquals(new PaddingExtension(0x57), ch.extension(PaddingExtension.class).orElseThrow());
        assertEquals(35, ch.bindersLength());
        // {client}  calculate PSK binder: binder hash, over the ClientHello prefix (477 octets)
        Bytes hello = Rfc8448ResumedHandshake.CLIENT_HELLO;
        Bytes truncated = hello.slice(0, hello.length() - ch.bindersLength());
        assertEquals(477, truncated.length());
        assertEquals(Rfc8448ResumedHandshake.BINDER_HASH, sha256(List.of(truncated)));

        ServerHello sh = roundTrip(Rfc8448ResumedHandshake.SERVER_HELLO, ServerHello.class);
        assertEquals(new PreSharedKeyServerHello(0), sh.extension(PreSharedKeyServerHello.class).orElseThrow());
        EncryptedExtensions ee = roundTrip(Rfc8448ResumedHandshake.ENCRYPTED_EXTENSIONS, EncryptedExtensions.class);
        assertEquals(new EarlyDataExtension(), ee.extension(EarlyDataExtension.class).orElseThrow());
        roundTrip(Rfc8448ResumedHandshake.SERVER_FINISHED, Finished.class);
        assertEquals(new EndOfEarlyData(), roundTrip(Rfc8448ResumedHandshake.END_OF_EARLY_DATA, EndOfEarlyData.class));
        roundTrip(Rfc8448ResumedHandshake.CLIENT_FINISHED, Finished.class);
    }

    @Test
    void section5HelloRetryRequest() {
        ClientHello ch1 = roundTrip(Rfc8448HelloRetryRequest.CLIENT_HELLO_1, ClientHello.class);
        assertEquals(NamedGroup.X25519, ch1.extension(KeyShareClientHello.class).orElseThrow().shares().get(0).group());

        ServerHello hrr = roundTrip(Rfc8448HelloRetryRequest.HELLO_RETRY_REQUEST, ServerHello.class);
        assertTrue(hrr.isHelloRetryRequest());
        assertEquals(new KeyShareHelloRetryRequest(NamedGroup.SECP256R1),
                hrr.extension(KeyShareHelloRetryRequest.class).orElseThrow());
        assertEquals(new CookieExtension(COOKIE), hrr.extension(CookieExtension.class).orElseThrow());
        assertEquals(new SupportedVersionsServerHello(ProtocolVersion.TLSV1_3),
                hrr.extension(SupportedVersionsServerHello.class).orElseThrow());

        ClientHello ch2 = roundTrip(Rfc8448HelloRetryRequest.CLIENT_HELLO_2, ClientHello.class);
        KeyShareEntry share = ch2.extension(KeyShareClientHello.class).orElseThrow().shares().get(0);
        assertEquals(NamedGroup.SECP256R1, share.group());
        assertEquals(65, share.keyExchange().length());
        assertEquals(new CookieExtension(COOKIE), ch2.extension(CookieExtension.class).orElseThrow());
        assertEquals(new PaddingExtension(0xaf), ch2.extension(PaddingExtension.class).orElseThrow());

        ServerHello sh = roundTrip(Rfc8448HelloRetryRequest.SERVER_HELLO, ServerHello.class);
        assertFalse(sh.isHelloRetryRequest());
        assertEquals(NamedGroup.SECP256R1, sh.extension(KeyShareServerHello.class).orElseThrow().share().group());
        roundTrip(Rfc8448HelloRetryRequest.ENCRYPTED_EXTENSIONS, EncryptedExtensions.class);
    }

    @Test
    void section6ClientAuthentication() {
        roundTrip(Rfc8448ClientAuthentication.ENCRYPTED_EXTENSIONS, EncryptedExtensions.class);
        CertificateRequest cr = roundTrip(Rfc8448ClientAuthentication.CERTIFICATE_REQUEST, CertificateRequest.class);
        assertEquals(Bytes.EMPTY, cr.certificateRequestContext());
        assertEquals(15, cr.extension(SignatureAlgorithmsExtension.class).orElseThrow().schemes().size());
        assertEquals(SignatureScheme.ECDSA_SECP256R1_SHA256,
                roundTrip(Rfc8448ClientAuthentication.SERVER_CERTIFICATE_VERIFY, CertificateVerify.class).algorithm());
        roundTrip(Rfc8448ClientAuthentication.SERVER_CERTIFICATE, Certificate.class);
        Certificate clientCert = roundTrip(Rfc8448ClientAuthentication.CLIENT_CERTIFICATE, Certificate.class);
        assertEquals(Bytes.EMPTY, clientCert.certificateRequestContext());
        assertEquals(List.of(), clientCert.entries().get(0).extensions());
        CertificateVerify cv = roundTrip(Rfc8448ClientAuthentication.CLIENT_CERTIFICATE_VERIFY,
                CertificateVerify.class);
        assertEquals(SignatureScheme.RSA_PSS_RSAE_SHA256, cv.algorithm());
        roundTrip(Rfc8448ClientAuthentication.CLIENT_FINISHED, Finished.class);
    }

    @Test
    void section7CompatibilityMode() {
        ClientHello ch = roundTrip(Rfc8448CompatibilityMode.CLIENT_HELLO, ClientHello.class);
        assertEquals(32, ch.legacySessionId().length());
        ServerHello sh = roundTrip(Rfc8448CompatibilityMode.SERVER_HELLO, ServerHello.class);
        assertEquals(ch.legacySessionId(), sh.legacySessionIdEcho());
    }
}
