package dev.padlock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void readsNestedValuesInOrderWithEscapes() {
        Object parsed = Json.parse(" {\"a\": [1, -2, 2.5e1, true, false, null],\n \"b\": {\"s\": \"q\\\"\\\\\\/\\n\\u00e9\\ud83d\\ude00\"},"
                + " \"e\": {}, \"f\": []} ");
        assertEquals(Map.of("a", Arrays.asList(1L, -2L, 25.0, true, false, null),
                "b", Map.of("s", "q\"\\/\n\u00e9\ud83d\ude00"), "e", Map.of(), "f", List.of()), parsed);
        assertEquals(List.of("a", "b", "e", "f"), List.copyOf(((Map<?, ?>) parsed).keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]", "[1,]", "\"open", "\"\\x\"", "tru",
            "{} {}", "\"\\u12\"", "\"\\u12x4\"", "1-2"})
    void refusesMalformedInput(String text) {
        assertThrows(IllegalStateException.class, () -> Json.parse(text));
    }
}
