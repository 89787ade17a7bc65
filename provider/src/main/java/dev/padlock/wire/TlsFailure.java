package dev.padlock.wire;

import java.util.Objects;

/**
 * A protocol failure: which check failed ({@link FailureReason}), the alert RFC 8446 §6.2
 * prescribes for it, and a detail a user can act on.
 *
 * <p>Handshake states and decoders only throw this; the connection core is the one place that
 * turns it into exactly one fatal alert. The detail must never carry secret material.
 */
public final class TlsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    /** The peer's alert, for {@link FailureReason#PEER_ALERT} only. */
    private final transient AlertDescription received;

    public TlsFailure(FailureReason reason, String detail) {
        this(reason, detail, null);
    }

    public TlsFailure(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        if (reason == FailureReason.PEER_ALERT) {
            throw new IllegalArgumentException("a received alert is built with fromPeer");
        }
        this.received = null;
    }

    private TlsFailure(AlertDescription received, String detail) {
        super(detail);
        this.reason = FailureReason.PEER_ALERT;
        this.received = Objects.requireNonNull(received, "received");
    }

    /** The peer's fatal alert {@code received}, reported as it came. */
    public static TlsFailure fromPeer(AlertDescription received, String detail) {
        return new TlsFailure(received, detail);
    }

    public FailureReason reason() {
        return reason;
    }

    /** The alert this failure calls for: the one place a reason becomes an alert. */
    public AlertDescription alert() {
        return switch (reason) {
            case PEER_ALERT -> received;
            case DECODE, ALERT_RECORD_LENGTH, HANDSHAKE_MESSAGE_TOO_LONG, SERVER_CERTIFICATE_EMPTY,
                    CERTIFICATE_AUTHORITIES_MALFORMED_NAME, ALPN_ANSWER_NOT_ONE_PROTOCOL ->
                    AlertDescription.DECODE_ERROR;
            case UNKNOWN_HANDSHAKE_TYPE, UNKNOWN_RECORD_TYPE, PROTECTED_RECORD_OUTER_TYPE,
                    PROTECTED_RECORD_INNER_TYPE, INNER_PLAINTEXT_NO_CONTENT_TYPE, SEQUENCE_NUMBER_EXHAUSTED,
                    UNPROTECTED_RECORD, HANDSHAKE_MESSAGE_INTERRUPTED, HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE,
                    ZERO_LENGTH_HANDSHAKE_RECORD, UNEXPECTED_CHANGE_CIPHER_SPEC, APPLICATION_DATA_DURING_HANDSHAKE,
                    UNEXPECTED_RECORD_TYPE, ZERO_LENGTH_ALERT_RECORD, CLOSE_NOTIFY_DURING_HANDSHAKE,
                    TOO_MANY_EMPTY_RECORDS, TOO_MANY_POST_HANDSHAKE_MESSAGES, UNEXPECTED_HANDSHAKE_MESSAGE,
                    SECOND_HELLO_RETRY_REQUEST, NEW_SESSION_TICKET_NOT_PROMISED -> AlertDescription.UNEXPECTED_MESSAGE;
            case CIPHERTEXT_TOO_LONG, PLAINTEXT_TOO_LONG, INNER_PLAINTEXT_TOO_LONG, PROTECTED_PLAINTEXT_TOO_LONG ->
                    AlertDescription.RECORD_OVERFLOW;
            case RECORD_SHORTER_THAN_TAG, RECORD_MAC, EARLY_DATA_SKIP_LIMIT -> AlertDescription.BAD_RECORD_MAC;
            case KEY_USAGE_LIMIT_REACHED, INTERNAL -> AlertDescription.INTERNAL_ERROR;
            case FINISHED_MISMATCH, BINDER_MISMATCH, CERTIFICATE_VERIFY_SIGNATURE, SERVER_KEY_EXCHANGE_SIGNATURE ->
                    AlertDescription.DECRYPT_ERROR;
            case CLIENT_HELLO_NO_SUPPORTED_VERSIONS, CLIENT_HELLO_TLS13_NOT_OFFERED, SERVER_HELLO_NOT_TLS13,
                    NO_COMMON_PROTOCOL_VERSION, SERVER_HELLO_VERSION_NOT_ENABLED -> AlertDescription.PROTOCOL_VERSION;
            case INAPPROPRIATE_FALLBACK -> AlertDescription.INAPPROPRIATE_FALLBACK;
            case EXTENDED_MASTER_SECRET_MISSING, RENEGOTIATION_INFO_NOT_EMPTY, RENEGOTIATION_INFO_MISSING,
                    RENEGOTIATION_REFUSED, TLS12_CLIENT_CERTIFICATE_REQUIRED -> AlertDescription.HANDSHAKE_FAILURE;
            case PSK_WITHOUT_KEY_EXCHANGE_MODES, CLIENT_HELLO_MISSING_SUPPORTED_GROUPS, CLIENT_HELLO_MISSING_KEY_SHARE,
                    CLIENT_HELLO_MISSING_SIGNATURE_ALGORITHMS, SERVER_HELLO_MISSING_KEY_SHARE,
                    CERTIFICATE_REQUEST_MISSING_SIGNATURE_ALGORITHMS -> AlertDescription.MISSING_EXTENSION;
            case UNKNOWN_EXTENSION_IN_RESPONSE, EXTENSION_NOT_OFFERED -> AlertDescription.UNSUPPORTED_EXTENSION;
            case NO_COMMON_CIPHER_SUITE, NO_COMMON_GROUP, NO_COMMON_SIGNATURE_SCHEME,
                    NO_CERTIFICATE_FOR_SIGNATURE_SCHEMES, NO_SIGNATURE_SCHEME_FOR_KEY ->
                    AlertDescription.HANDSHAKE_FAILURE;
            case SERVER_NAME_UNRECOGNIZED -> AlertDescription.UNRECOGNIZED_NAME;
            case NO_APPLICATION_PROTOCOL -> AlertDescription.NO_APPLICATION_PROTOCOL;
            case CLIENT_CERTIFICATE_REQUIRED -> AlertDescription.CERTIFICATE_REQUIRED;
            case CERTIFICATE_UNPARSABLE, CERTIFICATE_SIGNATURE_INVALID, CERTIFICATE_NOT_YET_VALID ->
                    AlertDescription.BAD_CERTIFICATE;
            case CERTIFICATE_UNTRUSTED -> AlertDescription.CERTIFICATE_UNKNOWN;
            case CERTIFICATE_REVOKED -> AlertDescription.CERTIFICATE_REVOKED;
            case CERTIFICATE_EXPIRED -> AlertDescription.CERTIFICATE_EXPIRED;
            case CERTIFICATE_ALGORITHM_CONSTRAINED -> AlertDescription.UNSUPPORTED_CERTIFICATE;
            case PRE_SHARED_KEY_NOT_LAST, KEY_UPDATE_REQUEST_INVALID, RECORD_SIZE_LIMIT_TOO_SMALL,
                    EXTENSION_NOT_ALLOWED, CLIENT_HELLO_COMPRESSION_NOT_NULL, KEY_SHARE_GROUP_NOT_IN_SUPPORTED_GROUPS,
                    KEY_SHARE_DUPLICATE_GROUP, SECOND_CLIENT_HELLO_CHANGED, SECOND_CLIENT_HELLO_EARLY_DATA,
                    SECOND_CLIENT_HELLO_KEY_SHARE_NOT_RETRY_GROUP, PSK_IDENTITY_BINDER_COUNT_MISMATCH,
                    SERVER_NAME_DUPLICATE_TYPE, SERVER_NAME_INVALID_HOST_NAME, SERVER_HELLO_SESSION_ID_ECHO_MISMATCH,
                    SERVER_HELLO_SUITE_NOT_OFFERED, SERVER_HELLO_COMPRESSION_NOT_NULL,
                    SERVER_HELLO_SUITE_DIFFERS_FROM_RETRY, DOWNGRADE_SENTINEL, SERVER_HELLO_LEGACY_VERSION,
                    SERVER_HELLO_VERSION_NOT_OFFERED, RETRY_GROUP_NOT_OFFERED, RETRY_GROUP_ALREADY_SHARED,
                    RETRY_WOULD_NOT_CHANGE_CLIENT_HELLO, SERVER_HELLO_GROUP_DIFFERS_FROM_RETRY,
                    SERVER_HELLO_GROUP_NOT_SHARED, SERVER_HELLO_PSK_IDENTITY_NOT_OFFERED,
                    SERVER_HELLO_PSK_HASH_MISMATCH,
                    KEY_SHARE_WRONG_LENGTH, KEY_SHARE_NOT_UNCOMPRESSED, KEY_SHARE_COORDINATE_OUT_OF_RANGE,
                    KEY_SHARE_DH_VALUE_OUT_OF_RANGE, KEY_SHARE_POINT_NOT_ON_CURVE, KEY_SHARE_INVALID_PUBLIC_KEY, KEY_SHARE_ALL_ZERO_SECRET,
                    CERTIFICATE_REQUEST_CONTEXT_NOT_EMPTY, SERVER_CERTIFICATE_CONTEXT_NOT_EMPTY,
                    CLIENT_CERTIFICATE_CONTEXT_MISMATCH, CERTIFICATE_VERIFY_SCHEME_NOT_OFFERED,
                    CERTIFICATE_VERIFY_SCHEME_KEY_MISMATCH, ALPN_NOT_OFFERED, EC_POINT_FORMATS_NO_UNCOMPRESSED,
                    SERVER_KEY_EXCHANGE_NOT_NAMED_CURVE, SERVER_KEY_EXCHANGE_GROUP_NOT_OFFERED,
                    SERVER_KEY_EXCHANGE_SCHEME_NOT_OFFERED, SERVER_KEY_EXCHANGE_SCHEME_KEY_MISMATCH ->
                    AlertDescription.ILLEGAL_PARAMETER;
        };
    }

    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "TlsFailure(" + reason + ", " + alert() + "): " + getMessage();
    }
}
