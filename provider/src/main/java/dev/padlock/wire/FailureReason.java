package dev.padlock.wire;

/**
 * Which check failed: one constant per distinct check, named for what failed. The alert a
 * reason calls for is decided in one place, {@link TlsFailure#alert()}; a test asserts the
 * reason to prove which check fired, since many checks share an alert.
 */
public enum FailureReason {
    // ---- codec (wire) ----------------------------------------------------------------------
    /** A message or field does not parse: short, overlong, trailing bytes, duplicate extension. */
    DECODE,
    /** RFC 8446 §4: a handshake message type this codec does not know. */
    UNKNOWN_HANDSHAKE_TYPE,
    /** RFC 8446 §4.2.11: pre_shared_key must be the last ClientHello extension. */
    PRE_SHARED_KEY_NOT_LAST,
    /** RFC 8446 §4.6.3: KeyUpdate.request_update neither 0 nor 1. */
    KEY_UPDATE_REQUEST_INVALID,
    /** RFC 8449 §4: a record_size_limit below 64. */
    RECORD_SIZE_LIMIT_TOO_SMALL,

    // ---- records -----------------------------------------------------------------------------
    /** RFC 8446 §5.1: a record header with a content type outside 20..23. */
    UNKNOWN_RECORD_TYPE,
    /** RFC 8446 §5.2: a record longer than 2^14 + 256. */
    CIPHERTEXT_TOO_LONG,
    /** RFC 8446 §5.1: an unprotected record longer than 2^14. */
    PLAINTEXT_TOO_LONG,
    /** RFC 8446 §5.4: a TLSInnerPlaintext longer than 2^14 + 1. */
    INNER_PLAINTEXT_TOO_LONG,
    /** RFC 5246 §6.2.3: a TLS 1.2 protected record whose content would exceed 2^14. */
    PROTECTED_PLAINTEXT_TOO_LONG,
    /** RFC 8446 §5.2: a protected record whose outer type is not application_data. */
    PROTECTED_RECORD_OUTER_TYPE,
    /** RFC 8446 §5: a protected record whose inner type is not handshake, alert or application_data. */
    PROTECTED_RECORD_INNER_TYPE,
    /** RFC 8446 §5.4: a TLSInnerPlaintext of zeros only, with no content type. */
    INNER_PLAINTEXT_NO_CONTENT_TYPE,
    /** A protected record too short to hold the AEAD tag. */
    RECORD_SHORTER_THAN_TAG,
    /** RFC 8446 §5.2: a protected record does not authenticate. */
    RECORD_MAC,
    /** RFC 8446 §5.3: the peer sent 2^64 records under one key. */
    SEQUENCE_NUMBER_EXHAUSTED,
    /** RFC 8446 §5.5: our key may protect no more records. */
    KEY_USAGE_LIMIT_REACHED,

    // ---- the connection ------------------------------------------------------------------------
    /** RFC 8446 §5: a record in the clear where protection is required. */
    UNPROTECTED_RECORD,
    /** RFC 8446 §5.1: a record of another type between the fragments of a handshake message. */
    HANDSHAKE_MESSAGE_INTERRUPTED,
    /** RFC 8446 §5.1: a handshake message spans a key change. */
    HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE,
    /** A handshake message longer than the configured maximum. */
    HANDSHAKE_MESSAGE_TOO_LONG,
    /** RFC 8446 §5.1: a handshake record with no content. */
    ZERO_LENGTH_HANDSHAKE_RECORD,
    /** RFC 8446 §5: a change_cipher_spec record at a moment or of a value not allowed. */
    UNEXPECTED_CHANGE_CIPHER_SPEC,
    /** Application data before the handshake completed. */
    APPLICATION_DATA_DURING_HANDSHAKE,
    /** A record type the connection has no use for. */
    UNEXPECTED_RECORD_TYPE,
    /** RFC 8446 §5.4: an alert record with no content. */
    ZERO_LENGTH_ALERT_RECORD,
    /** RFC 8446 §5.1: an alert record that is not exactly one alert. */
    ALERT_RECORD_LENGTH,
    /** A close_notify, not after user_canceled, before the handshake completed. */
    CLOSE_NOTIFY_DURING_HANDSHAKE,
    /** Too many empty records or user_canceled alerts in a row. */
    TOO_MANY_EMPTY_RECORDS,
    /** Too many post-handshake messages without application data. */
    TOO_MANY_POST_HANDSHAKE_MESSAGES,
    /** RFC 8446 §4.2.10: more records that do not open than rejected early data may explain. */
    EARLY_DATA_SKIP_LIMIT,
    /** The peer's fatal alert; its description is the alert (RFC 8446 §6.2). */
    PEER_ALERT,
    /** Not the peer's doing: a bug, a JCA failure, an exception from an application's manager. */
    INTERNAL,

