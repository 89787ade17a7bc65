package dev.padlock.testing;

import dev.padlock.wire.Bytes;

/**
 * RFC 8448 §4, "Resumed 0-RTT Handshake" (TLS_AES_128_GCM_SHA256, x25519, the PSK from §3's
 * ticket): key pairs, messages and records, each labelled with the trace's step. The ClientHello,
 * ServerHello, binder and records are laid out as the RFC prints them; EncryptedExtensions,
 * EndOfEarlyData and both Finished messages, which came from another published copy of the
 * trace, 16 octets a line. The one copy that the wire and crypto tests share.
 */
public final class Rfc8448ResumedHandshake {
    private Rfc8448ResumedHandshake() {
    }

    // ---- keys and secrets ----------------------------------------------------------------------

    // {client}  create an ephemeral x25519 key pair: private key
    public static final Bytes CLIENT_PRIVATE = Bytes.fromHex("""
            bf f9 11 88 28 38 46 dd 6a 21 34 ef 71
            80 ca 2b 0b 14 fb 10 dc e7 07 b5 09 8c 0d dd c8 13 b2 df
            """);

    // {server}  create an ephemeral x25519 key pair: private key
    public static final Bytes SERVER_PRIVATE = Bytes.fromHex("""
            de 5b 44 76 e7 b4 90 b2 65 2d 33 8a cb
            f2 94 80 66 f2 55 f9 44 0e 23 b9 8f c6 98 35 29 8d c1 07
            """);

    // {server}  create an ephemeral x25519 key pair: public key
    public static final Bytes SERVER_PUBLIC = Bytes.fromHex("""
            12 17 61 ee 42 c3 33 e1 b9 e7 7b 60 dd 57
            c2 05 3c d9 45 12 ab 47 f1 15 e8 6e ff 50 94 2c ea 31
            """);

    // {client}  calculate PSK binder: finished
    public static final Bytes BINDER = Bytes.fromHex("""
            3a dd 4f b2 d8 fd f8 22 a0 ca 3c f7 67 8e
            f5 e8 8d ae 99 01 41 c5 92 4d 57 bb 6f a3 1b 9e 5f 9d
            """);

    // {client}  calculate PSK binder: binder hash (of the truncated ClientHello)
    public static final Bytes BINDER_HASH = Bytes.fromHex("""
            63 22 4b 2e 45 73 f2 d3 45 4c a8 4b 9d
            00 9a 04 f6 be 9e 05 71 1a 83 96 47 3a ef a0 1e 92 4a 14
            """);

    // ---- handshake messages --------------------------------------------------------------------

    // {client}  send handshake record: payload (512 octets), binders included
    public static final Bytes CLIENT_HELLO = Bytes.fromHex("""
            01 00 01 fc 03 03 1b c3 ce b6 bb e3 9c ff
            93 83 55 b5 a5 0a db 6d b2 1b 7a 6a f6 49 d7 b4 bc 41 9d 78 76
            48 7d 95 00 00 06 13 01 13 03 13 02 01 00 01 cd 00 00 00 0b 00
            09 00 00 06 73 65 72 76 65 72 ff 01 00 01 00 00 0a 00 14 00 12
            00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 33 00
            26 00 24 00 1d 00 20 e4 ff b6 8a c0 5f 8d 96 c9 9d a2 66 98 34
            6c 6b e1 64 82 ba dd da fe 05 1a 66 b4 f1 8d 66 8f 0b 00 2a 00
            00 00 2b 00 03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02
            03 08 04 08 05 08 06 04 01 05 01 06 01 02 01 04 02 05 02 06 02
            02 02 00 2d 00 02 01 01 00 1c 00 02 40 01 00 15 00 57 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            00 29 00 dd 00 b8 00 b2 2c 03 5d 82 93 59 ee 5f f7 af 4e c9 00
            00 00 00 26 2a 64 94 dc 48 6d 2c 8a 34 cb 33 fa 90 bf 1b 00 70
            ad 3c 49 88 83 c9 36 7c 09 a2 be 78 5a bc 55 cd 22 60 97 a3 a9
            82 11 72 83 f8 2a 03 a1 43 ef d3 ff 5d d3 6d 64 e8 61 be 7f d6
            1d 28 27 db 27 9c ce 14 50 77 d4 54 a3 66 4d 4e 6d a4 d2 9e e0
            37 25 a6 a4 da fc d0 fc 67 d2 ae a7 05 29 51 3e 3d a2 67 7f a5
            90 6c 5b 3f 7d 8f 92 f2 28 bd a4 0d da 72 14 70 f9 fb f2 97 b5
            ae a6 17 64 6f ac 5c 03 27 2e 97 07 27 c6 21 a7 91 41 ef 5f 7d
            e6 50 5e 5b fb c3 88 e9 33 43 69 40 93 93 4a e4 d3 57 fa d6 aa
            cb 00 21 20 3a dd 4f b2 d8 fd f8 22 a0 ca 3c f7 67 8e f5 e8 8d
            ae 99 01 41 c5 92 4d 57 bb 6f a3 1b 9e 5f 9d
            """);

