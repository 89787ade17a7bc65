package dev.padlock.crypto.mlkem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Wycheproof vector file from {@code shared/reference/wycheproof} (found by walking up from
 * the working directory, or named by {@code -Dpadlock.wycheproof=DIR}), read at test time rather
 * than copied into the project. A missing folder fails: vectors that silently do not run prove
 * nothing. The JSON reader covers what these files use: objects, arrays, strings, integers.
 */
public final class WycheproofFile {
    /** One test with its group's fields. */
    public record Vector(Map<String, Object> group, Map<String, Object> test) {
        public int id() {
            return ((Number) test.get("tcId")).intValue();
        }

        public String result() {
            return (String) test.get("result");
        }

        boolean has(String field) {
            return test.containsKey(field);
        }

        public byte[] hex(String field) {
            return HexFormat.of().parseHex((String) test.get(field));
        }

        @Override
        public String toString() {
            return "tcId " + id() + " (" + test.get("comment") + ", " + test.get("flags") + ")";
        }
    }

    private final String text;
    private int pos;

    private WycheproofFile(String text) {
        this.text = text;
    }

    @SuppressWarnings("unchecked")
    public static List<Vector> vectors(String fileName) throws IOException {
        String json = Files.readString(folder().resolve(fileName));
        Map<String, Object> root = (Map<String, Object>) new WycheproofFile(json).value();
        List<Vector> out = new ArrayList<>();
        for (Object g : (List<Object>) root.get("testGroups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            for (Object t : (List<Object>) group.get("tests")) {
                out.add(new Vector(group, (Map<String, Object>) t));
            }
        }
        if (out.size() != ((Number) root.get("numberOfTests")).intValue()) {
            throw new AssertionError(fileName + ": read " + out.size() + " tests, the file says " + root.get("numberOfTests"));
        }
        return out;
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
                + "; set -Dpadlock.wycheproof=DIR");
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '{') {
            return object();
        } else if (c == '[') {
            return array();
        } else if (c == '"') {
            return string();
        } else if (text.startsWith("true", pos) || text.startsWith("false", pos) || text.startsWith("null", pos)) {
            String word = text.startsWith("true", pos) ? "true" : text.startsWith("false", pos) ? "false" : "null";
            pos += word.length();
            return word.equals("null") ? null : Boolean.valueOf(word);
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return Long.parseLong(text.substring(start, pos));
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (text.charAt(pos++) == '}') {
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (text.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (text.charAt(pos++) == ']') {
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != '"') {
            char c = text.charAt(pos++);
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        pos++;
        return sb.toString();
    }

    private void expect(char c) {
        if (text.charAt(pos++) != c) {
            throw new IllegalStateException("expected '" + c + "' at " + (pos - 1));
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