    // ---- any handshake state -----------------------------------------------------------------
    /** A handshake message the current state does not expect. */
    UNEXPECTED_HANDSHAKE_MESSAGE,
    /** RFC 8446 §4.2: a known extension in a message that may not carry it. */
    EXTENSION_NOT_ALLOWED,
    /** RFC 8446 §4.2: an unknown extension in a ServerHello, HelloRetryRequest or Certificate entry. */
    UNKNOWN_EXTENSION_IN_RESPONSE,
    /** RFC 8446 §4.2: a response to an extension that was not offered. */
    EXTENSION_NOT_OFFERED,
    /** RFC 8446 §4.4.4: a Finished whose verify_data is wrong. */
    FINISHED_MISMATCH,

    // ---- server, reading the ClientHello -------------------------------------------------------
    /** RFC 8446 §4.2.1: a ClientHello without supported_versions. */
    CLIENT_HELLO_NO_SUPPORTED_VERSIONS,
    /** RFC 8446 §4.2.1: supported_versions without TLS 1.3. */
    CLIENT_HELLO_TLS13_NOT_OFFERED,
    /** RFC 8446 §4.1.2: legacy_compression_methods other than [0]. */
    CLIENT_HELLO_COMPRESSION_NOT_NULL,
    /** RFC 8446 §4.2.9: pre_shared_key without psk_key_exchange_modes. */
    PSK_WITHOUT_KEY_EXCHANGE_MODES,
    /** RFC 8446 §9.2: a ClientHello without supported_groups. */
    CLIENT_HELLO_MISSING_SUPPORTED_GROUPS,
    /** RFC 8446 §9.2: a ClientHello without key_share. */
    CLIENT_HELLO_MISSING_KEY_SHARE,
    /** RFC 8446 §9.2: a ClientHello without signature_algorithms. */
    CLIENT_HELLO_MISSING_SIGNATURE_ALGORITHMS,
    /** RFC 8446 §4.2.8: a key share for a group not in supported_groups. */
    KEY_SHARE_GROUP_NOT_IN_SUPPORTED_GROUPS,
    /** RFC 8446 §4.2.8: two key shares for one group. */
    KEY_SHARE_DUPLICATE_GROUP,
    /** No cipher suite both sides enable. */
    NO_COMMON_CIPHER_SUITE,
    /** No key exchange group both sides enable. */
    NO_COMMON_GROUP,
    /** RFC 8446 §4.1.2: the second ClientHello changed more than allowed. */
    SECOND_CLIENT_HELLO_CHANGED,
    /** RFC 8446 §4.1.2: the second ClientHello offers early_data. */
    SECOND_CLIENT_HELLO_EARLY_DATA,
    /** RFC 8446 §4.1.2: the second ClientHello lacks the one key share the HelloRetryRequest asked for. */
    SECOND_CLIENT_HELLO_KEY_SHARE_NOT_RETRY_GROUP,
    /** RFC 8446 §4.2.11: pre_shared_key with unequal numbers of identities and binders. */
    PSK_IDENTITY_BINDER_COUNT_MISMATCH,
    /** RFC 8446 §4.2.11.2: a PSK binder that does not verify. */
    BINDER_MISMATCH,
    /** RFC 6066 §3: two server names of one type. */
    SERVER_NAME_DUPLICATE_TYPE,
    /** RFC 6066 §3: a host_name that is not a valid host name. */
    SERVER_NAME_INVALID_HOST_NAME,
    /** RFC 6066 §3: no SNIMatcher of this server accepts the name asked for. */
    SERVER_NAME_UNRECOGNIZED,
    /** RFC 7301 §3.2: no application protocol in common. */
    NO_APPLICATION_PROTOCOL,
    /** No signature scheme both sides accept. */
    NO_COMMON_SIGNATURE_SCHEME,
    /** No certificate of ours for a signature scheme the client accepts. */
    NO_CERTIFICATE_FOR_SIGNATURE_SCHEMES,
    /** Our key can make none of the signature schemes the peer accepts. */
    NO_SIGNATURE_SCHEME_FOR_KEY,

