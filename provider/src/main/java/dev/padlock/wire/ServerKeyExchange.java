package dev.padlock.wire;

import java.util.Objects;

/**
 * ServerKeyExchange for ECDHE (RFC 8422 §5.4): {@code ServerECDHParams params} (curve_type
 * named_curve(3), the NamedGroup, {@code opaque point<1..2^8-1>}) and the TLS 1.2
 * {@code digitally-signed} struct over client_random + server_random + params (RFC 5246 §4.7).
 */
public record ServerKeyExchange(NamedGroup group, Bytes publicKey, SignatureScheme algorithm, Bytes signature)
        implements HandshakeMessage {
    /** ECCurveType named_curve (RFC 8422 §5.4); explicit curves are deprecated and refused. */
    public static final int NAMED_CURVE = 3;

    public ServerKeyExchange {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public HandshakeType type() {
        return HandshakeType.SERVER_KEY_EXCHANGE;
    }

    /** The ServerECDHParams bytes, as signed. */
    public Bytes params() {
        TlsWriter w = new TlsWriter(4 + publicKey.length());
        writeParams(w, group, publicKey);
        return w.toBytes();
    }

    /** client_random + server_random + ServerECDHParams: what the signature covers (RFC 8422 §5.4). */
    public static byte[] signedContent(Bytes clientRandom, Bytes serverRandom, NamedGroup group, Bytes publicKey) {
        TlsWriter w = new TlsWriter(68 + publicKey.length());
        w.bytes(clientRandom);
        w.bytes(serverRandom);
        writeParams(w, group, publicKey);
        return w.toByteArray();
    }

    private static void writeParams(TlsWriter w, NamedGroup group, Bytes publicKey) {
        w.u8(NAMED_CURVE);
        group.write(w);
        w.vector8(publicKey);
    }

    @Override
    public void encodeBody(TlsWriter w) {
        writeParams(w, group, publicKey);
        algorithm.write(w);
        w.vector16(signature);
    }

    public static ServerKeyExchange decode(TlsReader body) {
        int curveType = body.u8("curve_type");
        if (curveType != NAMED_CURVE) {
            throw new TlsFailure(FailureReason.SERVER_KEY_EXCHANGE_NOT_NAMED_CURVE,
                    "ServerKeyExchange curve_type " + curveType + "; only named_curve(3) is allowed (RFC 8422 §5.4)");
        }
        NamedGroup group = NamedGroup.read(body, "namedcurve");
        Bytes point = body.vector8("point", 1, 255);
        SignatureScheme algorithm = SignatureScheme.read(body, "algorithm");
        Bytes signature = body.vector16("signature", 0, 0xFFFF);
        body.expectEnd();
        return new ServerKeyExchange(group, point, algorithm, signature);
    }
}
