package dev.padlock.core;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.ExporterMasterSecret;
import dev.padlock.crypto.RecordKeys;
import dev.padlock.crypto.Tls12MasterSecret;
import dev.padlock.handshake.Handshaker;
import dev.padlock.handshake.HandshakeOutput;
import dev.padlock.record.RecordDecryptor;
import dev.padlock.record.RecordEncryptor;
import dev.padlock.record.RecordHeader;
import dev.padlock.record.RecordProtection;
import dev.padlock.session.TlsSession;
import dev.padlock.wire.Alert;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.AlertLevel;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.ContentType;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.HandshakeType;
import dev.padlock.wire.TlsFailure;
import dev.padlock.wire.TlsReader;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * One TLS connection (TLS 1.3 today), without I/O: the adapters hand it whole records and
 * take whole records from it. It tells them where records end ({@link #nextRecordLength}, or a
 * {@link RecordStream} over a byte stream) and how much room a record needs, drives the
 * handshake, installs the record protection it asks for, and turns every {@link TlsFailure}
 * into exactly one fatal alert.
 *
 * <p>Not thread-safe: the adapters serialise access.
 */
public final class TlsConnection implements HandshakeOutput {
    private final Config config;
    private final Handshaker handshaker;
    private final HandshakeReassembler incoming;
    private final ArrayDeque<ByteBuffer> outbound = new ArrayDeque<>();
    /**
     * Working buffers: records that are not decrypted into the caller's buffer, and records
     * sealed from several sources or from handshake messages. They start small (most
     * connections only ever put handshake messages through them) and grow once to the record
     * maximum when a record needs it.
     */
    private static final int SMALL_BUFFER = 4096;
    private ByteBuffer plaintext = ByteBuffer.allocate(SMALL_BUFFER);
    private ByteBuffer gather = ByteBuffer.allocate(SMALL_BUFFER);
    private Bytes pendingHandshake = Bytes.EMPTY;

    private RecordDecryptor reader;
    private RecordEncryptor writer;
    private boolean started;
    private boolean inboundClosed;
    private boolean outboundClosed;
    private TlsFailure failure;
    private boolean failureFromPeer;
    /** change_cipher_spec records since the last handshake record. */
    private int changeCipherSpecsReceived;
    private int emptyRecordsInARow;
    /**
     * How much rejected 0-RTT data a server skips (RFC 8446 §4.2.10: "up to the configured
     * max_early_data_size"). Padlock issues tickets without early_data, so the bound is its
     * own: one full record's worth, OpenSSL's default max_early_data.
     */
    static final int MAX_SKIPPED_EARLY_DATA = RecordHeader.MAX_PLAINTEXT;
    private int earlyDataSkipped;
    private boolean earlyDataSkipEnded;
    /** The peer sent user_canceled during the handshake (RFC 8446 §6.1). */
    private boolean peerCanceled;
    private int keyUpdatesInARow;
    private final ConnectionObserver observer;
    private final KeyLog keyLog;
    private boolean completionReported;

    public TlsConnection(Config config, TlsSession session) {
        this.config = Objects.requireNonNull(config, "config");
        this.handshaker = Handshaker.create(config.handshake(), this, session);
        this.incoming = new HandshakeReassembler(config.handshake().maxHandshakeMessageSize());
        this.observer = config.observer();
        this.keyLog = new KeyLog(observer);
    }

    // ---- state the adapters read -------------------------------------------------------

    public boolean isClient() {
        return config.handshake().clientMode();
    }

    public boolean isStarted() {
        return started;
    }

    public boolean isHandshakeComplete() {
        return handshaker.isComplete();
    }

    /**
     * RFC 8446 §7.5 keying material; safe to call from any thread.
     *
     * @throws IllegalStateException before the handshake completes or once the secrets are erased
     *                               ({@link #secretsErased})
     * @throws IllegalArgumentException for a label or length the exporter cannot take
     */
    public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
        return handshaker.exportKeyingMaterial(label, context, length);
    }

    /** The connection closed both ways or failed and erased its secrets; safe to call from any thread. */
    public boolean secretsErased() {
        return handshaker.secretsErased();
    }

    public TlsSession session() {
        return handshaker.session();
    }

    public Handshaker handshaker() {
        return handshaker;
    }

    public boolean hasOutbound() {
        return !outbound.isEmpty();
    }

    /** The size of the next record waiting to be sent, or 0. */
    public int nextOutboundSize() {
        ByteBuffer next = outbound.peek();
        return next == null ? 0 : next.remaining();
    }

    /** The peer sent close_notify, or the connection failed. */
    public boolean isInboundClosed() {
        return inboundClosed;
    }

    /** We queued close_notify or a fatal alert: no more application data goes out. */
    public boolean isOutboundClosed() {
        return outboundClosed;
    }

    /** The failure that ended the connection, ours or the peer's alert; null while healthy. */
    public TlsFailure failure() {
        return failure;
    }

    public boolean failureFromPeer() {
        return failureFromPeer;
    }

    /** The largest application fragment one record carries (RFC 8449 limit included). */
    public int maxFragmentLength() {
        int limit = session().peerRecordSizeLimit();
        // RFC 8449 §4: in TLS 1.3 the limit counts the content type byte and padding.
        return limit > 0 ? Math.min(RecordHeader.MAX_PLAINTEXT, limit - 1) : RecordHeader.MAX_PLAINTEXT;
    }

    // ---- framing, for the adapters ------------------------------------------------------

    /** The longest record on the wire, header included (RFC 8446 §5.2). */
    public static final int MAX_RECORD_LENGTH = RecordHeader.MAX_RECORD;
    /** Room in which {@link #receive} can always deliver the application data of one record. */
    public static final int RECEIVE_BUFFER_LENGTH = RecordHeader.MAX_CIPHERTEXT;

    /**
     * The length, header included, of the record that starts at {@code src.position()}, or -1
     * while fewer than its five header bytes are there (RFC 8446 §5.1). Does not move the
     * position; the record itself may not have arrived whole yet.
     *
     * @throws TlsFailure for a header no record may carry; the caller fails the connection
     */
    public int nextRecordLength(ByteBuffer src) {
        return RecordHeader.peekRecordLength(src);
    }

    /**
     * Whether {@code dsts[offset..offset+length)} have room for all the application data a
     * record of {@code recordLength} bytes can carry. Only application data goes there, so
     * before the handshake completes any room will do.
     */
    public boolean hasRoomToReceive(int recordLength, ByteBuffer[] dsts, int offset, int length) {
        if (!isHandshakeComplete() || reader == null) {
            return true;
        }
        long room = 0;
        for (int i = offset; i < offset + length; i++) {
            room += dsts[i].remaining();
        }
        return room >= reader.maxContentLength(recordLength);
    }

    /**
     * The length of the record {@link #seal} writes when offered {@code available} application
     * bytes: one record carries at most {@link #maxFragmentLength()} of them.
     */
    public int sealedLength(long available) {
        if (writer == null) {
            throw new IllegalStateException("handshake not complete");
        }
        return writer.sealedLength((int) Math.min(available, maxFragmentLength()), 0);
    }

    // ---- driving ------------------------------------------------------------------------

    /** Starts the handshake; the client's ClientHello is then waiting in the outbound queue. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        guard(() -> {
            handshaker.start();
            flushHandshake();
        });
    }

    /**
     * Processes the one whole record at {@code record.position()}, consuming it. Application
     * data is copied into {@code dsts[offset..offset+length)}, which the caller has made large
     * enough ({@link #hasRoomToReceive}).
     *
     * @return the number of application bytes delivered
     */
    public int receive(ByteBuffer record, ByteBuffer[] dsts, int offset, int length) {
        if (failure != null) {
            throw failure;
        }
        try {
            return receiveRecord(record, dsts, offset, length);
        } catch (TlsFailure f) {
            throw failed(f);
        } catch (RuntimeException e) {
            throw failed(internalError(e));
        }
    }

    private int receiveRecord(ByteBuffer record, ByteBuffer[] dsts, int offset, int length) {
        int outerType = record.get(record.position()) & 0xFF;
        plaintext = withRoom(plaintext, record.remaining(), RecordHeader.MAX_RECORD);
        plaintext.clear();
        ContentType type;
        if (outerType == ContentType.CHANGE_CIPHER_SPEC.code()) {
            RecordHeader.readPlaintext(record, plaintext);
            onChangeCipherSpec();
            return 0;
        }
        if (reader == null || (outerType == ContentType.ALERT.code() && !isHandshakeComplete())) {
            if (outerType == ContentType.APPLICATION_DATA.code() && skippingEarlyData()) {
                // §4.2.10, after a HelloRetryRequest: protected records before the second ClientHello.
                int recordLength = RecordHeader.peekRecordLength(record);
                skipEarlyData(recordLength, null);
                record.position(record.position() + recordLength);
                return 0;
            }
            type = RecordHeader.readPlaintext(record, plaintext);
            checkPlaintextAllowed(type);
        } else {
            ByteBuffer target = inPlaceTarget(record, dsts, offset, length);
            if (target == null) {
                type = skippingEarlyData() ? openUnlessEarlyData(record) : reader.open(record, plaintext);
                if (type == null) {
                    return 0;
                }
            } else {
                int start = target.position();
                type = reader.open(record, target);
                if (type.equals(ContentType.APPLICATION_DATA) && incoming.isEmpty()) {
                    return onApplicationData(target.position() - start);
                }
                reclaim(target, start);
            }
        }
        plaintext.flip();
        if (inboundClosed) {
            // RFC 8446 §6.1: after close_notify, anything further is ignored.
            return 0;
        }
        if (!type.equals(ContentType.HANDSHAKE) && !incoming.isEmpty()) {
            throw new TlsFailure(FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED,
                    "a " + type + " record interrupted a fragmented handshake message "
                    + "(RFC 8446 §5.1)");
        }
        if (type.equals(ContentType.HANDSHAKE)) {
            onHandshakeRecord();
            return 0;
        }
        if (type.equals(ContentType.ALERT)) {
            onAlert();
            return 0;
        }
        if (type.equals(ContentType.APPLICATION_DATA)) {
            if (!handshaker.isComplete()) {
                throw new TlsFailure(FailureReason.APPLICATION_DATA_DURING_HANDSHAKE,
                        "application data before the handshake completed");
            }
            int delivered = copyOut(dsts, offset, length);
            onApplicationData(delivered);
            return delivered;
        }
        throw new TlsFailure(FailureReason.UNEXPECTED_RECORD_TYPE, "record of content type " + type);
    }

    /**
     * Server, while handshaking (a client never rejects early data): the ClientHello offered
     * early_data, which is never accepted, and no record has opened under the handshake key yet
     * (RFC 8446 §4.2.10).
     */
    private boolean skippingEarlyData() {
        return !earlyDataSkipEnded && handshaker.rejectedEarlyData() && !handshaker.isComplete();
    }

    /**
     * Opens a record while rejected 0-RTT data may still come; null when the record did not open
     * and was skipped as such. The first record that opens under the handshake key starts the
     * client's second flight (RFC 8446 §4.2.10): from then on a record that fails to open is fatal.
     */
    private ContentType openUnlessEarlyData(ByteBuffer record) {
        int recordLength = record.remaining();
        try {
            ContentType type = reader.open(record, plaintext);
            earlyDataSkipEnded = true;
            return type;
        } catch (TlsFailure f) {
            if (!f.alert().equals(AlertDescription.BAD_RECORD_MAC)) {
                throw f;
            }
            skipEarlyData(recordLength, f);
            return null;
        }
    }

    /**
     * Drops one record of rejected 0-RTT data, counting the most plaintext it can carry against
     * {@link #MAX_SKIPPED_EARLY_DATA}; past that the record is the failure it looks like
     * ({@code openFailure}, or bad_record_mac for a record not tried).
     */
    private void skipEarlyData(int recordLength, TlsFailure openFailure) {
        earlyDataSkipped += Math.max(0, recordLength - RecordHeader.HEADER_LENGTH - CipherSuiteSpec.TAG_LENGTH - 1);
        if (earlyDataSkipped > MAX_SKIPPED_EARLY_DATA) {
            throw new TlsFailure(FailureReason.EARLY_DATA_SKIP_LIMIT, "more than " + MAX_SKIPPED_EARLY_DATA
                    + " bytes of records that do not open, beyond the early data a server that does not "
                    + "accept it skips (RFC 8446 §4.2.10)", openFailure);
        }
    }

    /**
     * The caller's buffer to decrypt this record straight into, or null to go through
     * {@link #plaintext}. Only after the handshake (so the record is most likely application
     * data), and only if the first buffer with room can hold the whole TLSInnerPlaintext,
     * content type and padding included: those land just past the content and stay there as
     * scratch bytes within the caller's free space.
     */
    private ByteBuffer inPlaceTarget(ByteBuffer record, ByteBuffer[] dsts, int offset, int length) {
        if (!handshaker.isComplete() || inboundClosed) {
            return null;
        }
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return dsts[i].remaining() >= reader.maxOpenedLength(record.remaining()) ? dsts[i] : null;
            }
        }
        return null;
    }

    /**
     * A record opened into the caller's buffer turned out not to be application data (a
     * post-handshake message or an alert): move it to {@link #plaintext}, wipe it from the
     * caller's buffer and give that buffer its position back.
     */
    private void reclaim(ByteBuffer target, int start) {
        int end = target.position();
        for (int i = start; i < end; i++) {
            plaintext.put(target.get(i));
            target.put(i, (byte) 0);
        }
        target.position(start);
    }

    /** Only the hellos before keys exist, and alerts while handshaking, may travel in the clear. */
    private void checkPlaintextAllowed(ContentType type) {
        if (type.equals(ContentType.APPLICATION_DATA) || reader != null && !type.equals(ContentType.ALERT)) {
            throw new TlsFailure(FailureReason.UNPROTECTED_RECORD,
                    "unprotected " + type + " record where protection is required");
        }
    }

    private void onChangeCipherSpec() {
        plaintext.flip();
        // RFC 8446 §5.1: no record of another type between the fragments of a handshake message.
        if (!incoming.isEmpty()) {
            throw new TlsFailure(FailureReason.HANDSHAKE_MESSAGE_INTERRUPTED,
                    "a change_cipher_spec record interrupted a fragmented handshake "
                    + "message (RFC 8446 §5.1)");
        }
        // RFC 8446 §5: one byte 0x01, between the first ClientHello and the peer's Finished, and
        // dropped whenever it comes. A compatibility-mode server may send one after its
        // HelloRetryRequest and another after its ServerHello (SunJSSE does), so the bound
        // against a flood is one per handshake flight, not one per connection.
        if (!handshaker.acceptsChangeCipherSpec() || plaintext.remaining() != 1 || plaintext.get(0) != 1
                || ++changeCipherSpecsReceived > 1) {
            throw new TlsFailure(FailureReason.UNEXPECTED_CHANGE_CIPHER_SPEC, "unexpected change_cipher_spec record");
        }
        handshaker.onChangeCipherSpec();
    }

    private void onHandshakeRecord() {
        if (!plaintext.hasRemaining()) {
            throw new TlsFailure(FailureReason.ZERO_LENGTH_HANDSHAKE_RECORD,
                    "zero-length handshake record (RFC 8446 §5.1)");
        }
        changeCipherSpecsReceived = 0;
        incoming.append(plaintext);
        Bytes message;
        while ((message = incoming.next()) != null) {
            boolean wasComplete = handshaker.isComplete();
            if (wasComplete && ++keyUpdatesInARow > config.maxKeyUpdatesInARow()) {
                throw new TlsFailure(FailureReason.TOO_MANY_POST_HANDSHAKE_MESSAGES,
                        "more than " + config.maxKeyUpdatesInARow()
                        + " post-handshake messages without application data");
            }
            observeHandshake(false, message);
            handshaker.onMessage(message);
            flushHandshake();
            reportCompletion();
        }
    }

    private void observeHandshake(boolean outbound, Bytes message) {
        keyLog.handshakeMessage(message);
        observer.handshakeMessage(outbound, new HandshakeType(message.get(0) & 0xFF), message.length() - 4);
    }

    private void reportCompletion() {
        if (!completionReported && handshaker.isComplete()) {
            completionReported = true;
            TlsSession s = handshaker.session();
            observer.handshakeComplete(s.protocolVersion().standardName() + " " + s.cipherSuite()
                    + ", group " + s.namedGroup() + ", ALPN '" + s.applicationProtocol() + "'" + (s.resumed() ? ", resumed" : ""));
        }
    }

    private void onAlert() {
        if (!plaintext.hasRemaining()) {
            // RFC 8446 §5.4 (and §5.1 for plaintext records).
            throw new TlsFailure(FailureReason.ZERO_LENGTH_ALERT_RECORD, "zero-length alert record (RFC 8446 §5.4)");
        }
        if (plaintext.remaining() != 2) {
            // §5.1: exactly one alert per record, never fragmented or coalesced; §6: what does
            // not parse is decode_error.
            throw new TlsFailure(FailureReason.ALERT_RECORD_LENGTH, "alert record of " + plaintext.remaining()
                    + " bytes; an alert record holds exactly one alert, 2 bytes (RFC 8446 §5.1)");
        }
        Alert alert = Alert.decode(TlsReader.of(plaintext, "Alert"));
        observer.alert(false, alert.description());
        if (alert.description().equals(AlertDescription.CLOSE_NOTIFY)) {
            if (!handshaker.isComplete()) {
                closedDuringHandshake();
            }
            inboundClosed = true;
            eraseSecretsIfOver();
            return;
        }
        if (alert.description().equals(AlertDescription.USER_CANCELED)) {
            peerCanceled |= !handshaker.isComplete();
            // RFC 8446 §6.1: user_canceled is followed by close_notify; nothing to do yet. A peer
            // that sends nothing else is capped like one that sends endless empty records.
            if (++emptyRecordsInARow > config.maxEmptyRecordsInARow()) {
                throw new TlsFailure(FailureReason.TOO_MANY_EMPTY_RECORDS, "more than " + config.maxEmptyRecordsInARow()
                        + " user_canceled alerts and empty records in a row");
            }
            return;
        }
        // RFC 8446 §6.2: every other alert is fatal, whatever level it claims.
        failureFromPeer = true;
        throw TlsFailure.fromPeer(alert.description(), "Received fatal alert: " + alert.description().name());
    }

    /**
     * A close_notify before the handshake completed never reads as a clean close that would
     * leave the application with a session that negotiated nothing. After the peer's
     * user_canceled it is the peer giving up the handshake (RFC 8446 §6.1): both directions
     * close, ours with a close_notify, as SunJSSE does. Alone it is unexpected_message (as
     * SunJSSE: "Received close_notify during handshake").
     */
    private void closedDuringHandshake() {
        if (!peerCanceled) {
            throw new TlsFailure(FailureReason.CLOSE_NOTIFY_DURING_HANDSHAKE,
                    "received close_notify during the handshake");
        }
        if (!outboundClosed) {
            outboundClosed = true;
            pendingHandshake = Bytes.EMPTY;
            queueAlert(AlertDescription.CLOSE_NOTIFY);
        }
    }

    /** The rules every application data record of {@code length} content bytes passes. */
    private int onApplicationData(int length) {
        keyUpdatesInARow = 0;
        if (length == 0) {
            if (++emptyRecordsInARow > config.maxEmptyRecordsInARow()) {
                throw new TlsFailure(FailureReason.TOO_MANY_EMPTY_RECORDS, "more than " + config.maxEmptyRecordsInARow()
                        + " empty application data records in a row");
            }
            return 0;
        }
        emptyRecordsInARow = 0;
        return length;
    }

    private int copyOut(ByteBuffer[] dsts, int offset, int length) {
        int delivered = 0;
        for (int i = offset; i < offset + length && plaintext.hasRemaining(); i++) {
            ByteBuffer dst = dsts[i];
            int n = Math.min(dst.remaining(), plaintext.remaining());
            int limit = plaintext.limit();
            plaintext.limit(plaintext.position() + n);
            dst.put(plaintext);
            plaintext.limit(limit);
            delivered += n;
        }
        if (plaintext.hasRemaining()) {
            throw new IllegalStateException("caller gave too little room for a record's plaintext");
        }
        return delivered;
    }

    /**
     * Protects one record of application data from {@code srcs}: up to
     * {@link #maxFragmentLength()} bytes, written whole into {@code dst}, which the caller has
     * checked has room ({@link #sealedLength}).
     *
     * @return the number of application bytes consumed
     */
    public int seal(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        if (failure != null) {
            throw failure;
        }
        if (outboundClosed) {
            throw new IllegalStateException("outbound closed");
        }
        if (!handshaker.isComplete() || writer == null) {
            throw new IllegalStateException("handshake not complete");
        }
        try {
            return sealRecord(srcs, offset, length, dst);
        } catch (TlsFailure f) {
            throw failed(f);
        } catch (RuntimeException e) {
            throw failed(internalError(e));
        }
    }

    private int sealRecord(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) {
        int max = maxFragmentLength();
        int single = singleSource(srcs, offset, length, max);
        int consumed;
        if (single >= 0) {
            ByteBuffer src = srcs[single];
            consumed = Math.min(src.remaining(), max);
            int limit = src.limit();
            src.limit(src.position() + consumed);
            try {
                writer.seal(ContentType.APPLICATION_DATA, src, 0, dst);
            } finally {
                src.limit(limit);
            }
        } else {
            gather = withRoom(gather, max, RecordHeader.MAX_PLAINTEXT);
            gather.clear();
            for (int i = offset; i < offset + length && gather.position() < max; i++) {
                ByteBuffer src = srcs[i];
                int n = Math.min(src.remaining(), max - gather.position());
                int limit = src.limit();
                src.limit(src.position() + n);
                gather.put(src);
                src.limit(limit);
            }
            gather.flip();
            consumed = gather.remaining();
            writer.seal(ContentType.APPLICATION_DATA, gather, 0, dst);
        }
        if (handshaker.canUpdateKeys()) {
            if (writer.needsKeyUpdate()) {
                handshaker.updateKeys(false);
            }
        } else if (writer.nearUsageLimit()) {
            // TLS 1.2 has no KeyUpdate: close cleanly before the key's usage limit, as the record
            // layer would refuse the records past it (SunJSSE closes under jdk.tls.keyLimits).
            closeOutbound();
        }
        return consumed;
    }

    /** {@code buffer} if its capacity is at least {@code needed}, otherwise a new one of {@code max}. */
    private static ByteBuffer withRoom(ByteBuffer buffer, int needed, int max) {
        return buffer.capacity() >= needed ? buffer : ByteBuffer.allocate(Math.max(needed, max));
    }

    /**
     * The index of the one buffer that holds all of this record's data (the first non-empty
     * one, if it alone fills a record or no later buffer has data), or -1 if the record must
     * gather from several.
     */
    private static int singleSource(ByteBuffer[] srcs, int offset, int length, int max) {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                if (srcs[i].remaining() >= max) {
                    return i;
                }
                for (int j = i + 1; j < offset + length; j++) {
                    if (srcs[j].hasRemaining()) {
                        return -1;
                    }
                }
                return i;
            }
        }
        return offset;
    }

    /** Moves whole queued records into {@code dst} while they fit; returns the bytes written. */
    public int drainOutbound(ByteBuffer dst) {
        int written = 0;
        while (!outbound.isEmpty() && outbound.peek().remaining() <= dst.remaining()) {
            ByteBuffer record = outbound.poll();
            written += record.remaining();
            dst.put(record);
        }
        return written;
    }

    /** Queues close_notify (RFC 8446 §6.1); later application data is refused. */
    public void closeOutbound() {
        if (outboundClosed) {
            return;
        }
        outboundClosed = true;
        if (failure == null && started) {
            if (!handshaker.isComplete()) {
                // RFC 8446 §6.1: a handshake given up is user_canceled, then close_notify; a
                // close_notify alone would tell the peer of a protocol error.
                queueAlert(AlertDescription.USER_CANCELED);
            }
            queueAlert(AlertDescription.CLOSE_NOTIFY);
        }
        eraseSecretsIfOver();
    }

    /** The application will read no more; true if the peer's close_notify had arrived. */
    public boolean closeInbound() {
        boolean clean = inboundClosed && failure == null;
        inboundClosed = true;
        eraseSecretsIfOver();
        return clean;
    }

    /**
     * Once the connection has failed, or is closed both ways, no handshake message can come or
     * go: no KeyUpdate, no NewSessionTicket. Every secret still held then has no further use
     * (RFC 8446 §7.2), the client's resumption master secret included. While one direction is
     * open they stay: a half-closed peer may still send a KeyUpdate or a ticket.
     */
    private void eraseSecretsIfOver() {
        if (started && (failure != null || inboundClosed && outboundClosed)) {
            handshaker.eraseSecrets();
        }
    }

    /** Whether this connection's version has KeyUpdate: TLS 1.3 (or not yet decided). */
    public boolean canUpdateKeys() {
        return handshaker.canUpdateKeys();
    }

    /** Sends a KeyUpdate now (RFC 8446 §4.6.3), asking the peer to update too if requested. */
    public void updateKeys(boolean requestPeerUpdate) {
        if (!canUpdateKeys()) {
            throw new IllegalStateException("TLS 1.2 has no KeyUpdate (RFC 5246); this connection negotiated "
                    + handshaker.session().protocolVersion().standardName());
        }
        guard(() -> handshaker.updateKeys(requestPeerUpdate));
    }

    /**
     * Fails the connection from the outside (an application or adapter decision), queueing
     * the one fatal alert. Like a failure found inside, it ends the input too: nothing more
     * is read from a peer we sent a fatal alert (RFC 8446 §6.2).
     */
    public void fail(TlsFailure f) {
        if (failure == null) {
            failure = f;
            inboundClosed = true;
            sendFatalAlert(f.alert());
            eraseSecretsIfOver();
        }
    }

    private void guard(Runnable step) {
        try {
            step.run();
        } catch (TlsFailure f) {
            throw failed(f);
        } catch (RuntimeException e) {
            throw failed(internalError(e));
        }
    }

    /**
     * RFC 8446 §6.2: an error not related to the peer or the protocol is internal_error. Any
     * unchecked exception inside the core (a bug, or one thrown by an application's key or
     * trust manager) fails the connection like a protocol failure, so that both sides learn
     * of it and none is left waiting half-open. The exception stays as the cause.
     */
    private static TlsFailure internalError(RuntimeException e) {
        return new TlsFailure(FailureReason.INTERNAL, "internal error: " + e, e);
    }

    /** The one place a failure ends the connection: record it, queue our one fatal alert. */
    private TlsFailure failed(TlsFailure f) {
        if (failure == null) {
            observer.failed(failureFromPeer, f.alert(), f.getMessage());
            failure = f;
            inboundClosed = true;
            if (!failureFromPeer) {
                sendFatalAlert(f.alert());
            } else {
                outboundClosed = true;
            }
            eraseSecretsIfOver();
        }
        return f;
    }

    private void sendFatalAlert(AlertDescription description) {
        pendingHandshake = Bytes.EMPTY;
        queueAlert(description);
        outboundClosed = true;
    }

    private void queueAlert(AlertDescription description) {
        observer.alert(true, description);
        AlertLevel level = description.equals(AlertDescription.CLOSE_NOTIFY)
                || description.equals(AlertDescription.USER_CANCELED) ? AlertLevel.WARNING : AlertLevel.FATAL;
        queueRecord(ContentType.ALERT, new Alert(level, description).encode());
    }

    // ---- HandshakeOutput ---------------------------------------------------------------------

    @Override
    public void sendHandshake(Bytes message) {
        observeHandshake(true, message);
        pendingHandshake = pendingHandshake.concat(message);
    }

    @Override
    public void sendChangeCipherSpec() {
        flushHandshake();
        ByteBuffer record = ByteBuffer.allocate(RecordHeader.HEADER_LENGTH + 1);
        RecordHeader.writePlaintext(ContentType.CHANGE_CIPHER_SPEC, ByteBuffer.wrap(new byte[] {1}), record);
        outbound.add(record.flip());
    }

    @Override
    public void installReadKeys(RecordKeys keys) {
        try {
            // RFC 8446 §5.1: handshake messages may not span a key change.
            if (!incoming.isEmpty()) {
                throw new TlsFailure(FailureReason.HANDSHAKE_MESSAGE_SPANS_KEY_CHANGE,
                        "a handshake message spans a key change (RFC 8446 §5.1)");
            }
            reader = RecordProtection.decryptor(keys);
            keyLog.readKeysInstalled(!isClient(), keys);
        } finally {
            // The record cipher holds its own copies now (RFC 8446 §7.2: erase what has no further use).
            keys.destroy();
        }
    }

    @Override
    public void installWriteKeys(RecordKeys keys) {
        try {
            flushHandshake();
            writer = RecordProtection.encryptor(keys);
            keyLog.writeKeysInstalled(isClient(), keys);
        } finally {
            keys.destroy();
        }
    }

    @Override
    public void exporterMasterSecretDerived(ExporterMasterSecret secret) {
        keyLog.exporterMasterSecret(secret);
    }

    @Override
    public void tls12MasterSecretDerived(Tls12MasterSecret secret) {
        keyLog.tls12MasterSecret(secret);
    }

    private void flushHandshake() {
        if (pendingHandshake.isEmpty()) {
            return;
        }
        Bytes data = pendingHandshake;
        pendingHandshake = Bytes.EMPTY;
        int max = maxFragmentLength();
        for (int off = 0; off < data.length(); off += max) {
            queueRecord(ContentType.HANDSHAKE, data.slice(off, Math.min(data.length(), off + max)));
        }
    }

    private void queueRecord(ContentType type, Bytes content) {
        ByteBuffer record;
        if (writer == null) {
            record = ByteBuffer.allocate(RecordHeader.HEADER_LENGTH + content.length());
            RecordHeader.writePlaintext(type, content.asBuffer(), record);
        } else {
            // Sealed from the gather buffer, which has an array the AEAD can read directly (a
            // read-only view of the content would send the record layer to its staging copy).
            gather = withRoom(gather, content.length(), RecordHeader.MAX_PLAINTEXT);
            gather.clear();
            content.copyTo(gather.array(), 0);
            gather.limit(content.length());
            record = ByteBuffer.allocate(writer.sealedLength(content.length(), 0));
            writer.seal(type, gather, 0, record);
        }
        outbound.add(record.flip());
    }
}