    // ---- client, reading the ServerHello and HelloRetryRequest ------------------------------------
    /** RFC 8446 §4.1.3: legacy_session_id_echo is not the session id sent. */
    SERVER_HELLO_SESSION_ID_ECHO_MISMATCH,
    /** RFC 8446 §4.1.3: a cipher suite the client did not offer. */
    SERVER_HELLO_SUITE_NOT_OFFERED,
    /** RFC 8446 §4.1.3: legacy_compression_method other than 0. */
    SERVER_HELLO_COMPRESSION_NOT_NULL,
    /** RFC 8446 §4.1.4: the ServerHello suite is not the HelloRetryRequest's. */
    SERVER_HELLO_SUITE_DIFFERS_FROM_RETRY,
    /** RFC 8446 §4.1.3: the server random ends in a downgrade sentinel. */
    DOWNGRADE_SENTINEL,
    /** RFC 8446 §4.1.3: TLS 1.3 selected, legacy_version other than 0x0303. */
    SERVER_HELLO_LEGACY_VERSION,
    /** RFC 8446 §4.2.1: supported_versions selects a version not offered. */
    SERVER_HELLO_VERSION_NOT_OFFERED,
    /** RFC 8446 §4.2.1: no supported_versions: the server chose an older version. */
    SERVER_HELLO_NOT_TLS13,
    /** RFC 8446 §4.1.4: a second HelloRetryRequest. */
    SECOND_HELLO_RETRY_REQUEST,
    /** RFC 8446 §4.2.8: the HelloRetryRequest selects a group not in supported_groups. */
    RETRY_GROUP_NOT_OFFERED,
    /** RFC 8446 §4.2.8: the HelloRetryRequest selects a group a share was already sent for. */
    RETRY_GROUP_ALREADY_SHARED,
    /** RFC 8446 §4.1.4: a HelloRetryRequest that would not change the ClientHello. */
    RETRY_WOULD_NOT_CHANGE_CLIENT_HELLO,
    /** RFC 8446 §4.2.8: a ServerHello without key_share (no PSK-only mode was offered). */
    SERVER_HELLO_MISSING_KEY_SHARE,
    /** RFC 8446 §4.2.8: the ServerHello group is not the one the HelloRetryRequest selected. */
    SERVER_HELLO_GROUP_DIFFERS_FROM_RETRY,
    /** RFC 8446 §4.2.8: the ServerHello key share is for a group no share was sent for. */
    SERVER_HELLO_GROUP_NOT_SHARED,
    /** RFC 8446 §4.2.11: selected_identity outside the identities offered. */
    SERVER_HELLO_PSK_IDENTITY_NOT_OFFERED,
    /** RFC 8446 §4.2.11: the resumed suite's hash is not the PSK's. */
    SERVER_HELLO_PSK_HASH_MISMATCH,

    // ---- key exchange ----------------------------------------------------------------------------
    /** RFC 8446 §4.2.8.2: key_exchange of the wrong length for its group. */
    KEY_SHARE_WRONG_LENGTH,
    /** RFC 8446 §4.2.8.2: an EC point not in uncompressed form. */
    KEY_SHARE_NOT_UNCOMPRESSED,
    /** RFC 8446 §4.2.8.2: an EC coordinate not below the field prime. */
    KEY_SHARE_COORDINATE_OUT_OF_RANGE,
    /** RFC 8446 §4.2.8.2: an EC point not on the curve. */
    KEY_SHARE_POINT_NOT_ON_CURVE,
    /** RFC 8446 §4.2.8.1: a finite field Y outside 1 < Y < p-1. */
    KEY_SHARE_DH_VALUE_OUT_OF_RANGE,
    /** A public key the JCA key agreement refuses. */
    KEY_SHARE_INVALID_PUBLIC_KEY,
    /** RFC 8446 §7.4.2: an X25519/X448 shared secret of all zeros. */
    KEY_SHARE_ALL_ZERO_SECRET,

