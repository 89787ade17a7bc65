package dev.padlock.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a native peer program ({@code openssl}, {@code gnutls-cli}, {@code curl}, ...)
 * with its stdout and stderr captured to files, so that any assertion about it can show the
 * whole transcript. Closing it destroys the process forcibly if it is still alive.
 */
public final class Peer implements AutoCloseable {
    /** A peer that does not finish in this time is a hang, not a slow machine. */
    static final long TIMEOUT_SECONDS = 30;

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private Peer(List<String> command, Process process, Path stdout, Path stderr) {
        this.command = List.copyOf(command);
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * The absolute path of {@code program} on the PATH. A missing peer fails the test: the
     * interop suite proves nothing by skipping.
     */
    static String require(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, program);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("peer program '" + program + "' is not on the PATH (" + path + "); the interop tests need it."
                + " Run .ci/run, or install the peers with: apt-get install -y openssl gnutls-bin curl");
    }

    /** Starts {@code command} in {@code workDir}; its output goes to files there. */
    public static Peer start(Path workDir, List<String> command) {
        return start(workDir, command, Map.of());
    }

    /** As {@link #start(Path, List)}, with {@code environment} added to the inherited one. */
    public static Peer start(Path workDir, List<String> command, Map<String, String> environment) {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, require(command.get(0)));
        int run = RUNS.incrementAndGet();
        String name = Path.of(command.get(0)).getFileName() + "-" + run;
        Path out = workDir.resolve(name + ".stdout");
        Path err = workDir.resolve(name + ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(resolved).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            return new Peer(resolved, p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + resolved, e);
        }
    }

    /** Runs {@code command} to its end with {@code input} on stdin (then closed). */
    static Peer run(Path workDir, List<String> command, String input) {
        Peer peer = start(workDir, command);
        try {
            peer.send(input);
            peer.closeInput();
            peer.awaitExit();
            return peer;
        } catch (RuntimeException | Error e) {
            peer.close();
            throw e;
        }
    }

    /** Runs {@code command} to its end and fails unless it exits with 0. */
    static Peer runOk(Path workDir, List<String> command) {
        Peer peer = run(workDir, command, "");
        if (peer.exitCode() != 0) {
            fail("exit code " + peer.exitCode() + "\n" + peer.transcript());
        }
        return peer;
    }

    public void send(String input) {
        try {
            OutputStream in = process.getOutputStream();
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + command + "\n" + transcript(), e);
        }
    }

    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the input of " + command, e);
        }
    }

    /** Waits for the process to end; a hang fails the test with the transcript so far. */
    public void awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("peer did not finish within " + TIMEOUT_SECONDS + " s\n" + transcript());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted waiting for " + command);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The command line and everything it printed, for assertion messages. */
    public String transcript() {
        return "$ " + String.join(" ", command) + (process.isAlive() ? "" : "\n(exit " + process.exitValue() + ")")
                + "\n--- stdout (" + stdout + ") ---\n" + stdout() + "\n--- stderr (" + stderr + ") ---\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** Kills the process (forcibly: a peer owes us nothing once the test is done). */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
