package dev.padlock.wire;

/**
 * One extension (RFC 8446 §4.2). Which record a type decodes to depends on the message it
 * appears in; see {@link Extensions#decodeList}.
 */
public sealed interface Extension
        permits ServerNameExtension, SupportedGroupsExtension, SignatureAlgorithmsExtension,
                SignatureAlgorithmsCertExtension, SupportedVersionsClientHello,
                SupportedVersionsServerHello, KeyShareClientHello, KeyShareServerHello,
                KeyShareHelloRetryRequest, PskKeyExchangeModesExtension, PreSharedKeyClientHello,
                PreSharedKeyServerHello, EarlyDataExtension, EarlyDataNewSessionTicket,
                CookieExtension, AlpnExtension, CertificateAuthoritiesExtension,
                RecordSizeLimitExtension, StatusRequestExtension, PaddingExtension,
                ExtendedMasterSecretExtension, RenegotiationInfoExtension, SessionTicketExtension,
                EcPointFormatsExtension,
                UnknownExtension {

    ExtensionType type();

    /** Writes {@code extension_data} without its length prefix. */
    void encodeBody(TlsWriter w);
}
