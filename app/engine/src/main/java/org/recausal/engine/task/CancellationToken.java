package org.recausal.engine.task;

/**
 * Lets one thread ask a long task on another to stop. Cooperative: the task polls {@link #throwIfCancelled()}
 * at safe points, so it stops between units of work and never leaves half-written state behind.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    /** A fresh token for a task nobody can cancel; each call returns a new one so no state is shared. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** @throws CancelledException if {@link #cancel()} has been called */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