    // {server}  construct a ServerHello handshake message (from the record, header removed)
    public static final Bytes SERVER_HELLO = Bytes.fromHex("""
            02 00 00 5c 03 03 3c
            cf d2 de c8 90 22 27 63 47 2a e8 13 67 77 c9 d7 35 87 77 bb 66
            e9 1e a5 12 24 95 f5 59 ea 2d 00 13 01 00 00 34 00 29 00 02 00
            00 00 33 00 24 00 1d 00 20 12 17 61 ee 42 c3 33 e1 b9 e7 7b 60
            dd 57 c2 05 3c d9 45 12 ab 47 f1 15 e8 6e ff 50 94 2c ea 31 00
            2b 00 02 03 04
            """);

    // {server}  construct an EncryptedExtensions handshake message
    public static final Bytes ENCRYPTED_EXTENSIONS = Bytes.fromHex("""
            08 00 00 28 00 26 00 0a 00 14 00 12 00 1d 00 17
            00 18 00 19 01 00 01 01 01 02 01 03 01 04 00 1c
            00 02 40 01 00 00 00 00 00 2a 00 00
            """);

    // {server}  construct a Finished handshake message
    public static final Bytes SERVER_FINISHED = Bytes.fromHex("""
            14 00 00 20 48 d3 e0 e1 b3 d9 07 c6 ac ff 14 5e
            16 09 03 88 c7 7b 05 c0 50 b6 34 ab 1a 88 bb d0
            dd 1a 34 b2
            """);

    // {client}  construct an EndOfEarlyData handshake message
    public static final Bytes END_OF_EARLY_DATA = Bytes.fromHex("05 00 00 00");

    // {client}  construct a Finished handshake message
    public static final Bytes CLIENT_FINISHED = Bytes.fromHex("""
            14 00 00 20 72 30 a9 c9 52 c2 5c d6 13 8f c5 e6
            62 83 08 c4 1c 53 35 dd 81 b9 f9 6b ce a5 0f d3
            2b da 41 6d
            """);

    // ---- records -------------------------------------------------------------------------------

    // {server}  send handshake record: complete record (EncryptedExtensions, Finished)
    public static final Bytes SERVER_FLIGHT_RECORD = Bytes.fromHex("""
            17 03 03 00 61 dc 48 23 7b 4b 87 9f
            50 d0 d4 d2 62 ea 8b 47 16 eb 40 dd c1 eb 95 7e 11 12 6e 8a 71
            49 c2 d0 12 d3 7a 71 15 95 7e 64 ce 30 00 8b 9e 03 23 f2 c0 5a
            9c 1c 77 b4 f3 78 49 a6 95 ab 25 50 60 a3 3f ee 77 0c a9 5c b8
            48 6b fd 08 43 b8 70 24 86 5c a3 5c c4 1c 4e 51 5c 64 dc b1 36
            9f 98 63 5b c7 a5
            """);
}
