package dev.padlock.jsse;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import javax.net.ssl.SSLParameters;

/**
 * {@code SSLParameters.getNamedGroups}/{@code setNamedGroups} and
 * {@code getSignatureSchemes}/{@code setSignatureSchemes}, which exist from JDK 20 on. Padlock is
 * built for 17, so it reaches them reflectively; on a JDK without them there is nothing an
 * application could have set, and nothing is read or written.
 */
final class Jdk20Parameters {
    private static final MethodHandle GET_NAMED_GROUPS = getter("getNamedGroups");
    private static final MethodHandle SET_NAMED_GROUPS = setter("setNamedGroups");
    private static final MethodHandle GET_SIGNATURE_SCHEMES = getter("getSignatureSchemes");
    private static final MethodHandle SET_SIGNATURE_SCHEMES = setter("setSignatureSchemes");

    private Jdk20Parameters() {
    }

    /** Whether this JDK's SSLParameters has the named group and signature scheme methods. */
    static boolean available() {
        return GET_NAMED_GROUPS != null && SET_NAMED_GROUPS != null && GET_SIGNATURE_SCHEMES != null
                && SET_SIGNATURE_SCHEMES != null;
    }

    /** The named groups set on {@code p}, or null (not set, or a JDK without the method). */
    static String[] namedGroups(SSLParameters p) {
        return get(GET_NAMED_GROUPS, p);
    }

    static void namedGroups(SSLParameters p, String[] names) {
        set(SET_NAMED_GROUPS, p, names);
    }

    /** The signature schemes set on {@code p}, or null (not set, or a JDK without the method). */
    static String[] signatureSchemes(SSLParameters p) {
        return get(GET_SIGNATURE_SCHEMES, p);
    }

    static void signatureSchemes(SSLParameters p, String[] names) {
        set(SET_SIGNATURE_SCHEMES, p, names);
    }

    private static String[] get(MethodHandle getter, SSLParameters p) {
        if (getter == null) {
            return null;
        }
        try {
            return (String[]) getter.invokeExact(p);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("SSLParameters getter failed", t);
        }
    }

    /** Validation errors of the JDK's setter (IllegalArgumentException) reach the caller unchanged. */
    private static void set(MethodHandle setter, SSLParameters p, String[] names) {
        if (setter == null) {
            return;
        }
        try {
            setter.invokeExact(p, names);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("SSLParameters setter failed", t);
        }
    }

    private static MethodHandle getter(String name) {
        try {
            return MethodHandles.publicLookup().findVirtual(SSLParameters.class, name,
                    MethodType.methodType(String[].class));
        } catch (NoSuchMethodException | IllegalAccessException absentBeforeJdk20) {
            return null;
        }
    }

    private static MethodHandle setter(String name) {
        try {
            return MethodHandles.publicLookup().findVirtual(SSLParameters.class, name,
                    MethodType.methodType(void.class, String[].class));
        } catch (NoSuchMethodException | IllegalAccessException absentBeforeJdk20) {
            return null;
        }
    }
}
