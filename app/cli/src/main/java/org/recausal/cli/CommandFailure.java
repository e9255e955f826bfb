package org.recausal.cli;

/** Bad input found while running a command: {@link Cli} prints its message as the one-line reason and exits 1. */
final class CommandFailure extends RuntimeException {
    CommandFailure(String message) {
        super(message);
    }
}
