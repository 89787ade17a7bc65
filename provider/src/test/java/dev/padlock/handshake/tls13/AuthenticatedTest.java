package dev.padlock.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client reaches the server's Finished only with a proof that the server authenticated
 * (RFC 8446 §4.4): the shape of the code holds that, so this checks the shape.
 */
class AuthenticatedTest {

    @Test
    void onlyACertificateVerifyOrASelectedPskMakesTheProof() {
        for (Constructor<?> c : Authenticated.class.getDeclaredConstructors()) {
            assertTrue(Modifier.isPrivate(c.getModifiers()), c + " is not private");
        }
        Set<String> makers = Arrays.stream(Authenticated.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Authenticated.class)
                .map(Method::getName).collect(Collectors.toSet());
        assertEquals(Set.of("byCertificateVerify", "byPsk"), makers);
    }

    @Test
    void theServersFinishedCannotBeAwaitedWithoutTheProof() {
        for (Constructor<?> c : ExpectServerFinished.class.getDeclaredConstructors()) {
            assertTrue(Arrays.asList(c.getParameterTypes()).contains(Authenticated.class), c.toString());
        }
    }
}