    // ---- certificates and authentication -------------------------------------------------------
    /** RFC 8446 §4.3.2: a non-empty certificate_request_context during the handshake. */
    CERTIFICATE_REQUEST_CONTEXT_NOT_EMPTY,
    /** RFC 8446 §4.3.2: a CertificateRequest without signature_algorithms. */
    CERTIFICATE_REQUEST_MISSING_SIGNATURE_ALGORITHMS,
    /** RFC 8446 §4.4.2: the server's Certificate has a non-empty certificate_request_context. */
    SERVER_CERTIFICATE_CONTEXT_NOT_EMPTY,
    /** RFC 8446 §4.4.2.4: the server sent an empty Certificate. */
    SERVER_CERTIFICATE_EMPTY,
    /** RFC 8446 §4.4.2: the client's Certificate does not echo the certificate_request_context. */
    CLIENT_CERTIFICATE_CONTEXT_MISMATCH,
    /** RFC 8446 §4.4.2.4: a required client certificate is missing. */
    CLIENT_CERTIFICATE_REQUIRED,
    /** A certificate that does not parse as X.509. */
    CERTIFICATE_UNPARSABLE,
    /** RFC 8446 §4.2.4: certificate_authorities holds a malformed distinguished name. */
    CERTIFICATE_AUTHORITIES_MALFORMED_NAME,
    /** The trust manager refused the chain, for no reason below. */
    CERTIFICATE_UNTRUSTED,
    /** The trust manager refused the chain: a certificate is revoked. */
    CERTIFICATE_REVOKED,
    /** The trust manager refused the chain: a certificate has expired. */
    CERTIFICATE_EXPIRED,
    /** The trust manager refused the chain: a signature in it is invalid. */
    CERTIFICATE_SIGNATURE_INVALID,
    /** The trust manager refused the chain: a certificate is not yet valid. */
    CERTIFICATE_NOT_YET_VALID,
    /** The trust manager refused the chain: an algorithm constraint forbids it. */
    CERTIFICATE_ALGORITHM_CONSTRAINED,
    /** RFC 8446 §4.4.3: CertificateVerify with a scheme that was not offered. */
    CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED,
    /** RFC 8446 §4.4.3: CertificateVerify with a scheme the certificate's key cannot make. */
    CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH,
    /** RFC 8446 §4.4.3: a CertificateVerify signature that does not verify. */
    CERTIFICATE_VERIFY_SIGNATURE,

    // ---- client, reading EncryptedExtensions -------------------------------------------------
    /** RFC 7301 §3.1: the server's ALPN answer names other than exactly one protocol. */
    ALPN_ANSWER_NOT_ONE_PROTOCOL,
    /** RFC 7301 §3.2: the server selected a protocol that was not offered. */
    ALPN_NOT_OFFERED,

    // ---- version negotiation -----------------------------------------------------------------
    /** RFC 8446 §4.2.1, RFC 5246 §E.1: no protocol version both sides enable (TLS 1.1 and older included). */
    NO_COMMON_PROTOCOL_VERSION,
    /** RFC 7507 §3: TLS_FALLBACK_SCSV while the server supports a higher version than the client offered. */
    INAPPROPRIATE_FALLBACK,
    /** RFC 5246 §7.4.1.3: the server chose TLS 1.2 (no supported_versions) where the client did not enable it, or older. */
    SERVER_HELLO_VERSION_NOT_ENABLED,

    // ---- TLS 1.2 (RFC 5246) ------------------------------------------------------------------
    /** RFC 7627 §5.2: a peer without extended_master_secret, which Padlock requires. */
    EXTENDED_MASTER_SECRET_MISSING,
    /** RFC 5746 §3.4, §3.6: renegotiation_info with a non-empty renegotiated_connection on an initial handshake. */
    RENEGOTIATION_INFO_NOT_EMPTY,
    /** RFC 5746 §3.6: a server that sent no renegotiation_info to a client that offered it or the SCSV. */
    RENEGOTIATION_INFO_MISSING,
    /** A ClientHello on an established TLS 1.2 connection: Padlock never renegotiates (RFC 5746 §4.4 allows refusing). */
    RENEGOTIATION_REFUSED,
    /** RFC 8422 §5.1.2: ec_point_formats without uncompressed. */
    EC_POINT_FORMATS_NO_UNCOMPRESSED,
    /** RFC 8422 §5.4: a ServerKeyExchange with explicit curve parameters. */
    SERVER_KEY_EXCHANGE_NOT_NAMED_CURVE,
    /** RFC 8422 §5.4: a ServerKeyExchange for a group the client did not offer. */
    SERVER_KEY_EXCHANGE_GROUP_NOT_OFFERED,
    /** RFC 5246 §7.4.3: a ServerKeyExchange signed with a scheme the client did not offer. */
    SERVER_KEY_EXCHANGE_SCHEME_NOT_OFFERED,
    /** RFC 5246 §7.4.3: a ServerKeyExchange signed with a scheme the certificate's key cannot make. */
    SERVER_KEY_EXCHANGE_SCHEME_KEY_MISMATCH,
    /** RFC 5246 §7.4.3: a ServerKeyExchange signature that does not verify. */
    SERVER_KEY_EXCHANGE_SIGNATURE,
    /** RFC 5246 §7.4.6: a server that requires a client certificate received an empty Certificate. */
    TLS12_CLIENT_CERTIFICATE_REQUIRED,
    /** RFC 5077 §3.3: a NewSessionTicket the ServerHello did not promise. */
    NEW_SESSION_TICKET_NOT_PROMISED
}
