package dev.padlock.crypto.curve25519;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Wycheproof vector files in {@code ../shared/reference/wycheproof}, read at test time (not
 * copied into the project), with a JSON reader just big enough for them. A missing folder fails
 * the test rather than skipping it: a vector suite that silently does not run proves nothing.
 */
public final class Wycheproof {
    /** One test case: its group's fields, its own fields, and the expected result. */
    public record Case(Map<String, Object> group, Map<String, Object> test) {
        public int id() {
            return ((Number) test.get("tcId")).intValue();
        }

        public String result() {
            return (String) test.get("result");
        }

        public byte[] hex(String field) {
            return HexFormat.of().parseHex((String) test.get(field));
        }

        @SuppressWarnings("unchecked")
        public List<String> flags() {
            return (List<String>) test.get("flags");
        }

        @Override
        public String toString() {
            return "tcId " + id() + " " + test.get("comment") + " " + flags();
        }
    }

    private Wycheproof() {
    }

    static Path folder() {
        String configured = System.getProperty("padlock.wycheproof");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/wycheproof");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no shared/reference/wycheproof above " + Path.of("").toAbsolutePath()
                + "; set -Dpadlock.wycheproof=<folder>");
    }

    /** Every case of {@code file}, after checking the file's count of them. */
    @SuppressWarnings("unchecked")
    public static List<Case> cases(String file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) new Parser(
                Files.readString(folder().resolve(file))).value();
        List<Case> out = new ArrayList<>();
        for (Object g : (List<Object>) root.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            for (Object t : (List<Object>) group.get("tests")) {
                out.add(new Case(group, (Map<String, Object>) t));
            }
        }
        assertEquals(((Number) root.get("numberOfTests")).intValue(), out.size(), file + " read whole");
        assertTrue(out.size() > 100, file);
        return out;
    }

    /** RFC 8259 JSON, enough of it for these files (no surrogate pairs in \\u escapes needed). */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            skip();
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            skip();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                skip();
                String key = string();
                skip();
                expect(':');
                m.put(key, value());
                skip();
                if (s.charAt(i++) == '}') {
                    return m;
                }
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            skip();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                skip();
                if (s.charAt(i++) == ']') {
                    return l;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
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

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String n = s.substring(start, i);
            return n.contains(".") || n.contains("e") || n.contains("E") ? (Object) Double.parseDouble(n)
                    : (Object) Long.parseLong(n);
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) {
                throw new IllegalStateException("bad JSON at " + i);
            }
            i += word.length();
            return v;
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("expected " + c + " at " + (i - 1));
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
