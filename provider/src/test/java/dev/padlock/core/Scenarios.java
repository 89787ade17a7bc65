package dev.padlock.core;

import static dev.padlock.core.Hostile.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.padlock.core.ScriptedPeer.Sent;
import dev.padlock.handshake.HandshakeConfig;
import dev.padlock.wire.Bytes;
import dev.padlock.wire.HandshakeType;
import java.util.List;

/** A real connection under test facing a {@link ScriptedPeer}, driven to a chosen point. */
final class Scenarios {
    private Scenarios() {
    }

    /** A real client, and a scripted server whose whole first flight is held back. */
    static final class ClientVictim {
        final TlsConnection client;
        final ScriptedPeer server;
        final List<Sent> flight;

        ClientVictim(HandshakeConfig clientConfig, HandshakeConfig serverConfig) {
            this(Config.of(clientConfig), serverConfig);
        }

        ClientVictim(Config clientConfig, HandshakeConfig serverConfig) {
            client = new TlsConnection(clientConfig, Hostile.session());
            server = new ScriptedPeer(serverConfig);
            client.start();
            server.handshaker.start();
            server.receiveFrom(client);
            flight = server.take();
            assertEquals(HandshakeType.SERVER_HELLO.code(), flight.get(0).message().get(0));
        }

        ClientVictim() {
            this(Hostile.clientConfig(), Hostile.serverConfig());
        }

        /** The first flight message of {@code type}. */
        Sent message(HandshakeType type) {
            return flight.stream().filter(s -> (s.message().get(0) & 0xFF) == type.code()).findFirst().orElseThrow();
        }

        Sent replaced(HandshakeType type, Bytes message) {
            return new Sent(message, message(type).epoch());
        }

        /** Delivers the flight up to (not including) the message of {@code type}. */
        void deliverUpTo(HandshakeType type) {
            for (Sent s : flight) {
                if ((s.message().get(0) & 0xFF) == type.code()) {
                    return;
                }
                deliver(client, server.record(s));
            }
        }

        /** Completes the handshake both ways. */
        void complete() {
            deliver(client, server.records(flight));
            server.receiveFrom(client);
            assertTrue(client.isHandshakeComplete());
            assertTrue(server.handshaker.isComplete());
        }
    }

    /** A real server that answered a scripted client's ClientHello; the client's second flight is held back. */
    static final class ServerVictim {
        final TlsConnection server;
        final ScriptedPeer client;
        final List<Sent> secondFlight;

        ServerVictim(HandshakeConfig clientConfig, Config serverConfig) {
            server = new TlsConnection(serverConfig, Hostile.session());
            client = new ScriptedPeer(clientConfig);
            server.start();
            client.handshaker.start();
            deliver(server, client.records(client.take()));
            client.receiveFrom(server);
            secondFlight = client.take();
        }

        ServerVictim() {
            this(Hostile.clientConfig(), Config.of(Hostile.serverConfig()));
        }

        Sent message(HandshakeType type) {
            return secondFlight.stream().filter(s -> (s.message().get(0) & 0xFF) == type.code()).findFirst()
                    .orElseThrow();
        }

        /** Completes the handshake both ways. */
        void complete() {
            deliver(server, client.records(secondFlight));
            assertTrue(server.isHandshakeComplete());
            assertTrue(client.handshaker.isComplete());
        }
    }
}
