package dev.padlock.jsse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The opt-in NSS key log (the format Wireshark, curl and browsers use): one line per secret,
 * {@code LABEL <client random hex> <secret hex>}. Shared by every connection that logs to the
 * same file; lines are appended whole, so many connections can log at once.
 */
final class KeyLogFile {
    private static final Map<Path, KeyLogFile> OPEN = new ConcurrentHashMap<>();
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final Writer writer;

    private KeyLogFile(Path path) throws IOException {
        this.path = path;
        this.writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** The one writer for {@code path}; the first open prints a warning that secrets are being written. */
    static KeyLogFile open(Path path) {
        return OPEN.computeIfAbsent(path.toAbsolutePath().normalize(), p -> {
            try {
                KeyLogFile file = new KeyLogFile(p);
                System.getLogger("dev.padlock").log(Level.WARNING, "Padlock is writing TLS secrets to " + p
                        + " (key logging was switched on): anyone who reads this file can decrypt these connections");
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the key log file " + p, e);
            }
        });
    }

    Path path() {
        return path;
    }

    void write(String label, byte[] clientRandom, byte[] secret) {
        String line = label + " " + HEX.formatHex(clientRandom) + " " + HEX.formatHex(secret) + "\n";
        synchronized (this) {
            try {
                writer.write(line);
                writer.flush();
            } catch (IOException e) {
                System.getLogger("dev.padlock").log(Level.WARNING, "cannot write to the key log file " + path, e);
            }
        }
    }
}
