package dev.padlock.handshake.tls13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The TLS 1.3 machine's shape: a closed set of states, and per-handshake data carried from
 * state to state as constructor arguments, not written by states into fields of the handshaker.
 */
class StateShapeTest {

    @Test
    void theStatesAreAClosedSetOfFinalClasses() {
        assertTrue(State.class.isSealed());
        Set<String> permitted = Arrays.stream(State.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertEquals(Set.of("ExpectServerHello", "ExpectEncryptedExtensions", "ExpectCertificateOrCertificateRequest",
                "ExpectServerCertificate", "ExpectServerCertificateVerify", "ExpectServerFinished",
                "ExpectClientHello", "ExpectClientCertificate", "ExpectClientCertificateVerify",
                "ExpectClientFinished", "Connected"), permitted);
        for (Class<?> state : State.class.getPermittedSubclasses()) {
            assertTrue(Modifier.isFinal(state.getModifiers()), state + " is not final");
            for (Field field : state.getDeclaredFields()) {
                assertTrue(Modifier.isFinal(field.getModifiers()), field + " is not final: a state is a value");
            }
        }
    }

    @Test
    void noStateCanWriteAFieldOfTheHandshaker() {
        List<String> writable = new ArrayList<>();
        for (Class<?> type : List.of(Tls13Handshaker.class, ClientHandshaker.class, ServerHandshaker.class)) {
            for (Field field : type.getDeclaredFields()) {
                int m = field.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isFinal(m) && !Modifier.isPrivate(m)) {
                    writable.add(field.toString());
                }
            }
        }
        assertEquals(List.of(), writable);
    }
}
