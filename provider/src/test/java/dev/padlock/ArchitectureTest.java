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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's package table, held on the main sources' imports: arrows point down only. The
 * table is DESIGN.md's exactly; where the code needs an arrow the table does not draw, the one
 * class it needs is named below with the reason (README, "Design"), so no other use can creep in.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/padlock");
    private static final Pattern OURS = Pattern.compile(
            "^import (?:static )?dev\\.padlock\\.([a-z]+)((?:\\.[a-z0-9]+)*)\\.([A-Z][A-Za-z0-9]*)", Pattern.MULTILINE);

    /**
     * What each package may use, exactly as DESIGN.md's table says, plus the tool on top. A
     * sub-package (crypto's own primitives: {@code crypto.curve25519}, {@code crypto.p256}) belongs
     * to its top package's row and has its arrows; {@link #cryptoSubPackagesUseNothingAbove} keeps
     * them below crypto itself.
     */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "wire", Set.of(),
            "crypto", Set.of("wire"),
            "record", Set.of("crypto", "wire"),
            "session", Set.of("crypto", "wire"),
            "handshake", Set.of("crypto", "wire", "session"),
            "core", Set.of("handshake", "record", "crypto", "wire"),
            "jsse", Set.of("core", "session", "wire"),
            // The command-line tool (README, "Command-line tool") is an application of Padlock: it
            // sees only the public dev.padlock API and javax.net.ssl, as any user would.
            "tool", Set.of());

    /**
     * The named classes a package uses beyond the table, each for a reason the table cannot
     * serve: "package -> used package" to the classes allowed.
     */
    private static final Map<String, Set<String>> EXCEPTIONS = Map.of(
            // The adapters build the handshake's immutable configuration snapshot (DESIGN.md: reading
            // jdk.tls.* and the managers is their job) and implement its credential and trust
            // interfaces over the JSSE managers; handshake cannot see jsse, and core sits above
            // handshake, so these types cannot live anywhere the table lets jsse reach.
            "jsse -> handshake", Set.of("HandshakeConfig", "Credentials", "Credential", "PeerTrust", "ClientAuth",
                    "Resumption"),
            // The suite list of that configuration, and the JCA names SSLSession reports for
            // signature schemes (getPeerSupportedSignatureAlgorithms), which only crypto knows.
            "jsse -> crypto", Set.of("CipherSuiteSpec", "SignatureSchemes"),
            // The connection hands the adapter's per-connection session state to its handshake and
            // back; the adapters wrap it as SSLSession.
            "core -> session", Set.of("TlsSession"));

    /** crypto's primitive packages: pure arithmetic, reached from crypto, using none of our code. */
    private static final Set<String> CRYPTO_SUB_PACKAGES = Set.of("curve25519");

    @Test
    void cryptoSubPackagesUseNothingAbove() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(SOURCES.resolve("crypto"))) {
            dirs.filter(Files::isDirectory).forEach(d -> found.add(d.getFileName().toString()));
        }
        assertTrue(found.containsAll(CRYPTO_SUB_PACKAGES), "found " + found);
        List<String> violations = new ArrayList<>();
        for (String sub : found) {
            List<Path> sources;
            try (Stream<Path> paths = Files.walk(SOURCES.resolve("crypto").resolve(sub))) {
                sources = paths.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : sources) {
                Matcher m = OURS.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1) + m.group(2);
                    if (!used.equals("crypto." + sub)) {
                        violations.add(file.getFileName() + ": crypto." + sub + " -> " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageUsesOnlyWhatDesignAllows() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the provider module");
        List<String> violations = new ArrayList<>();
        Set<String> exceptionsUsed = new TreeSet<>();
        int files = 0;
        for (Map.Entry<String, Set<String>> e : MAY_USE.entrySet()) {
            List<Path> sources;
            try (Stream<Path> paths = Files.walk(SOURCES.resolve(e.getKey()))) {
                sources = paths.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : sources) {
                files++;
                Matcher m = OURS.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    String type = m.group(3);
                    if (used.equals(e.getKey()) || e.getValue().contains(used)) {
                        continue;
                    }
                    String arrow = e.getKey() + " -> " + used;
                    if (EXCEPTIONS.getOrDefault(arrow, Set.of()).contains(type)) {
                        exceptionsUsed.add(arrow + " " + type);
                    } else {
                        violations.add(file.getFileName() + ": " + arrow + " (" + type + ")");
                    }
                }
            }
        }
        assertTrue(files > 100, "found the sources: " + files);
        assertEquals(List.of(), violations);
        // Every exception is still needed: one that no longer is must go from the list.
        Set<String> listed = new TreeSet<>();
        EXCEPTIONS.forEach((arrow, types) -> types.forEach(t -> listed.add(arrow + " " + t)));
        assertEquals(listed, exceptionsUsed);
    }
}
