package dev.padlock.crypto.p256;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Wycheproof vectors from ../shared/reference/wycheproof (found from the module or the
 * repository root), with a JSON reader just large enough for them: the vectors stay where they
 * are, not copied into the project.
 */
final class Wycheproof {
    private Wycheproof() {
    }

    /** One vector: its group's fields and its own. */
    record Vector(Map<String, Object> group, Map<String, Object> test) {
        String string(String key) {
            return (String) test.get(key);
        }

        int tcId() {
            return ((Number) test.get("tcId")).intValue();
        }

        String result() {
            return string("result");
        }

        @Override
        public String toString() {
            return "tcId " + tcId() + " (" + test.get("comment") + ", " + test.get("flags") + ")";
        }
    }

    /** Every vector of {@code file}, checked against its numberOfTests. */
    @SuppressWarnings("unchecked")
    static List<Vector> vectors(String file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) new Parser(Files.readString(locate(file))).value();
        List<Vector> out = new ArrayList<>();
        for (Object g : (List<Object>) root.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            for (Object t : (List<Object>) group.get("tests")) {
                out.add(new Vector(group, (Map<String, Object>) t));
            }
        }
        assertEquals(((Number) root.get("numberOfTests")).intValue(), out.size(), file + ": every vector read");
        return out;
    }

    private static Path locate(String file) {
        for (String base : List.of("../../shared/reference/wycheproof", "../shared/reference/wycheproof",
                "/work/shared/reference/wycheproof")) {
            Path p = Path.of(base, file);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        assertTrue(false, "Wycheproof file " + file + " not found under ../shared/reference/wycheproof");
        throw new AssertionError();
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Objects, arrays, strings (with the escapes Wycheproof uses), numbers, true/false/null. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
                return c == 't' ? Boolean.TRUE : null;
            } else if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            int start = i;
            while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            while (s.charAt(i) != '}') {
                String key = string();
                skip();
                expect(':');
                m.put(key, value());
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                    skip();
                }
            }
            i++;
            return m;
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            while (s.charAt(i) != ']') {
                l.add(value());
                skip();
                if (s.charAt(i) == ',') {
                    i++;
                }
                skip();
            }
            i++;
            return l;
        }

        private String string() {
            skip();
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalStateException("JSON: expected " + c + " at " + i);
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
