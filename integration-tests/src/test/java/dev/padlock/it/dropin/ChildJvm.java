package dev.padlock.it.dropin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.padlock.PadlockProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Test side: runs a scenario's main class in a fresh JVM, configured the way a user installs
 * Padlock and nothing more: {@code -Djava.security.properties=<template>} with the provider
 * on the class path or the module path. {@link Install#NONE} runs the same program without
 * the template, on the JDK's own providers.
 */
final class ChildJvm {
    enum Install { CLASS_PATH, MODULE_PATH, NONE }

    private static final long TIMEOUT_SECONDS = 90;

    private ChildJvm() {}

    /** What the child printed: its {@code key=value} facts, and everything for messages. */
    record Result(int exitCode, String stdout, String stderr, Map<String, String> facts) {
        String fact(String key) {
            String value = facts.get(key);
            if (value == null) {
                fail("the child printed no fact " + key + "\n" + this);
            }
            return value;
        }

        Result assertSucceeded() {
            if (exitCode != 0) {
                fail("the child exited with " + exitCode + "\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "--- exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Result run(Install install, Path workDir, List<String> properties, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (install != Install.NONE) {
            command.add("-Djava.security.properties=" + template());
        }
        command.addAll(properties);
        Path provider = providerLocation();
        List<String> classPath = testClassPath();
        if (install == Install.MODULE_PATH) {
            classPath.removeIf(entry -> Path.of(entry).toAbsolutePath().equals(provider));
            command.addAll(List.of("--module-path", provider.toString(), "--add-modules", "dev.padlock"));
        }
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), main.getName()));
        command.addAll(Arrays.asList(args));

        Path out = Files.createTempFile(workDir, main.getSimpleName(), ".out");
        Path err = Files.createTempFile(workDir, main.getSimpleName(), ".err");
        Process child = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            boolean exited = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Result result = new Result(exited ? child.exitValue() : -1, Files.readString(out), Files.readString(err),
                    parse(Files.readString(out)));
            assertTrue(exited, () -> "the child did not finish in " + TIMEOUT_SECONDS + " s\n"
                    + String.join(" ", command) + "\n" + result);
            return result;
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> facts = new LinkedHashMap<>();
        stdout.lines().filter(line -> line.indexOf('=') > 0).forEach(line -> {
            int eq = line.indexOf('=');
            facts.put(line.substring(0, eq), line.substring(eq + 1));
        });
        return facts;
    }

    /** The template the README tells users to pass, from the repository root. */
    static Path template() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("META-INF-templates").resolve("java.security.padlock");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("META-INF-templates/java.security.padlock not found above " + here);
    }

    /** The provider's jar (or classes directory, in a reactor build before packaging). */
    static Path providerLocation() {
        try {
            return Path.of(PadlockProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Surefire's test class path: test classes, the provider and the test dependencies. */
    private static List<String> testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
