package dev.padlock.it.dropin;

import java.io.PrintStream;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * Child-JVM side: prints what a scenario observed as {@code key=value} lines for the test to
 * assert. Like the scenario programs, it never names Padlock: it reports what the JDK chose.
 */
final class Facts {
    private Facts() {}

    static void print(String key, Object value) {
        System.out.println(key + "=" + value);
    }

    /** The provider behind {@code SSLContext.getDefault()}, the one unmodified programs get. */
    static void printDefaultContext() throws NoSuchAlgorithmException {
        Provider provider = SSLContext.getDefault().getProvider();
        print("context.provider", provider.getName());
        // null when the provider was loaded from the class path (the unnamed module)
        print("context.provider.module", provider.getClass().getModule().getName());
    }

    static String describe(String prefix, SSLSession session) {
        return prefix + ".session.class=" + session.getClass().getName() + "\n"
                + prefix + ".protocol=" + session.getProtocol() + "\n"
                + prefix + ".suite=" + session.getCipherSuite() + "\n";
    }

    static void printSession(String prefix, SSLSession session) {
        System.out.print(describe(prefix, session));
    }

    /** The class and message of a failure and of its cause, one fact each. */
    static void printFailure(Throwable t) {
        print("error.class", t.getClass().getName());
        print("error.message", oneLine(t.getMessage()));
        Throwable cause = t.getCause();
        print("error.cause.class", cause == null ? "none" : cause.getClass().getName());
        print("error.cause.message", cause == null ? "none" : oneLine(cause.getMessage()));
        PrintStream err = System.err;
        t.printStackTrace(err);
    }

    static String oneLine(String s) {
        return s == null ? "null" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
