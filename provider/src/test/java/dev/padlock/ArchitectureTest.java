package dev.padlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's package table: arrows point down only. Checked on the main sources' imports. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/padlock");
    private static final Pattern OURS = Pattern.compile("^import (?:static )?dev\\.padlock\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** What each package may use, from DESIGN.md. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "wire", Set.of(),
            "crypto", Set.of("wire"),
            "record", Set.of("crypto", "wire"),
            "session", Set.of("crypto", "wire"),
            "handshake", Set.of("crypto", "wire", "session"),
            "core", Set.of("handshake", "record", "crypto", "wire", "session"),
            "jsse", Set.of("core", "session", "wire", "handshake", "crypto"));

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the provider module");
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, Set<String>> e : MAY_USE.entrySet()) {
            // Sub-packages (handshake.tls13) count as their top-level package, as in DESIGN.md's table.
            try (Stream<Path> paths = Files.walk(SOURCES.resolve(e.getKey()))) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher m = OURS.matcher(Files.readString(file));
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(e.getKey()) && !e.getValue().contains(used)) {
                            violations.add(file.getFileName() + " (" + e.getKey() + ") uses " + used);
                        }
                    }
                }
            }
        }
        assertTrue(files > 100, "found the sources: " + files);
        assertEquals(List.of(), violations);
    }
}
