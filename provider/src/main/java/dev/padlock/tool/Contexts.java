package dev.padlock.tool;

import dev.padlock.PadlockProvider;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Padlock contexts for the tool, from an explicit provider instance (never through
 * {@code java.security}, so the tool speaks Padlock whatever the JDK's configuration).
 *
 * <p>Padlock reads its debug log, key log and {@code jdk.tls.namedGroups} from system properties
 * once, when a context is created (README, "Debugging a connection"); the tool sets them for
 * that moment only and puts the previous values back, so a test calling the tool in-process
 * leaves its JVM as it found it. JDK 17 has no {@code SSLParameters.setNamedGroups}, so this is
 * also how {@code --groups} reaches the handshake there.
 */
final class Contexts {
    private static final Object PROPERTIES = new Object();

    /** The settings that become context-creation properties. */
    record Diagnostics(boolean debug, Path keyLog, List<String> groups) {
        Diagnostics {
            groups = List.copyOf(groups);
        }

        Diagnostics withGroups(List<String> g) {
            return new Diagnostics(debug, keyLog, g);
        }

        private Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("dev.padlock.debug", debug ? "true" : null);
            p.put("dev.padlock.keyLogFile", keyLog != null ? keyLog.toString() : null);
            p.put("jdk.tls.namedGroups", groups.isEmpty() ? null : String.join(",", groups));
            return p;
        }
    }

    private Contexts() {
    }

    static SSLContext create(Diagnostics diagnostics, KeyManager keyManager, TrustManager trustManager)
            throws UsageException {
        synchronized (PROPERTIES) {
            Map<String, String> previous = new HashMap<>();
            diagnostics.properties().forEach((name, value) -> {
                previous.put(name, System.getProperty(name));
                if (value != null) {
                    System.setProperty(name, value);
                }
            });
            try {
                SSLContext context = SSLContext.getInstance("TLS", new PadlockProvider());
                context.init(new KeyManager[] {keyManager}, new TrustManager[] {trustManager}, null);
                return context;
            } catch (GeneralSecurityException e) {
                // Padlock refuses a property naming nothing it supports (--groups nonsense).
                throw new UsageException("Padlock cannot start with these settings: " + e.getMessage());
            } finally {
                previous.forEach((name, value) -> {
                    if (value == null) {
                        System.clearProperty(name);
                    } else {
                        System.setProperty(name, value);
                    }
                });
            }
        }
    }
}
