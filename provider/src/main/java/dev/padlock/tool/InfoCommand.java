package dev.padlock.tool;

import dev.padlock.Padlock;
import dev.padlock.PadlockProvider;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** {@code padlock info}: what this Padlock and this JDK support and enable, and the settings in force. */
final class InfoCommand {
    /** The system properties Padlock reads (README, "What works"), in the order a reader looks for them. */
    static final List<String> SYSTEM_PROPERTIES = List.of("jdk.tls.client.protocols", "jdk.tls.server.protocols",
            "jdk.tls.client.cipherSuites", "jdk.tls.server.cipherSuites", "jdk.tls.namedGroups",
            "jdk.tls.client.SignatureSchemes", "jdk.tls.server.SignatureSchemes", "jdk.tls.client.useCompatibilityMode",
            "jdk.tls.client.enableSessionTicketExtension", "jdk.tls.server.enableSessionTicketExtension",
            "jdk.tls.client.enableCAExtension", "jdk.tls.maxHandshakeMessageSize", "javax.net.ssl.sessionCacheSize",
            "javax.net.ssl.keyStore", "javax.net.ssl.trustStore", "dev.padlock.debug", "dev.padlock.keyLogFile",
            "padlock.crypto");
    /** Security properties ({@code java.security}) that decide what is allowed. */
    static final List<String> SECURITY_PROPERTIES = List.of("jdk.tls.disabledAlgorithms",
            "jdk.certpath.disabledAlgorithms", "padlock.crypto");

    private InfoCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException {
        Options o = Options.parse(args, Set.of(), Set.of());
        if (!o.positional().isEmpty()) {
            throw new UsageException("info takes no argument: " + o.positional().get(0));
        }
        PadlockProvider provider = new PadlockProvider();
        String jarVersion = Main.class.getPackage().getImplementationVersion();
        out.println("Padlock " + provider.getVersionStr() + (jarVersion != null ? " (jar " + jarVersion + ")" : ""));
        out.println("JDK:        " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ") at " + System.getProperty("java.home"));
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS", provider);
            context.init(null, null, null);
        } catch (GeneralSecurityException e) {
            out.println("Padlock cannot start with the settings below: " + e.getMessage());
            printProperties(out);
            return 1;
        }
        SSLParameters supported = context.getSupportedSSLParameters();
        SSLParameters defaults = context.getDefaultSSLParameters();
        out.println("protocols:  supported " + List.of(supported.getProtocols()) + ", enabled "
                + List.of(defaults.getProtocols()));
        out.println("cipher suites, supported: " + String.join(", ", supported.getCipherSuites()));
        out.println("cipher suites, enabled:   " + String.join(", ", defaults.getCipherSuites()));
        out.println("named groups, supported:  " + String.join(", ", Padlock.supportedNamedGroups()));
        out.println("named groups, enabled:    " + jdk20List(defaults, "getNamedGroups"));
        out.println("signature schemes, supported: " + String.join(", ", Padlock.supportedSignatureSchemes()));
        printProperties(out);
        printInstallation(out);
        return 0;
    }

    /**
     * {@code SSLParameters.getNamedGroups} exists from JDK 20; the tool is built for 17, so it
     * asks by reflection.
     */
    private static String jdk20List(SSLParameters p, String getter) {
        try {
            Method m = SSLParameters.class.getMethod(getter);
            String[] names = (String[]) m.invoke(p);
            return names == null ? "(the defaults)" : String.join(", ", names);
        } catch (NoSuchMethodException e) {
            return "(JDK 20+ reports them; on this JDK see jdk.tls.namedGroups and jdk.tls.disabledAlgorithms below)";
        } catch (ReflectiveOperationException e) {
            return "(unavailable: " + e + ")";
        }
    }

    private static void printProperties(PrintStream out) {
        out.println("system properties:");
        for (String name : SYSTEM_PROPERTIES) {
            String v = System.getProperty(name);
            out.println("  " + name + " = " + (v == null ? "(unset)" : v));
        }
        out.println("security properties:");
        for (String name : SECURITY_PROPERTIES) {
            String v = Security.getProperty(name);
            out.println("  " + name + " = " + (v == null ? "(unset)" : v));
        }
    }

    private static void printInstallation(PrintStream out) {
        String answering;
        try {
            answering = SSLContext.getInstance("TLS").getProvider().getName();
        } catch (GeneralSecurityException e) {
            answering = "no provider";
        }
        Provider[] installed = Security.getProviders();
        for (int i = 0; i < installed.length; i++) {
            if (installed[i].getName().equals(PadlockProvider.NAME)) {
                out.println("java.security: Padlock is installed, provider " + (i + 1) + " of " + installed.length
                        + (i == 0 ? " (first)" : " (not first)") + "; SSLContext.getInstance(\"TLS\") gives "
                        + answering + "'s");
                return;
            }
        }
        out.println("java.security: Padlock is not installed; SSLContext.getInstance(\"TLS\") gives " + answering
                + "'s (this tool uses its own Padlock instance)");
    }
}
