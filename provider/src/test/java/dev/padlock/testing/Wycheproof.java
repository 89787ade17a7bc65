package dev.padlock.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Wycheproof vector files in {@code shared/reference/wycheproof}, read at test time rather
 * than copied into the project. The folder is {@code -Dpadlock.wycheproof=DIR}, or the first
 * {@code shared/reference/wycheproof} found walking up from the working directory. A missing
 * folder or file fails the test, never skips it: a vector suite that silently does not run proves
 * nothing.
 */
public final class Wycheproof {
    /** A vector's expected outcome, as the file's {@code result} field says. */
    public enum Result {
        VALID, INVALID, ACCEPTABLE;

        static Result of(String text) {
            return switch (text) {
                case "valid" -> VALID;
                case "invalid" -> INVALID;
                case "acceptable" -> ACCEPTABLE;
                default -> throw new IllegalStateException("unknown Wycheproof result " + text);
            };
        }
    }

    /** The fields a test group shares with its tests (keys, parameters, hash). */
    public record Group(Map<String, Object> fields) {
        /** The string at {@code path}, through nested objects: {@code string("publicKey", "pk")}. */
        public String string(String... path) {
            Object at = fields;
            for (String key : path) {
                if (!(at instanceof Map<?, ?> object) || !object.containsKey(key)) {
                    throw new IllegalStateException("group has no " + String.join(".", path));
                }
                at = object.get(key);
            }
            return (String) at;
        }

        public byte[] hex(String... path) {
            return HexFormat.of().parseHex(string(path));
        }

        @Override
        public String toString() {
            return "group " + fields.keySet();
        }
    }

    /** One test case: its id, comment, expected result, flags, and its own (mostly hex) fields. */
    public record Case(Group group, int tcId, String comment, Result result, List<String> flags,
            Map<String, Object> fields) {
        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public String string(String field) {
            if (!has(field)) {
                throw new IllegalStateException(this + " has no field " + field);
            }
            return (String) fields.get(field);
        }

        public byte[] hex(String field) {
            return HexFormat.of().parseHex(string(field));
        }

        @Override
        public String toString() {
            return "tcId " + tcId + " (" + comment + ", " + flags + ")";
        }
    }

    private Wycheproof() {
    }

    /** The vector folder; fails (AssertionError) when there is none. */
    public static Path folder() {
        String configured = System.getProperty("padlock.wycheproof");
        if (configured != null) {
            if (!Files.isDirectory(Path.of(configured))) {
                throw new AssertionError("-Dpadlock.wycheproof=" + configured + " is not a folder");
            }
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

    /** Every case of {@code file}, in file order, after checking their count against numberOfTests. */
    @SuppressWarnings("unchecked")
    public static List<Case> cases(String file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(folder().resolve(file)));
        List<Case> out = new ArrayList<>();
        for (Object g : (List<Object>) root.get("testGroups")) {
            Group group = new Group((Map<String, Object>) g);
            for (Object t : (List<Object>) group.fields().get("tests")) {
                out.add(toCase(group, (Map<String, Object>) t));
            }
        }
        long declared = (Long) root.get("numberOfTests");
        if (out.isEmpty() || out.size() != declared) {
            throw new AssertionError(file + ": read " + out.size() + " tests, the file says " + declared);
        }
        return List.copyOf(out);
    }

    /** The case {@code tcId} of {@code file}; fails when there is none. */
    public static Case find(String file, int tcId) throws IOException {
        return cases(file).stream().filter(c -> c.tcId() == tcId).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no tcId " + tcId));
    }

    @SuppressWarnings("unchecked")
    private static Case toCase(Group group, Map<String, Object> test) {
        List<String> flags = test.containsKey("flags") ? List.copyOf((List<String>) test.get("flags")) : List.of();
        return new Case(group, ((Long) test.get("tcId")).intValue(), (String) test.get("comment"),
                Result.of((String) test.get("result")), flags, Collections.unmodifiableMap(test));
    }
}
