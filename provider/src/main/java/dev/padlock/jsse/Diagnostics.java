package dev.padlock.jsse;

import dev.padlock.core.ConnectionObserver;
import dev.padlock.wire.AlertDescription;
import dev.padlock.wire.HandshakeType;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Key log and debug log, switched on by properties read once per context:
 * <ul>
 *   <li>{@code dev.padlock.keyLogFile=<path>} appends the NSS key log there;</li>
 *   <li>{@code dev.padlock.keyLogFromEnvironment=true} additionally honours the
 *       {@code SSLKEYLOGFILE} environment variable (never on its own: an environment variable
 *       inherited by accident must not leak secrets);</li>
 *   <li>{@code dev.padlock.debug=true} logs one line per handshake message and alert, the
 *       negotiated parameters and why a handshake failed, through {@link System.Logger}
 *       "dev.padlock" at INFO — never a secret.</li>
 * </ul>
 */
final class Diagnostics {
    static final Diagnostics NONE = new Diagnostics(null, false);

    private final KeyLogFile keyLog;
    private final boolean debug;

    private Diagnostics(KeyLogFile keyLog, boolean debug) {
        this.keyLog = keyLog;
        this.debug = debug;
    }

    static Diagnostics fromSystem() {
        return from(System::getProperty, System::getenv);
    }

    static Diagnostics from(Function<String, String> properties, Function<String, String> environment) {
        String file = properties.apply("dev.padlock.keyLogFile");
        if ((file == null || file.isBlank()) && Boolean.parseBoolean(properties.apply("dev.padlock.keyLogFromEnvironment"))) {
            file = environment.apply("SSLKEYLOGFILE");
        }
        KeyLogFile keyLog = file == null || file.isBlank() ? null : KeyLogFile.open(Path.of(file));
        boolean debug = Boolean.parseBoolean(properties.apply("dev.padlock.debug"));
        return keyLog == null && !debug ? NONE : new Diagnostics(keyLog, debug);
    }

    /** The observer for one connection; {@code who} names it in debug lines ("client localhost:443"). */
    ConnectionObserver observer(String who) {
        if (this == NONE) {
            return ConnectionObserver.NONE;
        }
        Logger log = debug ? System.getLogger("dev.padlock") : null;
        return new ConnectionObserver() {
            @Override
            public void secret(String label, byte[] clientRandom, byte[] secret) {
                if (keyLog != null) {
                    keyLog.write(label, clientRandom, secret);
                }
                Arrays.fill(secret, (byte) 0);
            }

            @Override
            public void handshakeMessage(boolean outbound, HandshakeType type, int length) {
                if (log != null) {
                    log.log(Level.INFO, () -> "[" + who + "] " + (outbound ? "sent " : "received ") + type
                            + " (" + length + " bytes)");
                }
            }

            @Override
            public void alert(boolean outbound, AlertDescription description) {
                if (log != null) {
                    log.log(Level.INFO, () -> "[" + who + "] " + (outbound ? "sent" : "received") + " alert "
                            + description);
                }
            }

            @Override
            public void handshakeComplete(String summary) {
                if (log != null) {
                    log.log(Level.INFO, () -> "[" + who + "] handshake complete: " + summary);
                }
            }

            @Override
            public void failed(boolean byPeer, AlertDescription alert, String detail) {
                if (log != null) {
                    log.log(Level.INFO, () -> "[" + who + "] " + (byPeer ? "peer ended the connection: " : "failed ("
                            + alert + "): ") + detail);
                }
            }
        };
    }
}
