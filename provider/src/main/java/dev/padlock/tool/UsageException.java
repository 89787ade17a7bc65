package dev.padlock.tool;

/** A command line the tool cannot run: exit code 2, with the message and the usage text. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
