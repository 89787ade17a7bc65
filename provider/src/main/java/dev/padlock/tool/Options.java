package dev.padlock.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One command's arguments, parsed by hand (the jar has no dependencies): {@code --name value},
 * {@code --name=value}, boolean {@code --flag}, and positional words. Every option must be one
 * the command declares; a repeated option keeps its last value.
 */
final class Options {
    private final Map<String, String> values;
    private final Set<String> flags;
    private final List<String> positional;

    private Options(Map<String, String> values, Set<String> flags, List<String> positional) {
        this.values = values;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * @param valued   the options that take a value, without the leading dashes
     * @param booleans the options that take none
     */
    static Options parse(List<String> args, Set<String> valued, Set<String> booleans) throws UsageException {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleans.contains(name)) {
                if (inline != null) {
                    throw new UsageException("--" + name + " takes no value");
                }
                flags.add(name);
            } else if (valued.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    inline = args.get(++i);
                }
                values.put(name, inline);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Options(values, flags, List.copyOf(positional));
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Optional<Path> path(String name) {
        return value(name).map(Path::of);
    }

    /** A comma-separated list; empty when the option is absent. */
    List<String> list(String name) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String s : v.get().split(",")) {
            String t = s.trim();
            if (!t.isEmpty()) {
                items.add(t);
            }
        }
        if (items.isEmpty()) {
            throw new UsageException("--" + name + " needs at least one name");
        }
        return List.copyOf(items);
    }

    int integer(String name, int absent, int min, int max) throws UsageException {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.get().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", not "
                    + v.get());
        }
        throw new UsageException("--" + name + " must be from " + min + " to " + max + ", not " + v.get());
    }
}
