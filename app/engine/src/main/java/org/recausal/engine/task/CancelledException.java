package org.recausal.engine.task;

/** Thrown by a task that stopped because its {@link CancellationToken} was cancelled. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
